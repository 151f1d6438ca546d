/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Structures: RT Structure Sets, ROIs and their planar contours in DICOM patient coordinates (LPS, mm), with contour areas
 * in mm².
 */
package org.isocenter.core.structure;
