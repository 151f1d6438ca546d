/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.patient.TableTopAxes;

/**
 * The table-top correction that brings the patient back to the plan, in IEC 61217 terms (see
 * {@link TableTopAxes}): translations of the table top in mm (+lateral towards +X, +longitudinal towards the
 * gantry, +vertical up) and rotations in degrees about the table-top X (pitch), Y (roll) and Z (yaw) axes,
 * right-hand positive, applied as yaw · roll · pitch about the isocenter. {@code status} says whether to apply
 * it under the clinic's {@link CorrectionLimits}; {@code messages} explains (values beyond limits, rotations a
 * 3-DOF couch cannot apply and the residual error they leave; a residual beyond the action level refuses the
 * translation-only correction: the patient must be re-positioned).
 */
public record CouchCorrection(PatientPosition position, double lateralMm, double longitudinalMm, double verticalMm,
        double pitchDeg, double rollDeg, double yawDeg, Status status, List<String> messages) {

    /** What to do with the correction. */
    public enum Status {
        /** Within the action level: no correction needed. */
        WITHIN_TOLERANCE,
        /** Apply it. */
        APPLY,
        /** Beyond the maximum: do not apply; re-image or re-position. */
        REFUSED
    }

    public CouchCorrection {
        messages = List.copyOf(messages);
    }

    /**
     * The 6-DOF correction for a registration result.
     *
     * @param planningToDaily maps planning-CT LPS mm to daily-image LPS mm (where the planned anatomy is today)
     * @param planIsocenterMm the plan isocenter, planning-CT LPS mm
     * @param machineIsocenterInDailyMm where the machine isocenter is in the daily image (LPS mm); for images
     *            reconstructed in plan coordinates this is the plan isocenter's coordinates
     */
    public static CouchCorrection sixDof(RigidTransform planningToDaily, Vector3 planIsocenterMm,
            Vector3 machineIsocenterInDailyMm, PatientPosition position, CorrectionLimits limits) {
        TableTopAxes axes = TableTopAxes.of(position);
        Vector3 t = axes.toIec(machineIsocenterInDailyMm.minus(planningToDaily.apply(planIsocenterMm)));
        // the patient is rotated by R; the correction rotates by R^-1 about the isocenter
        double[] r = planningToDaily.rotation();
        double[] inverse = { r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8] };
        double[] c = axes.rotationToIec(inverse);
        double pitch = Math.toDegrees(Math.atan2(c[7], c[8]));
        double roll = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, -c[6]))));
        double yaw = Math.toDegrees(Math.atan2(c[3], c[0]));
        return judge(position, t, pitch, roll, yaw, limits, new ArrayList<>());
    }

    /**
     * The translation-only correction for a 3-DOF couch: the translation that best aligns the region of interest
     * given that the rotation stays (least squares over the region, i.e. it matches the region's centroid), not
     * the 6-DOF translation with the rotations dropped. The error the rotation leaves at the corners of a box of
     * {@code roiHalfSizeMm} around the centroid is reported.
     */
    public static CouchCorrection translationOnly(RigidTransform planningToDaily, Vector3 planIsocenterMm,
            Vector3 machineIsocenterInDailyMm, Vector3 roiCentroidMm, double roiHalfSizeMm, PatientPosition position,
            CorrectionLimits limits) {
        TableTopAxes axes = TableTopAxes.of(position);
        // desired daily position of q: I + (q - P); actual after shift s: T(q) + s; best s = I - P + c - T(c)
        Vector3 shiftLps = machineIsocenterInDailyMm.minus(planIsocenterMm).plus(roiCentroidMm)
                .minus(planningToDaily.apply(roiCentroidMm));
        double worst = 0;
        for (int corner = 0; corner < 8; corner++) {
            Vector3 q = roiCentroidMm.plus(new Vector3((corner & 1) == 0 ? -roiHalfSizeMm : roiHalfSizeMm,
                    (corner & 2) == 0 ? -roiHalfSizeMm : roiHalfSizeMm, (corner & 4) == 0 ? -roiHalfSizeMm : roiHalfSizeMm));
            Vector3 residual = planningToDaily.apply(q).plus(shiftLps)
                    .minus(machineIsocenterInDailyMm.plus(q.minus(planIsocenterMm)));
            worst = Math.max(worst, residual.norm());
        }
        List<String> messages = new ArrayList<>();
        messages.add(String.format(Locale.ROOT, "3-DOF couch: rotation of %.2f deg not corrected; residual error up to "
                + "%.2f mm at the corners of a %.0f mm box around the region", planningToDaily.rotationAngleDegrees(), worst,
                2 * roiHalfSizeMm));
        CouchCorrection judged = judge(position, axes.toIec(shiftLps), 0, 0, 0, limits, messages);
        if (worst > limits.actionLevelMm() && judged.status() != Status.REFUSED) {
            // the couch cannot remove what is left: shifting would still leave the region beyond the action level
            List<String> m = new ArrayList<>(messages.subList(0, 1));
            m.add(String.format(Locale.ROOT, "the residual %.2f mm exceeds the action level %.1f mm: do not apply; "
                    + "re-position the patient (correct the rotation) and re-image", worst, limits.actionLevelMm()));
            return new CouchCorrection(position, judged.lateralMm(), judged.longitudinalMm(), judged.verticalMm(), 0, 0, 0,
                    Status.REFUSED, m);
        }
        return judged;
    }

    private static CouchCorrection judge(PatientPosition position, Vector3 t, double pitch, double roll, double yaw,
            CorrectionLimits limits, List<String> messages) {
        double maxT = Math.max(Math.abs(t.x()), Math.max(Math.abs(t.y()), Math.abs(t.z())));
        double maxR = Math.max(Math.abs(pitch), Math.max(Math.abs(roll), Math.abs(yaw)));
        Status status;
        if (maxT > limits.maxTranslationMm() || maxR > limits.maxRotationDeg()) {
            status = Status.REFUSED;
            messages.add(String.format(Locale.ROOT, "correction beyond the allowed maximum (%.1f mm / %.1f deg > %.1f mm / "
                    + "%.1f deg): do not apply; re-image or re-position the patient", maxT, maxR, limits.maxTranslationMm(),
                    limits.maxRotationDeg()));
        } else if (maxT > limits.actionLevelMm() || maxR > limits.actionLevelDeg()) {
            status = Status.APPLY;
        } else {
            status = Status.WITHIN_TOLERANCE;
            messages.add(String.format(Locale.ROOT, "within the action level (%.1f mm, %.1f deg): no correction needed",
                    limits.actionLevelMm(), limits.actionLevelDeg()));
        }
        return new CouchCorrection(position, t.x(), t.y(), t.z(), pitch, roll, yaw, status, messages);
    }
}
