/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.preferences;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.isocenter.render.WindowLevel;
import org.isocenter.ui.internal.IsocenterUiPlugin;

/** Window ▸ Preferences ▸ Isocenter: demo patient at start-up, its folder, the default window/level preset. */
public final class IsocenterPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public IsocenterPreferencePage() {
        super(GRID);
        setDescription("General settings of the Isocenter workbench.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(IsocenterUiPlugin.get().getPreferenceStore());
    }

    @Override
    protected void createFieldEditors() {
        addField(new BooleanFieldEditor(PreferenceDefaults.OPEN_DEMO_AT_STARTUP, "Open the &demo patient at start-up",
                getFieldEditorParent()));
        addField(new DirectoryFieldEditor(PreferenceDefaults.DEMO_FOLDER, "Demo patient &folder:",
                getFieldEditorParent()));
        WindowLevel[] presets = WindowLevel.presets();
        String[][] entries = new String[presets.length][];
        for (int i = 0; i < presets.length; i++) {
            WindowLevel w = presets[i];
            entries[i] = new String[] { String.format("%s (C %.0f / W %.0f HU)", w.name(), w.centre(), w.width()), w.name() };
        }
        addField(new ComboFieldEditor(PreferenceDefaults.DEFAULT_WINDOW, "Default &window/level:", entries,
                getFieldEditorParent()));
    }
}
