package org.isocenter.ui.internal.preferences;

import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.jface.preference.IPreferenceStore;
import org.isocenter.registration.CorrectionLimits;
import org.isocenter.render.WindowLevel;
import org.isocenter.ui.internal.IsocenterUiPlugin;

/** Preference keys and defaults of the workbench (IGRT limits in mm and degrees). */
public final class PreferenceDefaults extends AbstractPreferenceInitializer {

    public static final String OPEN_DEMO_AT_STARTUP = "openDemoAtStartup";
    public static final String DEMO_FOLDER = "demoFolder";
    public static final String DEFAULT_WINDOW = "defaultWindow";
    public static final String ACTION_LEVEL_MM = "igrt.actionLevelMm";
    public static final String ACTION_LEVEL_DEG = "igrt.actionLevelDeg";
    public static final String MAX_TRANSLATION_MM = "igrt.maxTranslationMm";
    public static final String MAX_ROTATION_DEG = "igrt.maxRotationDeg";
    public static final String SIX_DOF_COUCH = "igrt.sixDofCouch";
    public static final String SOFT_TISSUE_MARGIN_MM = "igrt.softTissueMarginMm";
    /**
     * The IGRT record store's JDBC URL; empty: the default (ISOCENTER_DB, else the embedded database under the
     * Isocenter home), shared with the command line.
     */
    public static final String RECORD_DB = "igrt.recordDb";
    /** The folder File ▸ Import DICOM Folder opened last (the folder dialog starts there). */
    public static final String LAST_IMPORT_FOLDER = "import.lastFolder";

    @Override
    public void initializeDefaultPreferences() {
        IPreferenceStore store = IsocenterUiPlugin.get().getPreferenceStore();
        store.setDefault(OPEN_DEMO_AT_STARTUP, true);
        store.setDefault(DEMO_FOLDER, IsocenterUiPlugin.get().getStateLocation().append("demo-patient").toOSString());
        store.setDefault(DEFAULT_WINDOW, WindowLevel.SOFT_TISSUE.name());
        CorrectionLimits limits = CorrectionLimits.DEFAULT;
        store.setDefault(ACTION_LEVEL_MM, limits.actionLevelMm());
        store.setDefault(ACTION_LEVEL_DEG, limits.actionLevelDeg());
        store.setDefault(MAX_TRANSLATION_MM, limits.maxTranslationMm());
        store.setDefault(MAX_ROTATION_DEG, limits.maxRotationDeg());
        store.setDefault(SIX_DOF_COUCH, true);
        store.setDefault(SOFT_TISSUE_MARGIN_MM, 20.0); // as the command line's register: see RegisterCommand
        store.setDefault(LAST_IMPORT_FOLDER, "");
        store.setDefault(RECORD_DB, "");
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

    /** The clinic's couch correction limits; the defaults when the stored ones are inconsistent. */
    public static CorrectionLimits correctionLimits() {
        IPreferenceStore store = IsocenterUiPlugin.get().getPreferenceStore();
        try {
            return new CorrectionLimits(store.getDouble(ACTION_LEVEL_MM), store.getDouble(ACTION_LEVEL_DEG),
                    store.getDouble(MAX_TRANSLATION_MM), store.getDouble(MAX_ROTATION_DEG));
        } catch (IllegalArgumentException e) {
            return CorrectionLimits.DEFAULT;
        }
    }

    /** Whether the couch applies rotations (6 DOF) or translations only (3 DOF). */
    public static boolean sixDofCouch() {
        return IsocenterUiPlugin.get().getPreferenceStore().getBoolean(SIX_DOF_COUCH);
    }

    /** Margin around the target for a soft-tissue match (mm). */
    public static double softTissueMarginMm() {
        return IsocenterUiPlugin.get().getPreferenceStore().getDouble(SOFT_TISSUE_MARGIN_MM);
    }
}
