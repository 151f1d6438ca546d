/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.isocenter.core.services.Catalogue;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The set-up log importers on offer: every {@link FractionLogImporter} service, bound as it comes and goes (this bundle
 * contributes {@code isocenter}, the workbench's own {@value FractionLog#FILE_NAME}; vendor bundles add their formats).
 * It is itself a service that commands take by {@code @Reference}; {@link #of} makes a fixed catalogue, e.g. for a
 * test.
 */
@Component(service = FractionLogImporters.class, immediate = true)
public final class FractionLogImporters extends Catalogue<FractionLogImporter> {

    /** An empty catalogue, filled by the component runtime. */
    public FractionLogImporters() {
        super(FractionLogImporter::id);
    }

    /** A fixed catalogue of these importers. */
    public static FractionLogImporters of(FractionLogImporter... importers) {
        FractionLogImporters c = new FractionLogImporters();
        for (FractionLogImporter i : importers) {
            c.add(i, Map.of());
        }
        return c;
    }

    /**
     * The importer for a file: the one named ({@code id} not null), else the one importer that recognises it. A file no
     * importer recognises, or several do, is refused naming the importers (choose one by id).
     */
    public FractionLogImporter forFile(Path file, String id) throws IOException {
        if (id != null) {
            return byId(id).orElseThrow(() -> new IllegalArgumentException("no log importer '" + id + "'; installed: "
                    + ids(available())));
        }
        List<FractionLogImporter> found = new ArrayList<>();
        for (FractionLogImporter i : available()) {
            if (i.recognises(file)) {
                found.add(i);
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        throw new IllegalArgumentException(found.isEmpty()
                ? file + " is in no format an installed log importer reads (" + ids(available()) + ")"
                : file + " is recognised by several log importers (" + ids(found) + "); choose one");
    }

    private static String ids(List<FractionLogImporter> importers) {
        return String.join(", ", importers.stream().map(i -> i.id() + " (" + i.label() + ")").toList());
    }

    /** Binds an importer service (the component runtime calls this). */
    @Override
    @Reference(name = "importers", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void add(FractionLogImporter importer, Map<String, Object> properties) {
        super.add(importer, properties);
    }

    /** Unbinds an importer service. */
    @Override
    public void remove(FractionLogImporter importer) {
        super.remove(importer);
    }
}
