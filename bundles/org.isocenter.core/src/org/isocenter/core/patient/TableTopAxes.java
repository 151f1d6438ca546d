/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.patient;

import org.isocenter.core.geometry.Vector3;

/**
 * Patient LPS directions expressed in the IEC 61217 fixed / table-top system at couch angle 0: +X lateral, to
 * the right of an observer at the foot of the couch facing the gantry; +Y longitudinal, towards the gantry;
 * +Z vertical, up. Per patient position:
 * <pre>
 *        X (lateral)   Y (longitudinal)   Z (vertical)
 * HFS    +x (left)     +z (superior)      -y (anterior)
 * HFP    -x (right)    +z (superior)      +y (posterior)
 * FFS    -x (right)    -z (inferior)      -y (anterior)
 * FFP    +x (left)     -z (inferior)      +y (posterior)
 * </pre>
 * Decubitus positions are refused (couch corrections and beam geometry support the four above).
 */
public final class TableTopAxes {

    private final double[] m; // 3x3 row-major: IEC = m * LPS

    private TableTopAxes(double[] m) {
        this.m = m;
    }

    public static TableTopAxes of(PatientPosition position) {
        return new TableTopAxes(switch (position) {
            case HFS -> new double[] { 1, 0, 0, 0, 0, 1, 0, -1, 0 };
            case HFP -> new double[] { -1, 0, 0, 0, 0, 1, 0, 1, 0 };
            case FFS -> new double[] { -1, 0, 0, 0, 0, -1, 0, -1, 0 };
            case FFP -> new double[] { 1, 0, 0, 0, 0, -1, 0, 1, 0 };
            default -> throw new IllegalArgumentException("couch corrections for patient position " + position + " ("
                    + position.description() + ") are not supported; HFS, HFP, FFS and FFP are");
        });
    }

    /** A direction or displacement in patient LPS mm, in IEC table-top axes (X lateral, Y longitudinal, Z vertical). */
    public Vector3 toIec(Vector3 lps) {
        return new Vector3(m[0] * lps.x() + m[1] * lps.y() + m[2] * lps.z(), m[3] * lps.x() + m[4] * lps.y() + m[5] * lps.z(),
                m[6] * lps.x() + m[7] * lps.y() + m[8] * lps.z());
    }

    /** A direction or displacement in IEC table-top axes (mm), in patient LPS (the inverse of {@link #toIec}). */
    public Vector3 toLps(Vector3 iec) {
        return new Vector3(m[0] * iec.x() + m[3] * iec.y() + m[6] * iec.z(), m[1] * iec.x() + m[4] * iec.y() + m[7] * iec.z(),
                m[2] * iec.x() + m[5] * iec.y() + m[8] * iec.z());
    }

    /** A rotation (3×3 row-major) given in LPS, expressed in IEC axes: M R Mᵀ. */
    public double[] rotationToIec(double[] r) {
        double[] mr = multiply(m, r);
        double[] mt = { m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8] };
        return multiply(mr, mt);
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
            }
        }
        return c;
    }
}
