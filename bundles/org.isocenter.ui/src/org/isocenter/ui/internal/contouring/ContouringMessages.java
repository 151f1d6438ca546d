/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.contouring;

import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.isocenter.ui.internal.UiErrors;

/**
 * Problems of contouring commands shown to the user: in an error dialog by default; who shows them can be replaced
 * ({@link #setPresenter}, e.g. by a test that reads them with {@link #last()}), never switched off.
 */
public final class ContouringMessages {

    private static final Consumer<String> DIALOG = message -> {
        Shell shell = Display.getCurrent() == null ? null : Display.getCurrent().getActiveShell();
        UiErrors.show(shell, Messages.ContouringMessages_title, message, null);
    };
    private static volatile Consumer<String> presenter = DIALOG;
    private static volatile String last;

    private ContouringMessages() {
    }

    /** Shows the problem (an error dialog on the UI thread, unless another presenter is set). */
    public static void error(String message) {
        last = message;
        presenter.accept(message);
    }

    /** Who shows the problems from now on; null restores the error dialog. */
    public static void setPresenter(Consumer<String> p) {
        presenter = p == null ? DIALOG : p;
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
