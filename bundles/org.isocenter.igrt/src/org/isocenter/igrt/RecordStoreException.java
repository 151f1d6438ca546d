/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

/**
 * The record store could not do what was asked (database unreachable, write failed, ...); nothing was recorded by
 * the failed call. No frame or unit.
 */
public class RecordStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public RecordStoreException(String message) {
        super(message);
    }

    public RecordStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
