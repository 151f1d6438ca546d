/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

import java.nio.file.Path;

/**
 * What happened to one file of a {@link StorageClient#send C-STORE send}.
 *
 * @param file           the file as given to {@code send}
 * @param sopInstanceUid the SOP Instance UID read from the file, or null when the file could not be read
 * @param outcome        stored, stored with a warning, failed, or not sent
 * @param dimseStatus    the C-STORE response status from the peer (0x0000 success, 0xBxxx warning,
 *                       0xAxxx/0xCxxx failure), or -1 when the peer gave none (file refused locally, not
 *                       sent, connection lost or timed out)
 * @param message        a sentence for the user that names the file
 */
public record FileStatus(Path file, String sopInstanceUid, Outcome outcome, int dimseStatus, String message) {

    /** No DIMSE status was received for the file. */
    public static final int NO_STATUS = -1;

    /** The outcome of one file. */
    public enum Outcome {
        /** The peer confirmed storage with status Success (0x0000). */
        STORED,
        /** The peer stored the object but answered with a warning status (0xB000, 0xB006, 0xB007). */
        WARNING,
        /** The file was refused before sending (unreadable, inconsistent), or the peer answered with an error status, or the transfer broke off while this file was being sent. */
        FAILED,
        /** The file was not attempted because the association ended earlier (timeout, abort, cancellation). */
        NOT_SENT
    }

    /** Whether the peer has the object (STORED or WARNING). */
    public boolean isStored() {
        return outcome == Outcome.STORED || outcome == Outcome.WARNING;
    }
}
