/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.isocenter.core.structure.RoiSlabs;

/**
 * The sweep of an ellipsoid over a contoured structure (or over everything outside it), evaluated plane by plane
 * as a field on a {@link PlaneGrid} that is ≤ 0 exactly inside the sweep (mm-like, see {@link EllipsoidMetric}).
 * The structure is its contours, each exact on its own plane, and between two neighbouring contoured planes (at
 * most 1.5 contour spacings apart) the shape-based interpolation of the two slices' signed distances: a monotone
 * cubic through the neighbouring slices (it follows a curved flank closer than the chord; the chord's closed-form
 * minimum is kept wherever the cubic cannot change the sign). It ends on its first and last contoured planes (and
 * on both sides of a gap in the contouring): nothing is extrapolated beyond them, and a slice with no neighbour is
 * its outline on its own plane. Per source interval the minimum over height of the interpolated distance minus the
 * ellipsoid's reach is found in closed form for the chord (it is convex in height) and by scan and golden section
 * for the cubic. Patient LPS mm.
 */
public final class MarginSweep {

    /**
     * A piece of the source in z: one slice's outline on [za, zb] (za = zb: its own plane), everything (slab A is
     * -1; open at both ends) or interpolated from slice A at za to slice B at zb.
     */
    private record Span(double za, double zb, int slabA, int slabB, int before, int after) {
        Span(double za, double zb, int slabA, int slabB) {
            this(za, zb, slabA, slabB, -1, -1);
        }
    }

    private final EllipsoidMetric metric;
    private final PlaneGrid grid;
    private final float clamp;
    private final List<SlabField> fields = new ArrayList<>();
    private final List<Span> spans = new ArrayList<>();

    /**
     * @param complement sweep over everything outside the structure (what a contraction needs, with the reflected
     *                   ellipsoid)
     */
    public MarginSweep(RoiSlabs source, EllipsoidMetric metric, boolean complement, PlaneGrid grid) {
        this.metric = metric;
        this.grid = grid;
        double reach = metric.inPlaneReachMm();
        this.clamp = (float) (Math.max(1.5 * reach, 6) + 3 * grid.stepMm());
        int n = source.slabCount();
        SlabField[] slices = new SlabField[n];
        IntStream.range(0, n).parallel()
                .forEach(s -> slices[s] = SlabField.of(source, s, grid, metric, clamp, complement));
        fields.addAll(List.of(slices));
        double h = source.halfThicknessMm();
        double inf = Double.POSITIVE_INFINITY;
        if (complement) {
            spans.add(new Span(-inf, source.slabZMm(0), -1, -1));
        }
        for (int s = 0; s < n; s++) {
            double z = source.slabZMm(s);
            boolean linkedBelow = s > 0 && z - source.slabZMm(s - 1) <= 3 * h;
            boolean linkedAbove = s + 1 < n && source.slabZMm(s + 1) - z <= 3 * h;
            if (linkedAbove) {
                boolean beyond = s + 2 < n && source.slabZMm(s + 2) - source.slabZMm(s + 1) <= 3 * h;
                spans.add(new Span(z, source.slabZMm(s + 1), s, s + 1, linkedBelow ? s - 1 : -1, beyond ? s + 2 : -1));
            } else {
                if (!linkedBelow) {
                    spans.add(new Span(z, z, s, -1)); // a slice on its own: its outline on its plane only
                }
                if (complement) {
                    spans.add(new Span(z, s + 1 < n ? source.slabZMm(s + 1) : inf, -1, -1));
                }
            }
        }
    }

    /** The clamp (mm): field values are within ±clamp. */
    public float clampMm() {
        return clamp;
    }

    /**
     * The sweep's field sampled on the plane at z (mm), ≤ 0 inside, and for each grid point the source span that
     * gave its value (-1 for none), so that outlines can be refined on the spans that matter.
     */
    public record PlaneField(float[] values, int[] span) {
    }

    /** The sweep's field sampled on the plane at z (mm): ≤ 0 inside. */
    public PlaneField fieldAt(double zMm) {
        int nx = grid.nx(), ny = grid.ny();
        float[] f = new float[nx * ny];
        int[] arg = new int[nx * ny];
        Arrays.fill(f, clamp);
        Arrays.fill(arg, -1);
        for (int si = 0; si < spans.size(); si++) {
            Span span = spans.get(si);
            Reach reach = reach(span, zMm);
            if (reach == null) {
                continue;
            }
            if (span.slabA < 0) {
                float v = (float) reach.value(-clamp, -clamp);
                for (int p = 0; p < f.length; p++) {
                    if (v < f[p]) {
                        f[p] = v;
                        arg[p] = si;
                    }
                }
                continue;
            }
            SlabField a = fields.get(span.slabA), b = span.slabB < 0 ? a : fields.get(span.slabB);
            SlabField before = span.before < 0 ? null : fields.get(span.before);
            SlabField after = span.after < 0 ? null : fields.get(span.after);
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    float pa = a.at(i, j), pb = b.at(i, j);
                    int p = j * nx + i;
                    float v = (float) (span.slabB < 0 ? reach.value(pa, pb)
                            : interpolated(reach, before, a, b, after, before == null ? Double.NaN : before.at(i, j),
                                    pa, pb, after == null ? Double.NaN : after.at(i, j), grid.x(i), grid.y(j), f[p]));
                    if (v < f[p]) {
                        f[p] = v;
                        arg[p] = si;
                    }
                }
            }
        }
        return new PlaneField(f, arg);
    }

    /**
     * The indices of the source spans the ellipsoid reaches from the plane at z (mm): those that can give a point of
     * that plane its value.
     */
    public int[] spansReaching(double zMm) {
        return IntStream.range(0, spans.size()).filter(si -> reach(spans.get(si), zMm) != null).toArray();
    }

    /**
     * Of the spans {@code reaching} a plane, those that can make a point of the grid edge between grid points
     * {@code pa} and {@code pb} (indices into the plane's samples) inside the sweep: the others are positive all
     * along it (the monotone cubic stays above its end slices' lower distance, less the reach, and a distance
     * changes by at most the metric's Lipschitz factor per mm), so they cannot move the outline's crossing.
     */
    public int[] candidates(int[] reaching, int pa, int pb) {
        int nx = grid.nx();
        int ia = pa % nx, ja = pa / nx, ib = pb % nx, jb = pb / nx;
        double slack = metric.inPlaneLipschitz() * grid.stepMm() / 2 + metric.inPlaneReachMm() + 1e-3;
        int[] out = new int[reaching.length];
        int n = 0;
        for (int si : reaching) {
            Span span = spans.get(si);
            if (span.slabA >= 0) {
                double lowest = (fields.get(span.slabA).at(ia, ja) + fields.get(span.slabA).at(ib, jb)) / 2;
                if (span.slabB >= 0) {
                    lowest = Math.min(lowest, (fields.get(span.slabB).at(ia, ja) + fields.get(span.slabB).at(ib, jb)) / 2);
                }
                if (lowest - slack > 0) {
                    continue;
                }
            }
            out[n++] = si;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The sweep's field at the point (x, y, z) in mm from exact distances (not grid samples), over the source spans
     * with the given indices (-1 entries are skipped), e.g. {@link #spansReaching}: a span that gave neither
     * neighbouring sample its value can still give the point between them its value.
     */
    public double valueAt(double x, double y, double zMm, int... spanIndices) {
        double f = clamp;
        double[] exact = new double[fields.size()]; // each slice's distance at (x, y), computed once
        java.util.Arrays.fill(exact, Double.NaN);
        for (int si : spanIndices) {
            if (si < 0) {
                continue;
            }
            Span span = spans.get(si);
            Reach reach = reach(span, zMm);
            if (reach == null) {
                continue;
            }
            if (span.slabA < 0) {
                f = Math.min(f, reach.value(-clamp, -clamp));
                continue;
            }
            double pa = exactAt(exact, span.slabA, x, y);
            if (span.slabB < 0) {
                f = Math.min(f, reach.value(pa, pa));
                continue;
            }
            double pb = exactAt(exact, span.slabB, x, y);
            double linear = reach.value(pa, pb);
            if (Math.abs(linear) > UNIVERSAL_BOUND * Math.abs(pb - pa) && !clamped(pa) && !clamped(pb)) {
                f = Math.min(f, linear); // the cubic cannot change the sign: its neighbours are not needed
                continue;
            }
            SlabField before = span.before < 0 ? null : fields.get(span.before);
            SlabField after = span.after < 0 ? null : fields.get(span.after);
            f = Math.min(f, interpolated(reach, before, fields.get(span.slabA), fields.get(span.slabB), after,
                    before == null ? Double.NaN : exactAt(exact, span.before, x, y), pa, pb,
                    after == null ? Double.NaN : exactAt(exact, span.after, x, y), x, y, f));
        }
        return f;
    }

    private double exactAt(double[] cache, int slice, double x, double y) {
        if (Double.isNaN(cache[slice])) {
            cache[slice] = fields.get(slice).valueAt(x, y);
        }
        return cache[slice];
    }

    /** The cubic's largest departure from the chord, per unit of |pb - pa|, whatever the neighbours (4/27 * 4). */
    private static final double UNIVERSAL_BOUND = 16.0 / 27;

    /**
     * An interpolated span's value at (x, y) from the four slices' values there. Where one of them is at the clamp
     * and that can matter — the sign could differ, and the span could be the lowest — from their unclamped values,
     * so that the chord and the cubic's slopes are those of the true distances. The monotone cubic stays between
     * the end slices' values, so the value is at least their minimum less the reach.
     */
    private double interpolated(Reach reach, SlabField before, SlabField a, SlabField b, SlabField after, double vBefore,
            double pa, double pb, double vAfter, double x, double y, double best) {
        boolean endsClamped = clamped(pa) || clamped(pb);
        if (!endsClamped && !clamped(vBefore) && !clamped(vAfter)) {
            return reach.smooth(vBefore, pa, pb, vAfter);
        }
        boolean refetch;
        if (pa < 0 && clamped(pa) || pb < 0 && clamped(pb)) {
            refetch = Math.max(pa, pb) >= 0; // deep inside one slice: only a sign change matters
        } else {
            double lowest = Math.min(pa, pb) - reach.m(); // a lower bound, clamped values being lower than true
            if (lowest > 0 || lowest >= best) {
                refetch = false;
            } else if (endsClamped) {
                refetch = true;
            } else {
                double linear = reach.value(pa, pb);
                refetch = Math.abs(linear) <= UNIVERSAL_BOUND * Math.abs(pb - pa); // else the chord's sign holds
            }
        }
        if (!refetch) {
            return reach.smooth(vBefore, pa, pb, vAfter);
        }
        return reach.smooth(before == null ? Double.NaN : before.unclampedAt(x, y), a.unclampedAt(x, y),
                b.unclampedAt(x, y), after == null ? Double.NaN : after.unclampedAt(x, y));
    }

    private boolean clamped(double v) {
        return Math.abs(v) >= clamp * (1 - 1e-6);
    }

    /** How a span's distances turn into the sweep's field on plane z: null when the ellipsoid misses the span. */
    private Reach reach(Span span, double zMm) {
        double sPos = metric.superiorMm(), sNeg = metric.inferiorMm();
        if (span.zb < zMm - sPos || span.za > zMm + sNeg) {
            return null;
        }
        if (span.slabA < 0 && (zMm >= span.zb || zMm <= span.za)
                && (zMm >= span.zb ? zMm - span.zb : span.za - zMm) >= (zMm >= span.zb ? sPos : sNeg) - 1e-9) {
            return null; // the space beyond the structure is open: the ellipsoid's tip does not reach into it
        }
        if (span.slabB < 0) {
            double zp = Math.max(span.za, Math.min(span.zb, zMm));
            double r = metric.reachAt(zMm - zp);
            return Double.isNaN(r) ? null : new Reach(0, 0, 0, r, 0, 0, 0);
        }
        double gap = span.zb - span.za;
        double t0 = (zMm - span.za) / gap;
        double tl = Math.max(0, t0 - sPos / gap), tr = Math.min(1, t0 + sNeg / gap);
        return tl > tr ? null : new Reach(gap, t0, tl, tr, sPos, sNeg, metric.inPlaneReachMm());
    }

    /**
     * The minimum over the span's heights of the interpolated distance minus the ellipsoid's in-plane reach; for a
     * constant span ({@code gap == 0}) simply the distance minus the reach at the nearest height (kept in tr).
     */
    private record Reach(double gap, double t0, double tl, double tr, double sPos, double sNeg, double m) {

        /**
         * As {@link #value} with the distance between the slices interpolated by a monotone cubic (Fritsch-Carlson
         * slopes from the neighbouring slices, NaN when there is none), which follows a curved surface (a sphere's
         * flank) closer than the chord. The cubic stays within {@code 4/27 (|mA - d| + |mB - d|)} of the chord, so
         * points that bound cannot move across zero keep the closed-form value; the others are minimised by a
         * scan and a golden-section refinement.
         */
        double smooth(double before, double pa, double pb, double after) {
            double linear = value(pa, pb);
            if (Double.isNaN(before) && Double.isNaN(after)) {
                return linear;
            }
            double d = pb - pa;
            double ma = Double.isNaN(before) ? d : (pb - before) / 2, mb = Double.isNaN(after) ? d : (after - pa) / 2;
            if (d == 0) {
                ma = 0;
                mb = 0;
            } else {
                double alpha = ma / d, beta = mb / d;
                if (alpha < 0) {
                    ma = 0;
                    alpha = 0;
                }
                if (beta < 0) {
                    mb = 0;
                    beta = 0;
                }
                double r2 = alpha * alpha + beta * beta;
                if (r2 > 9) {
                    double tau = 3 / Math.sqrt(r2);
                    ma = tau * alpha * d;
                    mb = tau * beta * d;
                }
            }
            double bound = 4.0 / 27 * (Math.abs(ma - d) + Math.abs(mb - d));
            if (linear - bound > 0 || linear + bound < 0) {
                return linear;
            }
            final double fa = ma, fb = mb;
            java.util.function.DoubleUnaryOperator g = t -> {
                double t2 = t * t, t3 = t2 * t;
                double h = (2 * t3 - 3 * t2 + 1) * pa + (t3 - 2 * t2 + t) * fa + (-2 * t3 + 3 * t2) * pb + (t3 - t2) * fb;
                return h - m * rho((t0 - t) * gap);
            };
            int samples = 8;
            double best = Double.POSITIVE_INFINITY, bestT = tl, step = (tr - tl) / samples;
            for (int k = 0; k <= samples; k++) {
                double t = tl + k * step, v = g.applyAsDouble(t);
                if (v < best) {
                    best = v;
                    bestT = t;
                }
            }
            double lo = Math.max(tl, bestT - step), hi = Math.min(tr, bestT + step);
            double phi = (Math.sqrt(5) - 1) / 2;
            double x1 = hi - phi * (hi - lo), x2 = lo + phi * (hi - lo), g1 = g.applyAsDouble(x1), g2 = g.applyAsDouble(x2);
            for (int it = 0; it < 12; it++) {
                if (g1 < g2) {
                    hi = x2;
                    x2 = x1;
                    g2 = g1;
                    x1 = hi - phi * (hi - lo);
                    g1 = g.applyAsDouble(x1);
                } else {
                    lo = x1;
                    x1 = x2;
                    g1 = g2;
                    x2 = lo + phi * (hi - lo);
                    g2 = g.applyAsDouble(x2);
                }
            }
            return Math.min(best, Math.min(g1, g2));
        }

        /** The ellipsoid's relative in-plane reach at height offset w (0 outside its extent). */
        private double rho(double w) {
            double s = w > 0 ? sPos : sNeg;
            if (s == 0) {
                return w == 0 ? 1 : 0;
            }
            double r = w / s;
            return r * r >= 1 ? 0 : Math.sqrt(1 - r * r);
        }

        double value(double pa, double pb) {
            if (gap == 0) {
                return pa - tr;
            }
            double delta = pb - pa;
            double t;
            if (m == 0) {
                t = delta > 0 ? tl : tr;
            } else {
                // stationary point of the convex function: w / rho(w) = delta * S^2 / (m * gap), S by the side
                double s = delta > 0 ? sPos : sNeg;
                double w = 0;
                if (s > 0 && delta != 0) {
                    double k = delta * s * s / (m * gap);
                    w = k / Math.sqrt(1 + k * k / (s * s));
                }
                t = t0 - w / gap;
                t = t < tl ? tl : t > tr ? tr : t;
            }
            double w = (t0 - t) * gap;
            double s = w > 0 ? sPos : sNeg;
            double rho = s == 0 ? (w == 0 ? 1 : 0) : Math.sqrt(Math.max(0, 1 - (w / s) * (w / s)));
            return pa + t * delta - m * rho;
        }
    }
}
