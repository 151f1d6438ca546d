package org.isocenter.ui.internal.preferences;

import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.jface.preference.IPreferenceStore;
import org.isocenter.render.WindowLevel;
import org.isocenter.ui.internal.IsocenterUiPlugin;

/** Preference keys and defaults of the workbench. */
public final class PreferenceDefaults extends AbstractPreferenceInitializer {

    public static final String OPEN_DEMO_AT_STARTUP = "openDemoAtStartup";
    public static final String DEMO_FOLDER = "demoFolder";
    public static final String DEFAULT_WINDOW = "defaultWindow";

    @Override
    public void initializeDefaultPreferences() {
        IPreferenceStore store = IsocenterUiPlugin.get().getPreferenceStore();
        store.setDefault(OPEN_DEMO_AT_STARTUP, true);
        store.setDefault(DEMO_FOLDER, IsocenterUiPlugin.get().getStateLocation().append("demo-patient").toOSString());
        store.setDefault(DEFAULT_WINDOW, WindowLevel.SOFT_TISSUE.name());
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
}
