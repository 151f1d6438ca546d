/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.session.WorkingSessions;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.contouring.EditableStructures;
import org.isocenter.ui.internal.contouring.UnsavedEdits;
import org.isocenter.ui.internal.jobs.LoadDemoJob;
import org.isocenter.ui.internal.jobs.ScanFolderJob;
import org.isocenter.ui.internal.preferences.PreferenceDefaults;
import org.isocenter.ui.internal.viewer.ImagePrefetch;
import org.isocenter.ui.internal.views.PatientBrowserView;

/**
 * Opens the Planning perspective and at start-up either imports the folder named on the command line and shows its
 * main image series, or (when the preference says so) loads the demo patient and shows its planning CT in the Image
 * Viewer; asks about unsaved structure edits before the workbench shuts down.
 */
final class IsocenterWorkbenchAdvisor extends WorkbenchAdvisor {

    private final Path folder;
    /** Set on the UI thread: the window is open; the import is done and this chooses the series to show. */
    private boolean windowOpen;
    private Optional<SeriesRecord> startupChoice;

    /** @param folder the folder to import at start-up instead of the demo; null: the demo, if the preference says so */
    IsocenterWorkbenchAdvisor(Path folder) {
        this.folder = folder;
    }

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(false);
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new IsocenterWindowAdvisor(configurer);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return IsocenterUi.PERSPECTIVE_PLANNING;
    }

    /** File ▸ Exit (and the last window closing): asks Save / Discard / Cancel about unsaved structure edits. */
    @Override
    public boolean preShutdown() {
        return UnsavedEdits.resolveForExit(EditableStructures.get()) && super.preShutdown();
    }

    /**
     * Starts the start-up import; called by the application once the display exists and before the workbench is
     * created, so that reading the folder's headers overlaps with building the workbench and its window (on another
     * core). The series is shown once both are done.
     */
    void startImport() {
        if (folder != null) {
            ScanFolderJob job = ScanFolderJob.reporting(folder);
            Path root = job.folder();
            showWhenDone(job, () -> PatientSession.get().indexes().stream().filter(i -> i.root().equals(root))
                    .flatMap(i -> i.allSeries().stream()).filter(SeriesRecord::isImageSeries)
                    .max(Comparator.comparing((SeriesRecord s) -> s.modality().equals("CT"))
                            .thenComparing(s -> s.instances().size())));
        } else if (IsocenterUiPlugin.get().getPreferenceStore().getBoolean(PreferenceDefaults.OPEN_DEMO_AT_STARTUP)) {
            showWhenDone(new LoadDemoJob(), () -> PatientSession.get().indexes().stream()
                    .flatMap(i -> i.allSeries().stream())
                    .filter(s -> s.seriesInstanceUid().equals(DemoPatient.PLANNING_SERIES_UID)).findFirst());
        }
    }

    @Override
    public void postStartup() {
        Display.getDefault().asyncExec(() -> { // after the window's own start-up events
            windowOpen = true;
            showStartupSeries();
        });
    }

    /**
     * Runs the import and, when it is done, chooses the series and starts decoding it; once the window is open too,
     * shows it.
     */
    private void showWhenDone(ScanFolderJob job, Supplier<Optional<SeriesRecord>> choice) {
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (!event.getResult().matches(IStatus.ERROR | IStatus.CANCEL)) {
                    Optional<SeriesRecord> chosen = choice.get();
                    // decoded, with its structure set, plan and dose, while the window is still being built
                    chosen.ifPresent(s -> ImagePrefetch.start(s,
                            WorkingSessions.current().patientSeries(s.seriesInstanceUid())));
                    Display.getDefault().asyncExec(() -> {
                        startupChoice = chosen;
                        showStartupSeries();
                    });
                }
            }
        });
        job.schedule();
    }

    /** On the UI thread: shows the start-up series once the import is done and the window is open (whichever last). */
    private void showStartupSeries() {
        if (windowOpen && startupChoice != null) {
            startupChoice.ifPresentOrElse(IsocenterWorkbenchAdvisor::show, ImagePrefetch::discard);
            startupChoice = null;
        }
    }

    /**
     * Selects the series in the Patient Browser, so that the Image Viewer opens on it; not when the user has already
     * loaded a patient while the folder was being imported.
     */
    private static void show(SeriesRecord series) {
        var workbench = PlatformUI.getWorkbench();
        var window = workbench.getActiveWorkbenchWindow() != null ? workbench.getActiveWorkbenchWindow()
                : workbench.getWorkbenchWindowCount() > 0 ? workbench.getWorkbenchWindows()[0] : null;
        if (window == null || window.getActivePage() == null || LoadedPatient.session().patient() != null) {
            ImagePrefetch.discard(); // not shown: the decoded volume is not kept
            return;
        }
        if (window.getActivePage().findView(IsocenterUi.VIEW_PATIENT_BROWSER) instanceof PatientBrowserView browser) {
            browser.viewer().setSelection(new StructuredSelection(series), true);
        }
    }
}
