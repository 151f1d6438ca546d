/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * 2D rendering without a display: multi-planar slices in radiological convention, window/level, fusion, dose wash
 * and isodose lines, orientation labels; positions in LPS mm.
 */
package org.isocenter.render;
