/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.preferences;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.isocenter.render.WindowLevel;
import org.isocenter.ui.internal.IsocenterUiPlugin;

/** Window ▸ Preferences ▸ Isocenter: demo patient at start-up, its folder, the default window/level preset. */
public final class IsocenterPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public IsocenterPreferencePage() {
        super(GRID);
        setDescription(Messages.IsocenterPreferencePage_description);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(IsocenterUiPlugin.get().getPreferenceStore());
    }

    @Override
    protected void createFieldEditors() {
        addField(new BooleanFieldEditor(PreferenceDefaults.OPEN_DEMO_AT_STARTUP, Messages.IsocenterPreferencePage_openDemo,
                getFieldEditorParent()));
        addField(new DirectoryFieldEditor(PreferenceDefaults.DEMO_FOLDER, Messages.IsocenterPreferencePage_demoFolder,
                getFieldEditorParent()));
        WindowLevel[] presets = WindowLevel.presets();
        String[][] entries = new String[presets.length][];
        for (int i = 0; i < presets.length; i++) {
            WindowLevel w = presets[i];
            entries[i] = new String[] { NLS.bind(Messages.IsocenterPreferencePage_windowPreset, new Object[] { w.name(),
                    String.format("%.0f", w.centre()), String.format("%.0f", w.width()) }), w.name() };
        }
        addField(new ComboFieldEditor(PreferenceDefaults.DEFAULT_WINDOW, Messages.IsocenterPreferencePage_defaultWindow, entries,
                getFieldEditorParent()));
    }
}
