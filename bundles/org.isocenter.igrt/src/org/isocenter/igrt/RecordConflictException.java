/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

/**
 * Another workstation recorded a decision on the same fraction first (optimistic concurrency): this one was not
 * recorded. The message names the patient, the fraction, the other user and the time. No frame or unit.
 */
public class RecordConflictException extends RecordStoreException {

    private static final long serialVersionUID = 1L;

    public RecordConflictException(String message) {
        super(message);
    }

    public RecordConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
