/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.internal;

import org.isocenter.contour.Margins;

/**
 * The distance that a margin's ellipsoid induces, in patient LPS mm. In plane, the distance from a source point a
 * to a point p is {@code M * sqrt((vx / sx)^2 + (vy / sy)^2)} with {@code v = p - a} and the semi-axis picked by
 * the sign of each component (left for +x, right for -x, posterior for +y, anterior for -y) and {@code M} the
 * largest in-plane semi-axis, so values read as mm along the widest direction. A point p lies in the ellipsoid's
 * sweep of a planar shape at height offset {@code w = z_p - z_a} when that distance is at most
 * {@code M * rho(w)}, {@code rho(w) = sqrt(1 - (w / sz)^2)} with the superior (w > 0) or inferior semi-axis.
 * Directions with a zero margin get a semi-axis of {@code M * 1e-4}, i.e. practically no reach; with all in-plane
 * margins zero the in-plane distance is plain Euclidean and the reach is zero.
 */
public final class EllipsoidMetric {

    private static final double NO_REACH = 1e-4;

    private final double invXPos2, invXNeg2, invYPos2, invYNeg2;
    private final double scaleMm;
    private final double zPos, zNeg;
    private final Margins margins;

    /** The metric of an expansion by {@code m} (all components ≥ 0). */
    public EllipsoidMetric(Margins m) {
        double[] v = m.toArray();
        for (double x : v) {
            if (x < 0) {
                throw new IllegalArgumentException("an ellipsoid needs non-negative semi-axes: " + m);
            }
        }
        this.margins = m;
        double max = Math.max(Math.max(m.leftMm(), m.rightMm()), Math.max(m.anteriorMm(), m.posteriorMm()));
        this.scaleMm = max;
        double unit = max > 0 ? max : 1;
        double floor = unit * NO_REACH;
        double xPos = max > 0 ? Math.max(m.leftMm(), floor) : 1, xNeg = max > 0 ? Math.max(m.rightMm(), floor) : 1;
        double yPos = max > 0 ? Math.max(m.posteriorMm(), floor) : 1, yNeg = max > 0 ? Math.max(m.anteriorMm(), floor) : 1;
        invXPos2 = unit * unit / (xPos * xPos);
        invXNeg2 = unit * unit / (xNeg * xNeg);
        invYPos2 = unit * unit / (yPos * yPos);
        invYNeg2 = unit * unit / (yNeg * yNeg);
        zPos = m.superiorMm();
        zNeg = m.inferiorMm();
    }

    /** The point reflection of this ellipsoid (left and right, anterior and posterior, superior and inferior swapped). */
    public EllipsoidMetric reflected() {
        return new EllipsoidMetric(new Margins(margins.leftMm(), margins.rightMm(), margins.posteriorMm(),
                margins.anteriorMm(), margins.superiorMm(), margins.inferiorMm()));
    }

    /** The largest in-plane semi-axis M (mm): the in-plane reach at the ellipsoid's equator. */
    public double inPlaneReachMm() {
        return scaleMm;
    }

    /**
     * The largest ratio of this in-plane distance to the Euclidean one (M over the smallest in-plane semi-axis):
     * how fast a distance can change per mm moved in plane.
     */
    public double inPlaneLipschitz() {
        return Math.sqrt(Math.max(Math.max(invXPos2, invXNeg2), Math.max(invYPos2, invYNeg2)));
    }

    /** Superior semi-axis (mm): reach toward +z. */
    public double superiorMm() {
        return zPos;
    }

    /** Inferior semi-axis (mm): reach toward -z. */
    public double inferiorMm() {
        return zNeg;
    }

    /**
     * In-plane reach (mm, in this metric's units) of the ellipsoid at height offset {@code w} (mm, output minus
     * source), or NaN when the ellipsoid does not reach that far in z.
     */
    public double reachAt(double w) {
        double s = w > 0 ? zPos : zNeg;
        if (w == 0) {
            return scaleMm;
        }
        if (Math.abs(w) > s) {
            return Double.NaN;
        }
        double r = w / s;
        return scaleMm * Math.sqrt(Math.max(0, 1 - r * r));
    }

    /**
     * The distance (this metric, mm) from the segment a-b to the point p, all in-plane coordinates in mm.
     * The scaled squared distance is convex and piecewise quadratic in the segment parameter, with breaks where a
     * component of {@code p - a(t)} changes sign; each piece is minimised in closed form.
     */
    public double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double ux = px - ax, uy = py - ay, dx = bx - ax, dy = by - ay;
        double best = Double.POSITIVE_INFINITY;
        double tx = dx != 0 ? ux / dx : Double.NaN, ty = dy != 0 ? uy / dy : Double.NaN;
        double b1 = Double.isNaN(tx) || tx <= 0 || tx >= 1 ? 2 : tx;
        double b2 = Double.isNaN(ty) || ty <= 0 || ty >= 1 ? 2 : ty;
        double lo = Math.min(b1, b2), hi = Math.max(b1, b2);
        double start = 0;
        for (int piece = 0; piece < 3; piece++) {
            double end = piece == 0 ? Math.min(lo, 1) : piece == 1 ? Math.min(hi, 1) : 1;
            if (end < start) {
                continue;
            }
            double mid = (start + end) / 2;
            double wx = (ux - mid * dx) >= 0 ? invXPos2 : invXNeg2;
            double wy = (uy - mid * dy) >= 0 ? invYPos2 : invYNeg2;
            double den = dx * dx * wx + dy * dy * wy;
            double t = den > 0 ? (ux * dx * wx + uy * dy * wy) / den : start;
            t = t < start ? start : t > end ? end : t;
            double rx = ux - t * dx, ry = uy - t * dy;
            double q = rx * rx * (rx >= 0 ? invXPos2 : invXNeg2) + ry * ry * (ry >= 0 ? invYPos2 : invYNeg2);
            if (q < best) {
                best = q;
            }
            start = end;
            if (end >= 1) {
                break;
            }
        }
        return Math.sqrt(best);
    }
}
