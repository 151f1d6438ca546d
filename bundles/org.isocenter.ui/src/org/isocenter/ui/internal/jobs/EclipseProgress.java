/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.jobs;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.isocenter.core.progress.ProgressMonitor;

/** Adapts an Eclipse job's progress monitor to the headless {@link ProgressMonitor} the algorithms use. */
public final class EclipseProgress implements ProgressMonitor {

    private final IProgressMonitor eclipse;
    private SubMonitor current;

    public EclipseProgress(IProgressMonitor eclipse) {
        this.eclipse = eclipse;
        this.current = SubMonitor.convert(eclipse);
    }

    @Override
    public void begin(String task, int totalWork) {
        current = SubMonitor.convert(eclipse, task, totalWork < 0 ? IProgressMonitor.UNKNOWN : totalWork);
    }

    @Override
    public void worked(int work) {
        current.worked(work);
    }

    @Override
    public void subTask(String name) {
        current.subTask(name);
    }

    @Override
    public boolean isCancelled() {
        return eclipse.isCanceled();
    }
}
