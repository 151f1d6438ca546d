/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

/**
 * A DICOM network operation failed as a whole: the peer could not be reached, rejected or aborted the
 * association, did not answer in time, or a server could not start listening. The message is meant for
 * the user and names the peer, e.g. "association rejected by PEER@10.0.0.5:104: called AE title not
 * recognized".
 */
public final class NetworkException extends Exception {
    private static final long serialVersionUID = 1L;

    public NetworkException(String message) {
        super(message);
    }

    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
