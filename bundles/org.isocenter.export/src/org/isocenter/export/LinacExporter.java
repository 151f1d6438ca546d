/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.io.IOException;
import java.nio.file.Path;

import org.isocenter.core.progress.ProgressMonitor;

/**
 * Delivers an {@link ExportPackage} to a treatment machine's world in some format: plug-in point for machine-specific
 * exporters, offered as OSGi Declarative Services components (see {@link LinacExporters}). Isocenter ships
 * {@code dicom} (C-STORE to a record-and-verify system or treatment console) and {@code folder} (files with a JSON
 * manifest). An exporter never reports an item delivered that the destination did not confirm.
 */
public interface LinacExporter {

    /** The service property that carries {@link #id()}. */
    String ID_PROPERTY = "exporter.id";

    /** Stable identifier, e.g. "dicom", "folder", "acme-xvi". */
    String id();

    /** Name for the export wizard. */
    String displayName();

    /** Whether this exporter can deliver to {@code destination}. */
    boolean supports(ExportDestination destination);

    /**
     * Delivers every applicable item; reports every item. Cancellation through {@code monitor} stops at the next
     * file (the rest NOT_SENT).
     *
     * @throws IOException when the destination cannot be used at all (e.g. a folder that is not empty)
     * @throws IllegalArgumentException when the destination is not {@link #supports supported}
     */
    ExportReport export(ExportPackage pkg, ExportDestination destination, ProgressMonitor monitor) throws IOException;

    /**
     * Reads back what arrived and compares it with the package: every item reported delivered must be found with the
     * same SOP Class and Instance UIDs and the same data set digest (folder exports: the same file SHA-256 too).
     *
     * @param readBack where the delivered files can be read: the export folder, or what a receiving SCP stored;
     *                 {@code null} uses the destination itself when the exporter can read it
     */
    default VerificationReport verify(ExportReport report, ExportDestination destination, Path readBack) throws IOException {
        if (readBack == null) {
            throw new IOException(displayName() + " cannot read back from " + destination.describe()
                    + "; give the folder where the received files are");
        }
        return ReadBackVerifier.verify(report, readBack);
    }
}
