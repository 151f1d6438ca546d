/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.isocenter.core.progress.CancelledException;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.IsocenterUiPlugin;
import org.isocenter.ui.internal.PatientSession;

/**
 * Scans a folder for DICOM in the background and adds the result to the session (shown in the Progress view). The
 * folder is taken as its real, absolute path, so that importing it again replaces its earlier index. An import the
 * user asked for ({@link #reporting(Path)}) ends with an {@link ImportReport} shown to the user (by the
 * {@linkplain #setReportPresenter presenter}, an {@link ImportReportDialog} by default) when files were not imported,
 * are not DICOM, or series have warnings.
 */
public class ScanFolderJob extends Job {

    /** Job family of all Isocenter import jobs (tests wait for it). */
    public static final Object FAMILY = ScanFolderJob.class;

    private static final Consumer<ImportReport> DIALOG = report -> Display.getDefault().asyncExec(() -> {
        var shell = Display.getDefault().getActiveShell();
        new ImportReportDialog(shell, report).open();
    });
    private static volatile Consumer<ImportReport> presenter = DIALOG;

    private final Path folder;
    private final boolean report;

    /** A quiet scan (the demo, a refresh after a save): problems go to the Patient Browser and the job status only. */
    public ScanFolderJob(Path folder) {
        this(folder, false);
    }

    private ScanFolderJob(Path folder, boolean report) {
        super(NLS.bind(Messages.ScanFolderJob_name, folder));
        this.folder = canonical(folder);
        this.report = report;
        setUser(true);
    }

    /** An import the user asked for: its problems and warnings are reported when it ends. */
    public static ScanFolderJob reporting(Path folder) {
        return new ScanFolderJob(folder, true);
    }

    /**
     * Who shows the report of an import the user asked for (called on the job's thread); null restores the default,
     * a modal {@link ImportReportDialog} on the UI thread.
     */
    public static void setReportPresenter(Consumer<ImportReport> p) {
        presenter = p == null ? DIALOG : p;
    }

    /** The absolute real path (symbolic links resolved) of a folder, or its normalised absolute path. */
    public static Path canonical(Path folder) {
        Objects.requireNonNull(folder, "folder");
        try {
            return folder.toRealPath();
        } catch (Exception e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    /**
     * Scans again, quietly, the imported folder that holds {@code file} (after the workbench wrote a structure set or a
     * registration there), so that the Patient Browser lists it; returns the job, or null when no imported folder
     * holds the file.
     */
    public static Job refreshFor(Path file) {
        if (file == null) {
            return null;
        }
        Path f = canonical(file);
        for (DicomIndex index : PatientSession.get().indexes()) {
            if (f.startsWith(index.root())) {
                ScanFolderJob job = new ScanFolderJob(index.root());
                job.setUser(false);
                job.schedule();
                return job;
            }
        }
        return null;
    }

    /** The folder scanned (real, absolute path). */
    public Path folder() {
        return folder;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            if (!Files.isDirectory(folder)) {
                String message = NLS.bind(Messages.ScanFolderJob_notAFolder, folder);
                if (report) {
                    presenter.accept(ImportReport.failed(folder, message));
                    return Status.OK_STATUS; // said in the report; an ERROR status would add a second dialog
                }
                return new Status(IStatus.ERROR, IsocenterUi.PLUGIN_ID,
                        NLS.bind(Messages.ScanFolderJob_importOf, message));
            }
            // what the headers gave is kept in the workspace's state: a folder imported again (the demo at every
            // start-up) reads only its new or changed files
            DicomIndex index = DicomFolderScanner.remembering(
                    IsocenterUiPlugin.get().getStateLocation().append("scan-store").toPath())
                    .scan(folder, new EclipseProgress(monitor));
            PatientSession.get().add(index);
            ImportReport r = ImportReport.of(index);
            if (report && r.worthShowing()) {
                presenter.accept(r);
                return Status.OK_STATUS;
            }
            if (!index.problems().isEmpty() || !ImportReport.strayFiles(index).isEmpty()) {
                return new Status(IStatus.WARNING, IsocenterUi.PLUGIN_ID,
                        NLS.bind(Messages.ScanFolderJob_seeBrowser, r.headline()));
            }
            return Status.OK_STATUS;
        } catch (CancelledException e) {
            return Status.CANCEL_STATUS;
        } catch (Exception e) {
            if (report) {
                presenter.accept(ImportReport.failed(folder, e.getMessage() == null ? e.toString() : e.getMessage()));
                return Status.OK_STATUS;
            }
            return new Status(IStatus.ERROR, IsocenterUi.PLUGIN_ID,
                    NLS.bind(Messages.ScanFolderJob_failed, folder, e.getMessage()), e);
        }
    }
}
