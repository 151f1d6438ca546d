package org.isocenter.ui.internal;

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
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.contouring.EditableStructures;
import org.isocenter.ui.internal.contouring.UnsavedEdits;
import org.isocenter.ui.internal.jobs.LoadDemoJob;
import org.isocenter.ui.internal.preferences.PreferenceDefaults;
import org.isocenter.ui.internal.views.PatientBrowserView;

/**
 * Opens the Planning perspective and, when the preference says so, loads the demo patient at start-up and shows
 * its planning CT in the Image Viewer; asks about unsaved structure edits before the workbench shuts down.
 */
final class IsocenterWorkbenchAdvisor extends WorkbenchAdvisor {

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

    @Override
    public void postStartup() {
        if (IsocenterUiPlugin.get().getPreferenceStore().getBoolean(PreferenceDefaults.OPEN_DEMO_AT_STARTUP)) {
            LoadDemoJob job = new LoadDemoJob();
            job.addJobChangeListener(new JobChangeAdapter() {
                @Override
                public void done(IJobChangeEvent event) {
                    if (event.getResult().isOK()) {
                        Display.getDefault().asyncExec(IsocenterWorkbenchAdvisor::showDemoPlanningCt);
                    }
                }
            });
            job.schedule();
        }
    }

    /**
     * Selects the demo's planning CT in the Patient Browser, so that the Image Viewer opens on it; not when the user
     * has already loaded a patient while the demo was being imported.
     */
    private static void showDemoPlanningCt() {
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null || window.getActivePage() == null || LoadedPatient.session().patient() != null) {
            return;
        }
        if (window.getActivePage().findView(IsocenterUi.VIEW_PATIENT_BROWSER) instanceof PatientBrowserView browser) {
            PatientSession.get().indexes().stream().flatMap(i -> i.allSeries().stream())
                    .filter(s -> s.seriesInstanceUid().equals(DemoPatient.PLANNING_SERIES_UID)).findFirst()
                    .ifPresent(ct -> browser.viewer().setSelection(new StructuredSelection(ct), true));
        }
    }
}
