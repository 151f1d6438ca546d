/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.help;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of this package (NLS); the English text is in messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.isocenter.ui.internal.help.messages"; //$NON-NLS-1$

    public static String AboutDialog_title;
    public static String AboutDialog_defaultText;
    public static String AboutDialog_version;
    public static String HelpTopic_userGuide;
    public static String HelpTopic_couchConventions;
    public static String HelpTopic_keyboardShortcuts;
    public static String HelpTopic_notInBuild;
    public static String HelpTopic_cannotRead;
    public static String HelpTopic_commandsTable;
    public static String HelpTopic_viewerTable;
    public static String HelpWindow_openExternally;
    public static String HelpWindow_openExternallyTooltip;
    public static String HelpWindow_close;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
