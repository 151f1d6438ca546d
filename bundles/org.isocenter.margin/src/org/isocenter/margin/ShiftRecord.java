/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.util.Objects;

/**
 * One measured set-up error: a patient, a fraction number and the shift (mm per axis) found by imaging, i.e.
 * where the patient was relative to the plan before any correction.
 */
public record ShiftRecord(String patientId, int fraction, AxisValues shiftMm) {

    public ShiftRecord {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(shiftMm, "shiftMm");
        if (patientId.isBlank()) {
            throw new IllegalArgumentException("a shift needs a patient id");
        }
    }
}
