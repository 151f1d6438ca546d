/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour;

/**
 * Area and first moments of the polygons on one axial plane combined by the even-odd rule (mm², mm³), with the
 * nesting depth of each polygon deciding whether it adds or removes area. Polygons must not cross each other, as
 * DICOM requires of contours on one plane.
 */
final class PlaneAreas {

    private PlaneAreas() {
    }

    /** {area, ∫x dA, ∫y dA} of the even-odd region. */
    static double[] evenOddMoments(double[][] xs, double[][] ys) {
        double a = 0, sx = 0, sy = 0;
        for (int p = 0; p < xs.length; p++) {
            double[] m = moments(xs[p], ys[p]);
            int depth = 0;
            for (int q = 0; q < xs.length; q++) {
                if (q != p && nestedIn(xs[p], ys[p], xs[q], ys[q])) {
                    depth++;
                }
            }
            double sign = (depth % 2 == 0 ? 1 : -1) * Math.signum(m[0]);
            a += sign * m[0];
            sx += sign * m[1];
            sy += sign * m[2];
        }
        return new double[] { a, sx, sy };
    }

    /** Signed {area, ∫x dA, ∫y dA} of one simple polygon (positive when counter-clockwise). */
    static double[] moments(double[] x, double[] y) {
        double a = 0, cx = 0, cy = 0;
        int n = x.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double cross = x[j] * y[i] - x[i] * y[j];
            a += cross;
            cx += (x[j] + x[i]) * cross;
            cy += (y[j] + y[i]) * cross;
        }
        return new double[] { a / 2, cx / 6, cy / 6 };
    }

    /**
     * Whether polygon p lies inside polygon q, judged at p's first vertex that is not on q's boundary (polygons
     * that only touch at a vertex are not nested).
     */
    static boolean nestedIn(double[] px, double[] py, double[] qx, double[] qy) {
        for (int k = 0; k < px.length; k++) {
            if (boundaryDistance(qx, qy, px[k], py[k]) > 1e-9) {
                return contains(qx, qy, px[k], py[k]);
            }
        }
        return false;
    }

    private static double boundaryDistance(double[] x, double[] y, double px, double py) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0, j = x.length - 1; i < x.length; j = i++) {
            double dx = x[i] - x[j], dy = y[i] - y[j];
            double len2 = dx * dx + dy * dy;
            double t = len2 > 0 ? Math.max(0, Math.min(1, ((px - x[j]) * dx + (py - y[j]) * dy) / len2)) : 0;
            best = Math.min(best, Math.hypot(px - x[j] - t * dx, py - y[j] - t * dy));
        }
        return best;
    }

    static boolean contains(double[] x, double[] y, double px, double py) {
        boolean in = false;
        for (int i = 0, j = x.length - 1; i < x.length; j = i++) {
            if ((y[i] <= py && py < y[j]) || (y[j] <= py && py < y[i])) {
                if (px < x[i] + (py - y[i]) * (x[j] - x[i]) / (y[j] - y[i])) {
                    in = !in;
                }
            }
        }
        return in;
    }
}
