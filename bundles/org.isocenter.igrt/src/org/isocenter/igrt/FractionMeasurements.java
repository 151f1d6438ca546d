/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureRoles;
import org.isocenter.core.structure.StructureSet;

/**
 * What is measured on a matched daily image for the adaptive rules, the same for the command line and the workbench:
 * the soft tissue minus bone difference at the target (mm, when a soft-tissue match ran) and the outline comparison
 * ({@link OutlineComparison}) of the planning body against the daily body after the bony match (the body moves
 * with the bones; the prostate moving against them is what the soft-tissue difference measures), in the treated region:
 * the dose grid's axial extent when the plan's dose is given, else the isocenter +-{@value #REGION_HALF_LENGTH_MM} mm
 * (planning LPS z, mm). {@code notes} say what was compared or why it was not.
 */
public record FractionMeasurements(FractionObservations observations, List<String> notes) {

    /** Half length (mm) of the treated region about the isocenter when there is no dose grid. */
    public static final double REGION_HALF_LENGTH_MM = 50;

    public FractionMeasurements {
        notes = List.copyOf(notes);
    }

    /** Measures on {@code outcome}'s matches; {@code dose} the plan's dose grid (planning frame), if known. */
    public static FractionMeasurements of(MatchInputs inputs, MatchOutcome outcome, Optional<DoseGrid> dose) {
        return of(inputs.planning(), inputs.structures(), inputs.daily(), outcome, dose);
    }

    /** As above, with the images and structures given directly (the workbench's scene). */
    public static FractionMeasurements of(ImageVolume planning, StructureSet structures, ImageVolume daily,
            MatchOutcome outcome, Optional<DoseGrid> dose) {
        // the body moves with the bones: compared after the bony match (organ motion against the bones is the
        // soft-tissue rule's), or after the deciding match when no bony match ran
        RigidTransform bony = outcome.step(MatchStep.BONY).map(st -> st.result().planningToDaily())
                .orElse(outcome.planningToDaily());
        return of(planning, structures, daily, bony, outcome.softMinusBonyMm().map(Vector3::norm).orElse(null), outcome.geometry().isocenterMm().z(), dose);
    }

    /**
     * Measures with a given transform (planning to daily, LPS mm; the bony match's when there is one) and soft tissue
     * minus bone difference (mm, null: not measured); {@code isocenterZMm} centres the treated region without a dose.
     */
    public static FractionMeasurements of(ImageVolume planning, StructureSet structures, ImageVolume daily,
            RigidTransform planningToDaily, Double softTissueMinusBoneMm, double isocenterZMm, Optional<DoseGrid> dose) {
        FractionObservations o = FractionObservations.NONE;
        List<String> notes = new ArrayList<>();
        if (softTissueMinusBoneMm != null) {
            o = o.withSoftTissueMinusBone(softTissueMinusBoneMm);
        }
        double zFrom, zTo;
        String region;
        if (dose.isPresent()) {
            VolumeGeometry g = dose.get().geometry();
            double z0 = g.indexToPatient(0, 0, 0).z(), z1 = g.indexToPatient(0, 0, g.sizeZ() - 1).z();
            zFrom = Math.min(z0, z1);
            zTo = Math.max(z0, z1);
            region = "the dose grid's extent";
        } else {
            zFrom = isocenterZMm - REGION_HALF_LENGTH_MM;
            zTo = isocenterZMm + REGION_HALF_LENGTH_MM;
            region = "the isocenter +-" + (int) REGION_HALF_LENGTH_MM + " mm";
        }
        Optional<Roi> body = structures == null ? Optional.empty()
                : structures.rois().stream().filter(r -> StructureRoles.role(r) == StructureRoles.Role.EXTERNAL)
                        .findFirst();
        try {
            OutlineComparison.Result r = OutlineComparison.compare(planning, body, daily, planningToDaily, zFrom, zTo);
            o = o.withOutline(r.inwardMm(), r.outwardMm());
            notes.add(String.format(Locale.ROOT, "body outline against the %s on %d slices of %s (z %.0f..%.0f mm) "
                    + "inside the daily field of view: %.1f mm inward, %.1f mm outward at most", r.planningOutline(),
                    r.slices(), region, zFrom, zTo, r.inwardMm(), r.outwardMm()));
        } catch (IllegalArgumentException e) {
            notes.add("body outline not compared: " + e.getMessage());
        }
        return new FractionMeasurements(o, notes);
    }
}
