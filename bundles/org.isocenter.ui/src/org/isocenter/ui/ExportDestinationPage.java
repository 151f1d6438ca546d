/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui;

import java.nio.file.Path;

import org.eclipse.swt.widgets.Composite;
import org.isocenter.export.ExportDestination;

/**
 * The destination page of a contributed {@link org.isocenter.export.LinacExporter} in the Export to Linac wizard: where
 * that exporter delivers, entered in fields the exporter's plug-in builds. Contributed declaratively through the
 * extension point {@value #EXTENSION_POINT} (schema {@code schema/exportDestinationPages.exsd}): one
 * {@code destinationPage} element per exporter id. When the user chooses that exporter, the wizard shows these fields
 * instead of its own DICOM node and folder fields, and exports to {@link #destination()}. Paths are absolute local
 * paths; no frame or unit.
 */
public interface ExportDestinationPage {

    /** The extension point that contributes destination pages. */
    String EXTENSION_POINT = "org.isocenter.ui.exportDestinationPages";

    /**
     * Builds the fields into {@code parent} (its layout is the page's to set), filled from what the user entered last
     * time if the page remembers it. Call {@code changed} after every edit: the wizard then asks {@link #destination()}.
     */
    void createControls(Composite parent, Runnable changed);

    /**
     * The destination as entered now.
     *
     * @throws IllegalArgumentException with a sentence naming the field and what is wrong, while the input is not a
     *         destination the exporter can use (the wizard shows it and does not finish)
     */
    ExportDestination destination();

    /** Where the delivered files can be read back for verification; null: the exporter reads the destination itself. */
    default Path readBack() {
        return null;
    }

    /** Called at Finish, before the export: remember what was entered (e.g. in the plug-in's preferences). */
    default void remember() {
    }
}
