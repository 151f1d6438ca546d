/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of this package (NLS); the English text is in messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.isocenter.ui.internal.messages"; //$NON-NLS-1$

    public static String IsocenterActionBarAdvisor_fileMenu;
    public static String IsocenterActionBarAdvisor_editMenu;
    public static String IsocenterActionBarAdvisor_windowMenu;
    public static String IsocenterActionBarAdvisor_openPerspectiveMenu;
    public static String IsocenterActionBarAdvisor_showViewMenu;
    public static String IsocenterActionBarAdvisor_helpMenu;
    public static String IsocenterWindowAdvisor_title;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
