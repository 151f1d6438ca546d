package org.isocenter.ui.internal;

import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.jobs.LoadDemoJob;
import org.isocenter.ui.internal.preferences.PreferenceDefaults;

/** Opens the Planning perspective and, when the preference says so, loads the demo patient at start-up. */
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

    @Override
    public void postStartup() {
        if (IsocenterUiPlugin.get().getPreferenceStore().getBoolean(PreferenceDefaults.OPEN_DEMO_AT_STARTUP)) {
            new LoadDemoJob().schedule();
        }
    }
}
