/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.handlers;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.isocenter.ui.internal.IsocenterUiPlugin;
import org.isocenter.ui.internal.jobs.ScanFolderJob;
import org.isocenter.ui.internal.preferences.PreferenceDefaults;

/**
 * File ▸ Import DICOM Folder…: asks for a folder (starting in the last folder imported, else the home folder, never on
 * GTK's "Recent") and scans it in a job; the import ends with a summary of the files that were not imported.
 */
public final class ImportFolderHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        DirectoryDialog dialog = new DirectoryDialog(HandlerUtil.getActiveShell(event));
        dialog.setText(Messages.ImportFolderHandler_title);
        dialog.setMessage(Messages.ImportFolderHandler_message);
        dialog.setFilterPath(startFolder().toString());
        String folder = dialog.open();
        if (folder != null) {
            Path chosen = Path.of(folder);
            IsocenterUiPlugin.get().getPreferenceStore().setValue(PreferenceDefaults.LAST_IMPORT_FOLDER,
                    ScanFolderJob.canonical(chosen).toString());
            ScanFolderJob.reporting(chosen).schedule();
        }
        return null;
    }

    /** Where the folder dialog opens: the folder imported last (or its nearest existing parent), else the home folder. */
    static Path startFolder() {
        String last = IsocenterUiPlugin.get().getPreferenceStore().getString(PreferenceDefaults.LAST_IMPORT_FOLDER);
        Path p = last.isBlank() ? null : Path.of(last);
        while (p != null && !Files.isDirectory(p)) {
            p = p.getParent();
        }
        return p != null ? p : Path.of(System.getProperty("user.home"));
    }
}
