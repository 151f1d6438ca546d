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
                if (q != p && contains(xs[q], ys[q], xs[p][0], ys[p][0])) {
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
