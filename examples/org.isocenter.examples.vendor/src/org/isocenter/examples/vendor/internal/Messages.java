/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.examples.vendor.internal;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of this package (NLS); the English text is in messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.isocenter.examples.vendor.internal.messages"; //$NON-NLS-1$

    public static String ConsoleDropPage_root;
    public static String ConsoleDropPage_browse;
    public static String ConsoleDropPage_machine;
    public static String ConsoleDropPage_machineTooltip;
    public static String ConsoleDropPage_noRoot;
    public static String ConsoleDropPage_badRoot;
    public static String VendorExampleView_heading;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
