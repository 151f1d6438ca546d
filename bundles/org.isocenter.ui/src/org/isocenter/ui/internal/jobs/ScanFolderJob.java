package org.isocenter.ui.internal.jobs;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.isocenter.core.progress.CancelledException;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.PatientSession;

/** Scans a folder for DICOM in the background and adds the result to the session (shown in the Progress view). */
public class ScanFolderJob extends Job {

    /** Job family of all Isocenter import jobs (tests wait for it). */
    public static final Object FAMILY = ScanFolderJob.class;

    private final Path folder;

    public ScanFolderJob(Path folder) {
        super("Importing DICOM folder " + folder);
        this.folder = folder;
        setUser(true);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            DicomIndex index = new DicomFolderScanner().scan(folder, new EclipseProgress(monitor));
            PatientSession.get().add(index);
            if (!index.problems().isEmpty()) {
                return new Status(IStatus.WARNING, IsocenterUi.PLUGIN_ID, index.problems().size()
                        + " file(s) in " + folder + " could not be imported; see the Problems node in the Patient Browser");
            }
            return Status.OK_STATUS;
        } catch (CancelledException e) {
            return Status.CANCEL_STATUS;
        } catch (Exception e) {
            return new Status(IStatus.ERROR, IsocenterUi.PLUGIN_ID, "Import of " + folder + " failed: " + e.getMessage(), e);
        }
    }
}
