/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.session;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.plan.Prescription;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.structure.StructureSet;

/**
 * The plan context the workstation shows: the planning image (its own Frame of Reference, patient LPS mm) and, when
 * found for it by {@link PlanResolver}, its structure set (with its file), plan (with its SOP Instance UID, which a
 * course is keyed by) and dose (Gy or relative, as its header says). Null members: not found.
 */
public record PlanContext(ImageVolume image, StructureSet structures, Path structureFile, RtPlan plan,
        String planSopInstanceUid, DoseGrid dose) {

    public PlanContext {
        Objects.requireNonNull(image, "planning image");
        if (plan != null && (planSopInstanceUid == null || planSopInstanceUid.isBlank())) {
            throw new IllegalArgumentException("a plan in the context needs its SOP Instance UID");
        }
    }

    public Optional<StructureSet> structureSet() {
        return Optional.ofNullable(structures);
    }

    public Optional<RtPlan> rtPlan() {
        return Optional.ofNullable(plan);
    }

    public Optional<DoseGrid> doseGrid() {
        return Optional.ofNullable(dose);
    }

    /** The plan's first stated target prescription dose (Gy); NaN without a plan or a stated one. */
    public double prescriptionGy() {
        return plan == null ? Double.NaN : plan.prescriptions().stream().mapToDouble(Prescription::targetPrescriptionDoseGy)
                .filter(d -> Double.isFinite(d) && d > 0).findFirst().orElse(Double.NaN);
    }

    /** The same context with another structure set (an edited one: same patient and Frame of Reference). */
    public PlanContext withStructures(StructureSet edited) {
        return new PlanContext(image, edited, structureFile, plan, planSopInstanceUid, dose);
    }
}
