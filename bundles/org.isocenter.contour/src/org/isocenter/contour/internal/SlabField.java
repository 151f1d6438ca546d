/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.internal;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.core.structure.RoiSlabs;

/**
 * The signed distance (an {@link EllipsoidMetric}, mm) to one contoured slice of a structure: negative inside the
 * slice's polygons (even-odd rule), positive outside, clamped to ±clamp. It is sampled once on a rectangle of a
 * {@link PlaneGrid} around the slice (grid points outside it are at {@link #outsideValue()}), and can be evaluated
 * exactly anywhere ({@link #valueAt}) to place outlines between grid points. Built for a shape or, when
 * {@code complement}, for everything outside it (signs swapped), which is what a contraction dilates.
 */
public final class SlabField {

    private final int i0, j0, w, h;
    private final float[] values;
    private final float outside;
    private final Exact exact;

    private SlabField(int i0, int j0, int w, int h, float[] values, float outside, Exact exact) {
        this.i0 = i0;
        this.j0 = j0;
        this.w = w;
        this.h = h;
        this.values = values;
        this.outside = outside;
        this.exact = exact;
    }

    /** Sampled value at grid point (i, j). */
    public float at(int i, int j) {
        int a = i - i0, b = j - j0;
        if (a < 0 || b < 0 || a >= w || b >= h) {
            return outside;
        }
        return values[b * w + a];
    }

    /** The exact value at the in-plane point (x, y) in mm. */
    public double valueAt(double x, double y) {
        return exact.value(x, y);
    }

    /**
     * The exact value at the in-plane point (x, y) in mm without the clamp: for the rare points where a clamped
     * neighbouring slice would bend the interpolation between two others.
     */
    public double unclampedAt(double x, double y) {
        return exact.unclamped(x, y);
    }

    /** The value of grid points outside the stored rectangle: +clamp for a shape, -clamp for its complement. */
    public float outsideValue() {
        return outside;
    }

    /**
     * The field of slab {@code s} of {@code slabs} on {@code grid}. Exact distances are computed for points within
     * {@code clampMm} (Euclidean) of an edge, using a bucket grid of edges; farther points get ±clamp.
     */
    public static SlabField of(RoiSlabs slabs, int s, PlaneGrid grid, EllipsoidMetric metric, double clampMm,
            boolean complement) {
        Exact exact = new Exact(slabs, s, metric, clampMm, grid.stepMm(), complement);
        float outside = (float) (complement ? -clampMm : clampMm);
        double pad = clampMm + 2 * grid.stepMm(); // beyond it, distances are at the clamp (either sign)
        int iA = grid.floorI(exact.xMin - pad), iB = Math.min(grid.nx() - 1, grid.floorI(exact.xMax + pad) + 1);
        int jA = grid.floorJ(exact.yMin - pad), jB = Math.min(grid.ny() - 1, grid.floorJ(exact.yMax + pad) + 1);
        int w = iB - iA + 1, h = jB - jA + 1;
        float[] values = new float[w * h];
        double[] crossings = new double[slabs.maxPointsPerSlab() + 2];
        for (int j = 0; j < h; j++) {
            double y = grid.y(jA + j);
            int nc = slabs.crossings(s, true, y, crossings);
            int c = 0;
            for (int i = 0; i < w; i++) {
                double x = grid.x(iA + i);
                while (c < nc && crossings[c] <= x) {
                    c++;
                }
                values[j * w + i] = (float) exact.signed(x, y, (c & 1) == 1);
            }
        }
        return new SlabField(iA, jA, w, h, values, outside, exact);
    }

    /**
     * Exact signed distance to one slice's polygons. Edges sit in a grid of cells (a quarter of the clamp wide) by
     * their bounding boxes; a query visits rings of cells around the point until the ring is farther (Euclidean,
     * a lower bound of the metric) than the best edge found or than the clamp.
     */
    private static final class Exact {
        private final RoiSlabs slabs;
        private final int s;
        private final EllipsoidMetric metric;
        private final double clamp;
        private final boolean complement;
        private final double[] ax, ay, bx, by;
        private final double xMin, xMax, yMin, yMax, cell, ox, oy;
        private final int cw, ch;
        private final int[][] buckets;
        /** Per cell, the Chebyshev ring of the nearest cell holding an edge (rings nearer are empty). */
        private final int[] firstRing;

        Exact(RoiSlabs slabs, int s, EllipsoidMetric metric, double clamp, double step, boolean complement) {
            this.slabs = slabs;
            this.s = s;
            this.metric = metric;
            this.clamp = clamp;
            this.complement = complement;
            double[][] xs = slabs.polygonsX(s), ys = slabs.polygonsY(s);
            int edgeCount = 0;
            for (double[] p : xs) {
                edgeCount += p.length;
            }
            ax = new double[edgeCount];
            ay = new double[edgeCount];
            bx = new double[edgeCount];
            by = new double[edgeCount];
            double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
            int e = 0;
            for (int p = 0; p < xs.length; p++) {
                int n = xs[p].length;
                for (int k = 0; k < n; k++) {
                    ax[e] = xs[p][k];
                    ay[e] = ys[p][k];
                    bx[e] = xs[p][(k + 1) % n];
                    by[e] = ys[p][(k + 1) % n];
                    x0 = Math.min(x0, ax[e]);
                    x1 = Math.max(x1, ax[e]);
                    y0 = Math.min(y0, ay[e]);
                    y1 = Math.max(y1, ay[e]);
                    e++;
                }
            }
            xMin = x0;
            xMax = x1;
            yMin = y0;
            yMax = y1;
            cell = Math.max(clamp / 4, 2 * step);
            ox = xMin - cell;
            oy = yMin - cell;
            cw = (int) Math.ceil((xMax - ox) / cell) + 2;
            ch = (int) Math.ceil((yMax - oy) / cell) + 2;
            buckets = bucket();
            firstRing = nearestNonEmptyRing();
        }

        private int[] nearestNonEmptyRing() {
            List<int[]> full = new ArrayList<>();
            for (int c = 0; c < buckets.length; c++) {
                if (buckets[c] != null) {
                    full.add(new int[] { c % cw, c / cw });
                }
            }
            int[] ring = new int[cw * ch];
            for (int cj = 0; cj < ch; cj++) {
                for (int ci = 0; ci < cw; ci++) {
                    int best = Integer.MAX_VALUE / 2;
                    for (int[] f : full) {
                        best = Math.min(best, Math.max(Math.abs(f[0] - ci), Math.abs(f[1] - cj)));
                    }
                    ring[cj * cw + ci] = best;
                }
            }
            return ring;
        }

        double value(double x, double y) {
            return signed(x, y, slabs.contains(s, x, y));
        }

        double unclamped(double x, double y) {
            return signed(x, y, slabs.contains(s, x, y), Double.POSITIVE_INFINITY);
        }

        double signed(double x, double y, boolean inside) {
            return signed(x, y, inside, clamp);
        }

        private double signed(double x, double y, boolean inside, double limit) {
            double d = limit;
            int ci = (int) Math.floor((x - ox) / cell), cj = (int) Math.floor((y - oy) / cell);
            int startRing = 0;
            if (ci >= 0 && cj >= 0 && ci < cw && cj < ch) {
                startRing = firstRing[cj * cw + ci]; // the rings inside it hold no edge
            } else {
                startRing = Math.max(Math.max(-ci, ci - cw + 1), Math.max(-cj, cj - ch + 1));
            }
            int maxRing = Double.isInfinite(limit) ? startRing + cw + ch : (int) Math.ceil(limit / cell) + 1;
            for (int r = startRing; r <= maxRing; r++) {
                if (r >= 2 && (r - 1) * cell > d) {
                    break;
                }
                for (int b = cj - r; b <= cj + r; b++) {
                    if (b < 0 || b >= ch) {
                        continue;
                    }
                    boolean edgeRow = b == cj - r || b == cj + r;
                    for (int a = ci - r; a <= ci + r; a += edgeRow ? 1 : 2 * r) {
                        if (a >= 0 && a < cw) {
                            int[] cand = buckets[b * cw + a];
                            if (cand != null) {
                                for (int q = 1; q <= cand[0]; q++) {
                                    int k = cand[q];
                                    double dk = metric.segmentDistance(x, y, ax[k], ay[k], bx[k], by[k]);
                                    if (dk < d) {
                                        d = dk;
                                    }
                                }
                            }
                        }
                        if (r == 0) {
                            break;
                        }
                    }
                }
            }
            double signed = inside ? -d : d;
            return complement ? -signed : signed;
        }

        /** For each cell, the edges whose bounding box overlaps it: {count, edge...} or null. */
        private int[][] bucket() {
            List<List<Integer>> lists = new ArrayList<>(cw * ch);
            for (int c = 0; c < cw * ch; c++) {
                lists.add(null);
            }
            for (int k = 0; k < ax.length; k++) {
                int ia = (int) Math.floor((Math.min(ax[k], bx[k]) - ox) / cell);
                int ib = (int) Math.floor((Math.max(ax[k], bx[k]) - ox) / cell);
                int ja = (int) Math.floor((Math.min(ay[k], by[k]) - oy) / cell);
                int jb = (int) Math.floor((Math.max(ay[k], by[k]) - oy) / cell);
                for (int cj = ja; cj <= jb; cj++) {
                    for (int ci = ia; ci <= ib; ci++) {
                        List<Integer> l = lists.get(cj * cw + ci);
                        if (l == null) {
                            l = new ArrayList<>();
                            lists.set(cj * cw + ci, l);
                        }
                        l.add(k);
                    }
                }
            }
            int[][] out = new int[cw * ch][];
            for (int c = 0; c < out.length; c++) {
                List<Integer> l = lists.get(c);
                if (l != null) {
                    int[] a = new int[l.size() + 1];
                    a[0] = l.size();
                    for (int q = 0; q < l.size(); q++) {
                        a[q + 1] = l.get(q);
                    }
                    out[c] = a;
                }
            }
            return out;
        }
    }
}
