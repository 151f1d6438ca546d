/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.session;

/**
 * Told when the working session changes; called on the thread that changed it (views hop to the UI thread
 * themselves).
 */
@FunctionalInterface
public interface SessionListener {

    /** What changed. */
    enum Change {
        /** A folder was imported, scanned again or forgotten. */
        IMPORTED,
        /** The plan context (planning image, structures, plan, dose) was set. */
        CONTEXT,
        /** The patient was closed: nothing is loaded. */
        CLOSED
    }

    void sessionChanged(Change change);
}
