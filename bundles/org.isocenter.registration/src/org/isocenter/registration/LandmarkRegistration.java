/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration;

import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;

/**
 * Point-based rigid registration (least squares, Arun/Horn via SVD with the reflection guard): finds the
 * rotation and translation that map landmarks or fiducials given in one Frame of Reference onto their
 * counterparts in another (LPS mm), and reports the fiducial registration error (FRE, RMS residual, mm) and
 * the largest single residual. At least three non-collinear pairs are required.
 */
public final class LandmarkRegistration {

    /** The transform and how well the points fit it. */
    public record Result(RigidTransform transform, double fiducialRegistrationErrorMm, double maxResidualMm) {
    }

    private LandmarkRegistration() {
    }

    public static Result register(String fromFrameUid, List<Vector3> from, String toFrameUid, List<Vector3> to) {
        if (from.size() != to.size()) {
            throw new IllegalArgumentException(from.size() + " points in one frame but " + to.size() + " in the other");
        }
        if (from.size() < 3) {
            throw new IllegalArgumentException("rigid registration needs at least 3 point pairs, got " + from.size());
        }
        Vector3 cf = centroid(from), ct = centroid(to);
        double[][] h = new double[3][3];
        for (int i = 0; i < from.size(); i++) {
            double[] a = arr(from.get(i).minus(cf)), b = arr(to.get(i).minus(ct));
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    h[r][c] += a[r] * b[c];
                }
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(h));
        double[] s = svd.getSingularValues();
        if (s[1] < 1e-6 * Math.max(1, s[0])) {
            throw new IllegalArgumentException("the points are collinear (or coincide): the rotation is undefined");
        }
        RealMatrix v = svd.getV(), ut = svd.getUT();
        RealMatrix r = v.multiply(ut);
        if (new org.apache.commons.math3.linear.LUDecomposition(r).getDeterminant() < 0) {
            RealMatrix d = new Array2DRowRealMatrix(new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, -1 } });
            r = v.multiply(d).multiply(ut);
        }
        double[] rc = r.operate(arr(cf));
        Vector3 t = ct.minus(new Vector3(rc[0], rc[1], rc[2]));
        RigidTransform transform = new RigidTransform(fromFrameUid, toFrameUid, new double[] { r.getEntry(0, 0),
                r.getEntry(0, 1), r.getEntry(0, 2), t.x(), r.getEntry(1, 0), r.getEntry(1, 1), r.getEntry(1, 2), t.y(),
                r.getEntry(2, 0), r.getEntry(2, 1), r.getEntry(2, 2), t.z(), 0, 0, 0, 1 });
        double sum = 0, max = 0;
        for (int i = 0; i < from.size(); i++) {
            double e = transform.apply(from.get(i)).minus(to.get(i)).norm();
            sum += e * e;
            max = Math.max(max, e);
        }
        return new Result(transform, Math.sqrt(sum / from.size()), max);
    }

    private static Vector3 centroid(List<Vector3> points) {
        Vector3 c = new Vector3(0, 0, 0);
        for (Vector3 p : points) {
            c = c.plus(p);
        }
        return c.times(1.0 / points.size());
    }

    private static double[] arr(Vector3 v) {
        return new double[] { v.x(), v.y(), v.z() };
    }
}
