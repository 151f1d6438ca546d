/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

/**
 * The three directions margins are given in, in patient terms: left-right (DICOM LPS x), anterior-posterior
 * (y) and superior-inferior (z). Margins and errors per axis are in mm.
 */
public enum Axis {
    LR, AP, SI
}
