/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.util.Objects;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.patient.TableTopAxes;
import org.isocenter.core.plan.Beam;

/**
 * Where a projection image is taken from, in patient LPS mm: the isocenter, the source at the source-axis distance
 * (SAD) and an image receptor plane perpendicular to the central axis at the source-to-image distance (SID), with
 * the receptor's axes (IEC 61217 X-ray image receptor system at receptor angle 0: {@code receptorX} and
 * {@code receptorY} along the gantry system's X and Y, {@code towardsSource} its Z). Built from the IEC 61217
 * gantry and patient support angles (degrees) and the patient position (HFS, HFP, FFS, FFP; decubitus refused).
 * A point projects to receptor-plane coordinates (mm) magnified by SID over its distance from the source.
 */
public record DrrGeometry(Vector3 isocenterMm, Vector3 sourceMm, double sourceAxisDistanceMm,
        double sourceToImageDistanceMm, Vector3 receptorX, Vector3 receptorY, Vector3 towardsSource, double gantryDeg,
        double collimatorDeg, double couchDeg, PatientPosition patientPosition) {

    public DrrGeometry {
        Objects.requireNonNull(isocenterMm, "isocenterMm");
        Objects.requireNonNull(patientPosition, "patientPosition");
        if (!(sourceAxisDistanceMm > 0) || !(sourceToImageDistanceMm > sourceAxisDistanceMm)) {
            throw new IllegalArgumentException("DRR needs 0 < SAD < SID (mm), not SAD " + sourceAxisDistanceMm
                    + " and SID " + sourceToImageDistanceMm + " (for ion beams SAD is the virtual source-axis distance;"
                    + " choose a larger SID)");
        }
    }

    /**
     * The geometry of a beam's first control point (isocenter, gantry, collimator and couch angles, SAD) for a
     * patient lying in {@code position}, imaged at {@code sidMm}.
     */
    public static DrrGeometry of(Beam beam, PatientPosition position, double sidMm) {
        return of(beam.isocenterMm(), beam.gantryDeg(), beam.collimatorDeg(), beam.couchDeg(), beam.sourceAxisDistanceMm(),
                sidMm, position);
    }

    /** The geometry for IEC 61217 angles (degrees) about {@code isocenterMm} (patient LPS mm). */
    public static DrrGeometry of(Vector3 isocenterMm, double gantryDeg, double collimatorDeg, double couchDeg, double sadMm,
            double sidMm, PatientPosition position) {
        TableTopAxes axes;
        try {
            axes = TableTopAxes.of(position);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot place a DRR for patient position " + position + " ("
                    + position.description() + "); HFS, HFP, FFS and FFP are supported", e);
        }
        double g = Math.toRadians(gantryDeg), c = Math.toRadians(couchDeg);
        // gantry system axes in the IEC fixed system: rotation about +Y (clockwise seen from the foot of the couch)
        Vector3 xg = new Vector3(Math.cos(g), 0, -Math.sin(g));
        Vector3 yg = new Vector3(0, 1, 0);
        Vector3 zg = new Vector3(Math.sin(g), 0, Math.cos(g));
        Vector3 rx = axes.toLps(fixedToTableTop(xg, c)).normalized();
        Vector3 ry = axes.toLps(fixedToTableTop(yg, c)).normalized();
        Vector3 rz = axes.toLps(fixedToTableTop(zg, c)).normalized();
        return new DrrGeometry(isocenterMm, isocenterMm.plus(rz.times(sadMm)), sadMm, sidMm, rx, ry, rz, gantryDeg,
                collimatorDeg, couchDeg, position);
    }

    /** A fixed-system vector in the table-top system rotated by the patient support angle about the vertical. */
    private static Vector3 fixedToTableTop(Vector3 v, double c) {
        return new Vector3(Math.cos(c) * v.x() + Math.sin(c) * v.y(), -Math.sin(c) * v.x() + Math.cos(c) * v.y(), v.z());
    }

    /** Magnification of the isocenter plane onto the receptor (SID / SAD). */
    public double magnification() {
        return sourceToImageDistanceMm / sourceAxisDistanceMm;
    }

    /** The point of the receptor plane at receptor coordinates (x, y) mm, in patient LPS mm. */
    public Vector3 receptorPointMm(double xMm, double yMm) {
        return sourceMm.minus(towardsSource.times(sourceToImageDistanceMm)).plus(receptorX.times(xMm))
                .plus(receptorY.times(yMm));
    }

    /**
     * Receptor-plane coordinates (mm, x then y) where the ray from the source through {@code pointMm} (patient LPS mm)
     * meets the receptor; fails for a point not in front of the source.
     */
    public double[] project(Vector3 pointMm) {
        Vector3 d = pointMm.minus(sourceMm);
        double depth = -d.dot(towardsSource);
        if (depth <= 0) {
            throw new IllegalArgumentException("point " + pointMm + " is not in front of the source");
        }
        double m = sourceToImageDistanceMm / depth;
        return new double[] { d.dot(receptorX) * m, d.dot(receptorY) * m };
    }
}
