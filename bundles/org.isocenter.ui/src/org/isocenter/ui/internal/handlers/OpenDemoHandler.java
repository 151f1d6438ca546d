/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.widgets.Display;
import org.isocenter.demo.DemoPatient;
import org.isocenter.ui.internal.jobs.LoadDemoJob;
import org.isocenter.ui.internal.views.PatientBrowserView;

/**
 * File ▸ Open Demo Patient: writes (once) and imports the synthetic pelvis demo patient (importing it again replaces
 * the earlier listing), then shows its planning CT in the Image Viewer.
 */
public final class OpenDemoHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        LoadDemoJob job = new LoadDemoJob();
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent e) {
                if (e.getResult().getSeverity() < org.eclipse.core.runtime.IStatus.ERROR
                        && e.getResult().getSeverity() != org.eclipse.core.runtime.IStatus.CANCEL) {
                    Display.getDefault().asyncExec(() -> PatientBrowserView.reveal(DemoPatient.PLANNING_SERIES_UID));
                }
            }
        });
        job.schedule();
        return null;
    }
}
