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
import org.isocenter.export.internal.DicomStoreExporter;
import org.isocenter.export.internal.FolderExporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The linac exporters on offer. In the workbench and the CLI they are the OSGi services of type {@link LinacExporter}:
 * this bundle registers the {@code dicom} and {@code folder} exporters as Declarative Services {@code @Component}s
 * (the build generates their descriptors), vendor bundles add theirs the same way, and the {@link Registry}
 * component collects them. Outside OSGi (plain JUnit, embedding) only the built-in ones are available.
 */
public final class LinacExporters {

    private static final Contributions<LinacExporter> CONTRIBUTED = new Contributions<>();

    private LinacExporters() {
    }

    /** The exporters this bundle ships, without OSGi. */
    public static List<LinacExporter> builtIn() {
        return List.of(new DicomStoreExporter(), new FolderExporter());
    }

    /** All registered exporters sorted by id, or the built-in ones when none is registered (no OSGi). */
    public static List<LinacExporter> available() {
        List<LinacExporter> found = new ArrayList<>(CONTRIBUTED.list());
        found.sort(Comparator.comparing(LinacExporter::id));
        return found.isEmpty() ? builtIn() : List.copyOf(found);
    }

    /** The exporter with this id, if registered. */
    public static Optional<LinacExporter> byId(String id) {
        return available().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The first exporter (by id) that supports {@code destination}. */
    public static Optional<LinacExporter> forDestination(ExportDestination destination) {
        return available().stream().filter(e -> e.supports(destination)).findFirst();
    }

    /**
     * The Declarative Services component that binds every {@link LinacExporter} service as it comes and goes. Not
     * for direct use.
     */
    @Component(immediate = true)
    public static final class Registry {

        @Reference(name = "exporters", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
        public void add(LinacExporter exporter, Map<String, Object> properties) {
            CONTRIBUTED.add(exporter, properties);
        }

        public void remove(LinacExporter exporter) {
            CONTRIBUTED.remove(exporter);
        }
    }
}
