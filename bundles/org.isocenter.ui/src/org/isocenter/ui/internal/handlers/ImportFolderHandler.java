package org.isocenter.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.isocenter.ui.internal.jobs.ScanFolderJob;

/** File ▸ Import DICOM Folder…: asks for a folder and scans it in a job. */
public final class ImportFolderHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        DirectoryDialog dialog = new DirectoryDialog(HandlerUtil.getActiveShell(event));
        dialog.setText("Import DICOM Folder");
        dialog.setMessage("Choose a folder; all DICOM files below it are indexed.");
        String folder = dialog.open();
        if (folder != null) {
            new ScanFolderJob(Path.of(folder)).schedule();
        }
        return null;
    }
}
