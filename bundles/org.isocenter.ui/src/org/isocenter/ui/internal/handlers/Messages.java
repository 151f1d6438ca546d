/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.handlers;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of this package (NLS); the English text is in messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.isocenter.ui.internal.handlers.messages"; //$NON-NLS-1$

    public static String ClosePatientHandler_action;
    public static String ExportToLinacHandler_title;
    public static String ExportToLinacHandler_noPlan;
    public static String ImportFolderHandler_title;
    public static String ImportFolderHandler_message;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
