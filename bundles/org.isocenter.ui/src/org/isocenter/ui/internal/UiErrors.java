/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.isocenter.ui.IsocenterUi;

/**
 * Problems the workbench reports to the user also go to the platform log (the workspace's {@code .metadata/.log},
 * the Error Log), with the exception when there is one, so that a problem a user dismissed can still be found.
 */
public final class UiErrors {

    private UiErrors() {
    }

    /** Writes the problem to the platform log and returns its status. */
    public static IStatus log(String title, String message, Throwable cause) {
        IStatus status = new Status(IStatus.ERROR, IsocenterUi.PLUGIN_ID, title + ": " + message, cause);
        ILog.of(UiErrors.class).log(status);
        return status;
    }

    /** Logs the problem ({@link #log}) and shows it in an error dialog. */
    public static void show(Shell shell, String title, String message, Throwable cause) {
        log(title, message, cause);
        MessageDialog.openError(shell, title, message);
    }
}
