/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.statushandlers.StatusManager;
import org.isocenter.ui.IsocenterUi;

/**
 * Problems the workbench reports to the user also go through the workbench's status handling
 * ({@link StatusManager}, whose handler writes the platform log: the workspace's {@code .metadata/.log}, the Error
 * Log), with the exception when there is one, so that a problem a user dismissed or only saw in a view's status line can
 * still be found. Errors stop an action; warnings are problems a view shows in place and works around.
 */
public final class UiErrors {

    private UiErrors() {
    }

    /** Hands an error to the status handling (logged) and returns its status. */
    public static IStatus log(String title, String message, Throwable cause) {
        IStatus status = new Status(IStatus.ERROR, IsocenterUi.PLUGIN_ID, title + ": " + message, cause);
        StatusManager.getManager().handle(status, StatusManager.LOG);
        return status;
    }

    /**
     * Hands a warning to the status handling (logged): a problem a view shows in its own status text, e.g. a file it
     * could not read. Returns its status.
     */
    public static IStatus warn(String message, Throwable cause) {
        IStatus status = new Status(IStatus.WARNING, IsocenterUi.PLUGIN_ID, message, cause);
        StatusManager.getManager().handle(status, StatusManager.LOG);
        return status;
    }

    /** Logs the error ({@link #log}) and shows it in an error dialog with its title. */
    public static void show(Shell shell, String title, String message, Throwable cause) {
        log(title, message, cause);
        MessageDialog.openError(shell, title, message);
    }
}
