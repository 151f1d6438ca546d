/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

/**
 * A safety check refused the decision (another patient's image, another reference, an unconfirmed unmatched
 * accept, an unknown course, ...): nothing was recorded. The message names the problem. No frame or unit.
 */
public class RecordRefusedException extends RecordStoreException {

    private static final long serialVersionUID = 1L;

    public RecordRefusedException(String message) {
        super(message);
    }
}
