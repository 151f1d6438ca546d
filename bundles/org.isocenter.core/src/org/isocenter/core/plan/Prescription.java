/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.plan;

import java.util.Objects;

/**
 * One dose reference of a plan (DICOM Dose Reference Sequence item): what it is ({@code TARGET} or
 * {@code ORGAN_AT_RISK}), how it is defined ({@code POINT}, {@code VOLUME}, {@code SITE}, {@code COORDINATES}),
 * the ROI it refers to (0 when none) and the target prescription dose in Gy ({@code NaN} when not stated).
 */
public record Prescription(int number, String description, String doseReferenceType, String structureType,
        int referencedRoiNumber, double targetPrescriptionDoseGy) {

    public Prescription {
        description = Objects.requireNonNullElse(description, "");
        doseReferenceType = Objects.requireNonNullElse(doseReferenceType, "");
        structureType = Objects.requireNonNullElse(structureType, "");
        if (!Double.isNaN(targetPrescriptionDoseGy) && (targetPrescriptionDoseGy < 0 || targetPrescriptionDoseGy > 200)) {
            throw new IllegalArgumentException("target prescription dose " + targetPrescriptionDoseGy + " Gy is not plausible");
        }
    }
}
