/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli;

/** Bad command-line arguments; the message says what is expected. Exit code 2. */
public final class CliUsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public CliUsageException(String message) {
        super(message);
    }
}
