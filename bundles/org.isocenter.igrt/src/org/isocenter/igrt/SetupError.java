/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import org.isocenter.margin.AxisValues;

/**
 * One patient's set-up error over the current accepted decisions, in patient axes (mm: LR = x, AP = y, SI = z of
 * DICOM LPS): {@code systematicMm} the mean, {@code randomMm} the sample standard deviation (n - 1). With no
 * accepted fraction both are null; with one, {@code randomMm} is null.
 */
public record SetupError(String patientId, int fractions, AxisValues systematicMm, AxisValues randomMm) {
}
