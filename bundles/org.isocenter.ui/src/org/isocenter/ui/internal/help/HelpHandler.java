/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.help;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** The Help menu's commands: the user guide, the couch sign conventions, the keyboard shortcuts and About. */
public final class HelpHandler extends AbstractHandler {

    /** Command ids (plugin.xml). */
    public static final String USER_GUIDE = "org.isocenter.ui.commands.help.userGuide",
            COUCH = "org.isocenter.ui.commands.help.couchConventions",
            SHORTCUTS = "org.isocenter.ui.commands.help.shortcuts",
            ABOUT = "org.isocenter.ui.commands.help.about";

    @Override
    public Object execute(ExecutionEvent event) {
        var shell = HandlerUtil.getActiveShell(event);
        switch (event.getCommand().getId()) {
            case USER_GUIDE -> HelpWindow.open(shell, HelpTopic.USER_GUIDE);
            case COUCH -> HelpWindow.open(shell, HelpTopic.COUCH_CONVENTIONS);
            case SHORTCUTS -> HelpWindow.open(shell, HelpTopic.KEYBOARD_SHORTCUTS);
            case ABOUT -> new AboutDialog(shell).open();
            default -> throw new IllegalArgumentException(event.getCommand().getId());
        }
        return null;
    }
}
