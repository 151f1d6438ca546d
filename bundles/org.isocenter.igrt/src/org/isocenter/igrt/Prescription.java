/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

/** The prescription of a course: total dose (Gy) in a number of fractions. No spatial frame. */
public record Prescription(double doseGy, int fractions) {

    public Prescription {
        if (!(doseGy > 0) || !Double.isFinite(doseGy)) {
            throw new IllegalArgumentException("a prescription needs a positive dose in Gy, got " + doseGy);
        }
        if (fractions < 1) {
            throw new IllegalArgumentException("a prescription needs at least one fraction, got " + fractions);
        }
    }

    /** Dose per fraction (Gy). */
    public double dosePerFractionGy() {
        return doseGy / fractions;
    }
}
