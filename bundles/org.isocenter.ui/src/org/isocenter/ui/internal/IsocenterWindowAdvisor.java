package org.isocenter.ui.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Window title "Isocenter", initial size, status line with progress indicator, perspective bar. */
final class IsocenterWindowAdvisor extends WorkbenchWindowAdvisor {

    IsocenterWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new IsocenterActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer c = getWindowConfigurer();
        c.setTitle("Isocenter");
        c.setInitialSize(new Point(1400, 900));
        c.setShowCoolBar(false);
        c.setShowStatusLine(true);
        c.setShowProgressIndicator(true);
        c.setShowPerspectiveBar(true);
    }
}
