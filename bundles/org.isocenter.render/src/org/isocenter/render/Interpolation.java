/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

/**
 * How a slice samples a voxel grid between voxel centres: the value of the nearest voxel (exact stored values,
 * blocky when zoomed) or trilinear interpolation (smooth; always used for dose).
 */
public enum Interpolation {
    NEAREST, LINEAR
}
