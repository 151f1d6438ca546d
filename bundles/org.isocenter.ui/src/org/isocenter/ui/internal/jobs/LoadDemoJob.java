/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.jobs;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.isocenter.core.progress.CancelledException;
import org.isocenter.demo.DemoPatient;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.preferences.PreferenceDefaults;

/** Writes the demo patient once into its folder (see preferences) and imports it. */
public final class LoadDemoJob extends ScanFolderJob {

    private final Path folder;

    public LoadDemoJob() {
        this(PreferenceDefaults.demoFolder());
    }

    private LoadDemoJob(Path folder) {
        super(folder);
        setName(Messages.LoadDemoJob_name);
        this.folder = folder;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            if (!DemoPatient.isComplete(folder)) {
                DemoPatient.generate(folder, new EclipseProgress(monitor));
            }
        } catch (CancelledException e) {
            return Status.CANCEL_STATUS;
        } catch (Exception e) {
            return new Status(IStatus.ERROR, IsocenterUi.PLUGIN_ID,
                    NLS.bind(Messages.LoadDemoJob_notWritten, folder, e.getMessage()), e);
        }
        return super.run(monitor);
    }
}
