/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.isocenter.core.services.Contributions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The linac exporters on offer: every {@link LinacExporter} service, bound as it comes and goes (this bundle
 * contributes the {@code dicom} and {@code folder} exporters, vendor bundles add theirs as Declarative Services
 * {@code @Component}s). It is itself a service: front ends and commands take it by {@code @Reference} (or a service
 * tracker); under a class path without OSGi, {@link org.isocenter.core.services.ClassPathComponents} starts it from the
 * same descriptors. {@link #of} makes a fixed catalogue, e.g. for a test.
 */
@Component(service = LinacExporters.class, immediate = true)
public final class LinacExporters {

    private final Contributions<LinacExporter> bound = new Contributions<>();

    /** An empty catalogue, filled by the component runtime. */
    public LinacExporters() {
    }

    /** A fixed catalogue of these exporters. */
    public static LinacExporters of(LinacExporter... exporters) {
        LinacExporters c = new LinacExporters();
        for (LinacExporter e : exporters) {
            c.add(e, Map.of());
        }
        return c;
    }

    /** The exporters bound now, sorted by id (empty when none is installed). */
    public List<LinacExporter> available() {
        List<LinacExporter> found = new ArrayList<>(bound.list());
        found.sort(Comparator.comparing(LinacExporter::id));
        return List.copyOf(found);
    }

    /** The exporter with this id, if one is bound. */
    public Optional<LinacExporter> byId(String id) {
        return available().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The first exporter (by id) that supports {@code destination}. */
    public Optional<LinacExporter> forDestination(ExportDestination destination) {
        return available().stream().filter(e -> e.supports(destination)).findFirst();
    }

    /** Binds an exporter service (the component runtime calls this). */
    @Reference(name = "exporters", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void add(LinacExporter exporter, Map<String, Object> properties) {
        bound.add(exporter, properties);
    }

    /** Unbinds an exporter service. */
    public void remove(LinacExporter exporter) {
        bound.remove(exporter);
    }
}
