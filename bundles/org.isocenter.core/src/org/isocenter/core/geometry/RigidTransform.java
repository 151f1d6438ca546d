/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.geometry;

import java.util.Arrays;
import java.util.Objects;

/**
 * A rigid transform (rotation + translation, no scaling) that maps points given in one Frame of
 * Reference to another, both in patient LPS millimetres: {@code p_to = R * p_from + t}. The frames are
 * named by their DICOM Frame of Reference UIDs, so a transform cannot silently be applied to the wrong
 * image. The matrix is the 4×4 homogeneous form DICOM Spatial Registration uses (row-major).
 */
public final class RigidTransform {

    private static final double ROTATION_TOLERANCE = 1e-6;

    private final String fromFrameUid;
    private final String toFrameUid;
    private final double[] matrix; // 16 values, row-major, last row 0 0 0 1

    public RigidTransform(String fromFrameUid, String toFrameUid, double[] rowMajor4x4) {
        this.fromFrameUid = Objects.requireNonNull(fromFrameUid, "fromFrameUid");
        this.toFrameUid = Objects.requireNonNull(toFrameUid, "toFrameUid");
        if (rowMajor4x4.length != 16) {
            throw new IllegalArgumentException("a 4x4 matrix needs 16 values, got " + rowMajor4x4.length);
        }
        this.matrix = rowMajor4x4.clone();
        checkRigid();
    }

    /** The identity between two frames (e.g. two series that share a Frame of Reference). */
    public static RigidTransform identity(String fromFrameUid, String toFrameUid) {
        return new RigidTransform(fromFrameUid, toFrameUid,
                new double[] { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1 });
    }

    /**
     * A transform built from rotations about the patient x (left), y (posterior) and z (superior) axes, in
     * degrees, applied in that order (x first) about {@code centreMm}, followed by a translation in mm.
     */
    public static RigidTransform fromEulerDegrees(String fromFrameUid, String toFrameUid, double rxDeg, double ryDeg,
            double rzDeg, Vector3 centreMm, Vector3 translationMm) {
        double[] r = multiply3(rotationZ(Math.toRadians(rzDeg)),
                multiply3(rotationY(Math.toRadians(ryDeg)), rotationX(Math.toRadians(rxDeg))));
        // p' = R (p - c) + c + t  =>  t' = c + t - R c
        Vector3 rc = apply3(r, centreMm);
        Vector3 t = centreMm.plus(translationMm).minus(rc);
        return new RigidTransform(fromFrameUid, toFrameUid, new double[] { r[0], r[1], r[2], t.x(), r[3], r[4], r[5],
                t.y(), r[6], r[7], r[8], t.z(), 0, 0, 0, 1 });
    }

    private static double[] rotationX(double a) {
        double c = Math.cos(a), s = Math.sin(a);
        return new double[] { 1, 0, 0, 0, c, -s, 0, s, c };
    }

    private static double[] rotationY(double a) {
        double c = Math.cos(a), s = Math.sin(a);
        return new double[] { c, 0, s, 0, 1, 0, -s, 0, c };
    }

    private static double[] rotationZ(double a) {
        double c = Math.cos(a), s = Math.sin(a);
        return new double[] { c, -s, 0, s, c, 0, 0, 0, 1 };
    }

    private static double[] multiply3(double[] a, double[] b) {
        double[] m = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r * 3 + c] = a[r * 3] * b[c] + a[r * 3 + 1] * b[3 + c] + a[r * 3 + 2] * b[6 + c];
            }
        }
        return m;
    }

    private static Vector3 apply3(double[] r, Vector3 p) {
        return new Vector3(r[0] * p.x() + r[1] * p.y() + r[2] * p.z(), r[3] * p.x() + r[4] * p.y() + r[5] * p.z(),
                r[6] * p.x() + r[7] * p.y() + r[8] * p.z());
    }

    private void checkRigid() {
        double[] r = rotation();
        double[] rtr = multiply3(transpose3(r), r);
        for (int i = 0; i < 9; i++) {
            double expected = (i % 4 == 0) ? 1 : 0;
            if (Math.abs(rtr[i] - expected) > ROTATION_TOLERANCE) {
                throw new IllegalArgumentException("matrix is not rigid: its 3x3 part is not orthonormal");
            }
        }
        double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6])
                + r[2] * (r[3] * r[7] - r[4] * r[6]);
        if (Math.abs(det - 1) > ROTATION_TOLERANCE) {
            throw new IllegalArgumentException("matrix is not a proper rotation (determinant " + det + ")");
        }
        if (matrix[12] != 0 || matrix[13] != 0 || matrix[14] != 0 || matrix[15] != 1) {
            throw new IllegalArgumentException("last row of a rigid 4x4 matrix must be 0 0 0 1");
        }
    }

    private static double[] transpose3(double[] r) {
        return new double[] { r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8] };
    }

    /** Maps a point from the source frame into the target frame (LPS mm). */
    public Vector3 apply(Vector3 p) {
        double[] m = matrix;
        return new Vector3(m[0] * p.x() + m[1] * p.y() + m[2] * p.z() + m[3],
                m[4] * p.x() + m[5] * p.y() + m[6] * p.z() + m[7], m[8] * p.x() + m[9] * p.y() + m[10] * p.z() + m[11]);
    }

    /** The transform from the target frame back to the source frame. */
    public RigidTransform inverse() {
        double[] rt = transpose3(rotation());
        Vector3 t = apply3(rt, translationMm()).times(-1);
        return new RigidTransform(toFrameUid, fromFrameUid, new double[] { rt[0], rt[1], rt[2], t.x(), rt[3], rt[4],
                rt[5], t.y(), rt[6], rt[7], rt[8], t.z(), 0, 0, 0, 1 });
    }

    /**
     * {@code next ∘ this}: first this transform, then {@code next}. The frames must chain: this one's target
     * frame must be {@code next}'s source frame.
     */
    public RigidTransform then(RigidTransform next) {
        if (!toFrameUid.equals(next.fromFrameUid)) {
            throw new IllegalArgumentException("transforms do not chain: " + toFrameUid + " then " + next.fromFrameUid);
        }
        double[] r = multiply3(next.rotation(), rotation());
        Vector3 t = next.apply(translationMm());
        return new RigidTransform(fromFrameUid, next.toFrameUid,
                new double[] { r[0], r[1], r[2], t.x(), r[3], r[4], r[5], t.y(), r[6], r[7], r[8], t.z(), 0, 0, 0, 1 });
    }

    /**
     * The parameters {@link #fromEulerDegrees} would take to build this transform about {@code centreMm}:
     * {rx, ry, rz} in degrees (R = Rz Ry Rx; ry kept within ±90°) and the translation {tx, ty, tz} in mm of the
     * centre ({@code apply(centre) - centre}).
     */
    public double[] eulerDegreesAbout(Vector3 centreMm) {
        double[] r = rotation();
        double ry = Math.asin(Math.max(-1, Math.min(1, -r[6])));
        double rx = Math.atan2(r[7], r[8]);
        double rz = Math.atan2(r[3], r[0]);
        Vector3 t = apply(centreMm).minus(centreMm);
        return new double[] { Math.toDegrees(rx), Math.toDegrees(ry), Math.toDegrees(rz), t.x(), t.y(), t.z() };
    }

    /**
     * A target registration error in the AAPM TG-132 style: the largest distance (mm) between where this transform
     * and {@code reference} put {@code targetMm} and the eight corners of a cube of half size {@code halfSizeMm}
     * centred on it (rotation errors show at the corners).
     */
    public double worstDistanceAround(RigidTransform reference, Vector3 targetMm, double halfSizeMm) {
        double worst = apply(targetMm).minus(reference.apply(targetMm)).norm();
        for (int c = 0; c < 8; c++) {
            Vector3 q = targetMm.plus(new Vector3((c & 1) == 0 ? -halfSizeMm : halfSizeMm,
                    (c & 2) == 0 ? -halfSizeMm : halfSizeMm, (c & 4) == 0 ? -halfSizeMm : halfSizeMm));
            worst = Math.max(worst, apply(q).minus(reference.apply(q)).norm());
        }
        return worst;
    }

    /** The 3×3 rotation part, row-major. */
    public double[] rotation() {
        double[] m = matrix;
        return new double[] { m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10] };
    }

    /** The translation part in mm (where the origin of the source frame lands). */
    public Vector3 translationMm() {
        return new Vector3(matrix[3], matrix[7], matrix[11]);
    }

    /** Total rotation angle in degrees (axis-angle magnitude). */
    public double rotationAngleDegrees() {
        double trace = matrix[0] + matrix[5] + matrix[10];
        double c = Math.max(-1, Math.min(1, (trace - 1) / 2));
        return Math.toDegrees(Math.acos(c));
    }

    /** The 4×4 matrix, row-major (a copy). */
    public double[] toRowMajorArray() {
        return matrix.clone();
    }

    public String fromFrameUid() { return fromFrameUid; }
    public String toFrameUid() { return toFrameUid; }

    @Override
    public boolean equals(Object o) {
        return o instanceof RigidTransform t && t.fromFrameUid.equals(fromFrameUid) && t.toFrameUid.equals(toFrameUid)
                && Arrays.equals(t.matrix, matrix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fromFrameUid, toFrameUid, Arrays.hashCode(matrix));
    }

    @Override
    public String toString() {
        return "RigidTransform[" + fromFrameUid + " -> " + toFrameUid + ", t=" + translationMm() + " mm, angle="
                + String.format("%.3f", rotationAngleDegrees()) + " deg]";
    }
}
