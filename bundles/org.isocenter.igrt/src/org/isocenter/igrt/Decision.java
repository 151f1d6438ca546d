/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

/**
 * What the user decided on a fraction's daily image (no frame or unit): treat with the couch correction
 * ({@link #ACCEPTED}), do not use this match ({@link #REJECTED}), or acquire a new image ({@link #REIMAGE}).
 */
public enum Decision {
    ACCEPTED, REJECTED, REIMAGE
}
