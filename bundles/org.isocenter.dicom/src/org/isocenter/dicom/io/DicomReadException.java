/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.nio.file.Path;

/** A DICOM file or series could not be read; the message names the file and the problem. */
public final class DicomReadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public DicomReadException(Path file, String problem) {
        super((file == null ? "" : file + ": ") + problem);
        this.file = file;
    }

    public DicomReadException(Path file, String problem, Throwable cause) {
        super((file == null ? "" : file + ": ") + problem, cause);
        this.file = file;
    }

    /** The file at fault, or null when the problem concerns a whole series. */
    public Path file() {
        return file;
    }
}
