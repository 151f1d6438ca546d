package org.isocenter.igrt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureRoles;

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

    /** Measures on {@code outcome}'s deciding match; {@code dose} the plan's dose grid (planning frame), if known. */
    public static FractionMeasurements of(MatchInputs inputs, MatchOutcome outcome, Optional<DoseGrid> dose) {
        FractionObservations o = FractionObservations.NONE;
        List<String> notes = new ArrayList<>();
        if (outcome.softMinusBonyMm().isPresent()) {
            o = o.withSoftTissueMinusBone(outcome.softMinusBonyMm().get().norm());
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
            double iso = outcome.geometry().isocenterMm().z();
            zFrom = iso - REGION_HALF_LENGTH_MM;
            zTo = iso + REGION_HALF_LENGTH_MM;
            region = "the isocenter +-" + (int) REGION_HALF_LENGTH_MM + " mm";
        }
        Optional<Roi> body = inputs.structures() == null ? Optional.empty()
                : inputs.structures().rois().stream().filter(r -> StructureRoles.role(r) == StructureRoles.Role.EXTERNAL)
                        .findFirst();
        try {
            // the body moves with the bones: compared after the bony match (organ motion against the bones is the
            // soft-tissue rule's), or after the deciding match when no bony match ran
            var bony = outcome.step(MatchStep.BONY).map(st -> st.result().planningToDaily())
                    .orElse(outcome.planningToDaily());
            OutlineComparison.Result r = OutlineComparison.compare(inputs.planning(), body, inputs.daily(), bony, zFrom,
                    zTo);
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
