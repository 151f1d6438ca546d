/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

/** A DICOM object could not be written; the message names the target and the problem. */
public final class DicomWriteException extends Exception {
    private static final long serialVersionUID = 1L;

    public DicomWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
