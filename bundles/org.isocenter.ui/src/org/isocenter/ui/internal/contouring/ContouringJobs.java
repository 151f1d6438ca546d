/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.contouring;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.isocenter.core.structure.Contour;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.jobs.EclipseProgress;

/** Runs a {@link StructureRecipe} in a job with progress (Progress view); the result or the problem comes back on the UI thread. */
public final class ContouringJobs {

    private ContouringJobs() {
    }

    /** Schedules the computation; {@code onResult} gets the contours (never empty), {@code onProblem} a message. */
    public static Job compute(StructureRecipe recipe, Consumer<List<Contour>> onResult, Consumer<String> onProblem) {
        Display display = Display.getCurrent();
        Job job = Job.create(recipe.description(), (IJobFunction) monitor -> {
            try {
                List<Contour> contours = recipe.compute(new EclipseProgress(monitor));
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                display.asyncExec(() -> {
                    if (contours.isEmpty()) {
                        onProblem.accept(NLS.bind(Messages.ContouringJobs_empty, recipe.description()));
                    } else {
                        onResult.accept(contours);
                    }
                });
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                String message = NLS.bind(Messages.ContouringJobs_failed, recipe.description(), e.getMessage());
                display.asyncExec(() -> onProblem.accept(message));
                return new Status(IStatus.WARNING, IsocenterUi.PLUGIN_ID, message, e);
            }
        });
        job.setUser(false); // progress in the Progress view and status line, no modal progress dialog
        job.schedule();
        return job;
    }
}
