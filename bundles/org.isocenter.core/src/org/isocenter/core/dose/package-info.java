/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Dose on a grid: {@link org.isocenter.core.dose.DoseGrid} holds an RT Dose in Gy on an axis-aligned grid in DICOM
 * patient coordinates (LPS, mm).
 */
package org.isocenter.core.dose;
