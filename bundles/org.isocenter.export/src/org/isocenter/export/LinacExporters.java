/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.util.Map;
import java.util.Optional;

import org.isocenter.core.services.Catalogue;
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
public final class LinacExporters extends Catalogue<LinacExporter> {

    /** An empty catalogue, filled by the component runtime. */
    public LinacExporters() {
        super(LinacExporter::id);
    }

    /** A fixed catalogue of these exporters. */
    public static LinacExporters of(LinacExporter... exporters) {
        LinacExporters c = new LinacExporters();
        for (LinacExporter e : exporters) {
            c.add(e, Map.of());
        }
        return c;
    }

    /** The first exporter (by id) that supports {@code destination}. */
    public Optional<LinacExporter> forDestination(ExportDestination destination) {
        return available().stream().filter(e -> e.supports(destination)).findFirst();
    }

    /** Binds an exporter service (the component runtime calls this). */
    @Override
    @Reference(name = "exporters", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void add(LinacExporter exporter, Map<String, Object> properties) {
        super.add(exporter, properties);
    }

    /** Unbinds an exporter service. */
    @Override
    public void remove(LinacExporter exporter) {
        super.remove(exporter);
    }
}
