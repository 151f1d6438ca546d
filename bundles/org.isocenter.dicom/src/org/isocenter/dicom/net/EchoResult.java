/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

/**
 * The outcome of one C-ECHO ("DICOM ping").
 *
 * @param success     whether the peer accepted the association and answered the C-ECHO with status Success
 * @param roundTripMs milliseconds from starting to connect until the association was released (on failure:
 *                    until the failure was detected or the timeout ran out)
 * @param message     a sentence for the user, naming the peer and, on failure, the reason
 */
public record EchoResult(boolean success, long roundTripMs, String message) {
}
