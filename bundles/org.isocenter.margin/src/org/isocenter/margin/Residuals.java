/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

/**
 * Systematic (Σ) and random (σ) set-up errors per axis (mm) left after a correction protocol, and the
 * fraction of all fractions that were imaged (imaging workload, 0..1).
 */
public record Residuals(AxisValues systematic, AxisValues random, double imagedFractionShare) {
}
