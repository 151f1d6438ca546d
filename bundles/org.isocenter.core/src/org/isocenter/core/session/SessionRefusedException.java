/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.session;

/** Thrown when an object may not join a {@link PatientSession}, e.g. because it belongs to another patient. */
public class SessionRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public SessionRefusedException(String message) {
        super(message);
    }
}
