/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.preferences;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.jface.preference.IPreferenceStore;

import org.isocenter.igrt.ClinicSettings;
import org.isocenter.render.WindowLevel;
import org.isocenter.ui.internal.IsocenterUiPlugin;

/**
 * Preference keys and defaults of the workbench; the IGRT settings are the clinic's, shared with the command line
 * ({@link #clinic()}).
 */
public final class PreferenceDefaults extends AbstractPreferenceInitializer {

    public static final String OPEN_DEMO_AT_STARTUP = "openDemoAtStartup";
    public static final String DEMO_FOLDER = "demoFolder";
    public static final String DEFAULT_WINDOW = "defaultWindow";
    /**
     * The IGRT record store's JDBC URL; empty: the default (ISOCENTER_DB, else the embedded database under the
     * Isocenter home), shared with the command line.
     */
    public static final String RECORD_DB = "igrt.recordDb";
    /**
     * The imaging protocol of this workstation's daily images (an id of the imaging dose table), whose dose estimate
     * is recorded with every decision; empty: none recorded.
     */
    public static final String IMAGING_PROTOCOL = "igrt.imagingProtocol";
    /** The folder File ▸ Import DICOM Folder opened last (the folder dialog starts there). */
    public static final String LAST_IMPORT_FOLDER = "import.lastFolder";

    @Override
    public void initializeDefaultPreferences() {
        IPreferenceStore store = IsocenterUiPlugin.get().getPreferenceStore();
        store.setDefault(OPEN_DEMO_AT_STARTUP, true);
        store.setDefault(DEMO_FOLDER, IsocenterUiPlugin.get().getStateLocation().append("demo-patient").toOSString());
        store.setDefault(DEFAULT_WINDOW, WindowLevel.SOFT_TISSUE.name());
        store.setDefault(LAST_IMPORT_FOLDER, "");
        store.setDefault(RECORD_DB, "");
        store.setDefault(IMAGING_PROTOCOL, "");
    }

    /** Where the demo patient is written and read. */
    public static Path demoFolder() {
        return Path.of(IsocenterUiPlugin.get().getPreferenceStore().getString(DEMO_FOLDER));
    }

    /** The window preset viewers start with. */
    public static WindowLevel defaultWindow() {
        String name = IsocenterUiPlugin.get().getPreferenceStore().getString(DEFAULT_WINDOW);
        for (WindowLevel w : WindowLevel.presets()) {
            if (w.name().equals(name)) {
                return w;
            }
        }
        return WindowLevel.SOFT_TISSUE;
    }

    /**
     * The clinic's IGRT settings (limits, couch, default match, soft-tissue margin), shared with the command line:
     * {@link ClinicSettings#defaultFile()}. A file that cannot be read is refused with its message, never replaced
     * by defaults.
     */
    public static ClinicSettings clinic() throws IOException {
        return ClinicSettings.load(ClinicSettings.defaultFile());
    }
}
