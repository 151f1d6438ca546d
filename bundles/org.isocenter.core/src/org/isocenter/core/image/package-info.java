/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Image volumes and masks: {@link org.isocenter.core.image.ImageVolume} (stored values, rescale to physical units such
 * as HU, geometry in LPS mm, patient and Frame of Reference), binary masks on a volume's grid and exact Euclidean
 * distance maps in mm.
 */
package org.isocenter.core.image;
