package org.isocenter.ui.internal.contouring;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Problems of contouring commands shown to the user (and kept for tests). */
public final class ContouringMessages {

    private static volatile String last;

    private ContouringMessages() {
    }

    /** Shows the problem in an error dialog (not while a test suppresses dialogs). */
    public static void error(String message) {
        last = message;
        if (Boolean.getBoolean("isocenter.noDialogs")) {
            return;
        }
        Shell shell = Display.getCurrent() == null ? null : Display.getCurrent().getActiveShell();
        MessageDialog.openError(shell, "Contouring", message);
    }

    /** The last problem reported, null when none. */
    public static String last() {
        return last;
    }

    /** Forgets the last problem (tests). */
    public static void reset() {
        last = null;
    }
}
