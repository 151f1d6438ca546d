/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.progress;

/** Thrown by long-running work when its {@link ProgressMonitor} was cancelled; nothing partial is kept. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled by the user");
    }
}
