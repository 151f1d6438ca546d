/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dose.internal;

import java.util.Arrays;

import org.isocenter.core.structure.RoiSlabs;

/**
 * Integrates the dose over the slabs of a structure (patient LPS mm, dose in the grid's units, volume in cc):
 * <ul>
 * <li><b>in plane</b>, a slab's region (even-odd over its polygons) is cut into bands along y at most 1.25 steps
 * high, and each band's middle row into pieces at the lines of a grid of one step along x; the dose is taken at the
 * centre of each piece. Between two vertex y the width of the region changes linearly with y, so a band's exact area
 * is the sum, over the parts between the vertices inside it, of the width at the part's middle times its height; the
 * band's pieces are scaled to that area (by 1 when no vertex lies inside). The area of every slab is therefore exact
 * (to rounding), and a linear dose is integrated exactly. The grids are shifted from row to row and slab to slab by
 * low-discrepancy phases: with one fixed grid, a steep in-plane gradient would put whole columns of samples at the
 * same few doses and turn the cumulative DVH into steps one column wide;</li>
 * <li><b>along z</b>, each piece extends over its slab (contour z ± half the slab thickness, the DICOM slab
 * convention). On the line through the piece's centre the trilinear dose is linear between the planes of the dose
 * grid, so the line is split where it crosses them and each part adds its volume spread uniformly between the doses
 * at its two ends: exact for axial dose grids, however thick the slab. For grids tilted against z the line also
 * crosses row and column planes and the parts are at most one step long.</li>
 * </ul>
 * Parts of the line outside the dose grid (more than half a voxel beyond its outermost voxel centres) are counted as
 * volume outside the grid; for grids whose rows and columns run along x and y, bands and pieces are also cut where
 * the grid ends, so that volume is exact (for grids rotated in the axial plane it is exact to a piece).
 * <p>
 * For axial grids (rows along ±x, columns along ±y) the z breakpoints and plane weights are shared by all pieces of
 * a slab and the y weights by all pieces of a row, so a piece costs a bilinear lookup per dose plane its slab
 * touches. An integrator holds only read-only state; each thread uses its own {@link Worker}.
 */
public final class SlabIntegrator {

    private static final double NO_CHANGE = 1e-12;
    /** 1 / golden ratio and 1 / plastic number: additive recurrences that fill 0..1 evenly. */
    private static final double ROW_PHASE = 0.6180339887498949, SLAB_PHASE = 0.7548776662466927;

    private final RoiSlabs slabs;
    private final TrilinearDose dose;
    private final double stepMm;
    private final double perStep;
    private final boolean tilted;
    /** Rows along ±x, columns along ±y, slices along ±z: the fast path ({@link TrilinearDose#isAxial()}). */
    private final boolean axial;
    private final int crossingCapacity;
    private final int breakpointCapacity;
    /** Where the dose grid ends along x and along y (mm), for grids whose rows and columns run along x and y. */
    private final double[] xEdges, yEdges;

    public SlabIntegrator(RoiSlabs slabs, TrilinearDose dose, double stepMm) {
        if (!(stepMm > 0)) {
            throw new IllegalArgumentException("sampling step must be positive: " + stepMm + " mm");
        }
        this.slabs = slabs;
        this.dose = dose;
        this.stepMm = stepMm;
        perStep = 1 / stepMm;
        int moving = 0;
        double perMm = 0;
        for (int axis = 0; axis < 3; axis++) {
            double d = Math.abs(dose.indexPerMmZ(axis));
            if (d > NO_CHANGE) {
                moving++;
                perMm += d;
            }
        }
        tilted = moving > 1;
        axial = dose.isAxial();
        xEdges = dose.edgesAlong(0);
        yEdges = dose.edgesAlong(1);
        crossingCapacity = slabs.maxPointsPerSlab() + 2;
        double length = 2 * slabs.halfThicknessMm();
        breakpointCapacity = (int) Math.ceil(length * perMm) + 8 + (tilted ? (int) Math.ceil(length / stepMm) * 2 : 0);
    }

    public double stepMm() {
        return stepMm;
    }

    /** A new worker with its own buffers (one per thread). */
    public Worker newWorker() {
        return new Worker();
    }

    /**
     * The bands of slab {@code s}: edges (mm) from its lowest to its highest vertex y at the lines of a grid of one
     * step shifted by the slab's phase (left out within a quarter step of either end: bands are at most 1.25 steps
     * high) and where the dose grid ends along y; and all its vertex y, sorted.
     */
    Bands bands(int s) {
        int count = 0;
        for (double[] poly : slabs.polygonsY(s)) {
            count += poly.length;
        }
        double[] ys = new double[count];
        int n = 0;
        for (double[] poly : slabs.polygonsY(s)) {
            System.arraycopy(poly, 0, ys, n, poly.length);
            n += poly.length;
        }
        Arrays.sort(ys);
        double bottom = ys[0], top = ys[count - 1], minGap = stepMm / 4;
        double phase = fraction((s + 1) * SLAB_PHASE);
        double[] out = new double[(int) Math.ceil((top - bottom) / stepMm) + 3 + yEdges.length];
        int e = 0;
        out[e++] = bottom;
        for (long m = (long) Math.ceil((bottom + minGap) / stepMm - phase); (m + phase) * stepMm < top - minGap; m++) {
            out = grow(out, e + 2);
            out[e++] = (m + phase) * stepMm;
        }
        if (top > bottom) {
            out[e++] = top;
        }
        boolean cut = false;
        for (double y : yEdges) {
            if (y > bottom && y < top) { // (an edge equal to another makes an empty band, skipped)
                out = grow(out, e + 1);
                out[e++] = y;
                cut = true;
            }
        }
        if (cut) {
            Arrays.sort(out, 0, e);
        }
        return new Bands(Arrays.copyOf(out, e), ys);
    }

    /** Band edges (mm, increasing) and all vertex y of the slab (sorted). */
    record Bands(double[] edges, double[] vertexY) {
    }

    private static double[] grow(double[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, 2 * a.length));
    }

    /**
     * Phase (0..1, in steps) of the x columns on row {@code row} of slab {@code s}: a low-discrepancy (golden
     * ratio) sequence, so that the centres of the pieces on successive rows do not line up and a dose gradient
     * along x gives a smooth DVH instead of steps of one column each. Slab bands use another sequence along y.
     */
    static double rowPhase(int s, int row) {
        return fraction((s * 7919L + row) * ROW_PHASE);
    }

    private static double fraction(double v) {
        return v - Math.floor(v);
    }

    private int pieces(double length) {
        return Math.max(1, (int) Math.ceil(length / stepMm - 1e-9));
    }

    /** Integrates slabs with its own buffers; not thread-safe, one per thread. */
    public final class Worker {

        private final double[] crossings = new double[crossingCapacity];
        /** Breakpoints along z (mm) and the doses there, for the piece at hand. */
        private double[] zs = new double[breakpointCapacity];
        private double[] doses = new double[breakpointCapacity];
        /** Continuous index of the piece's column at the bottom of its slab (grids that are not axial). */
        private final double[] c = new double[3];

        // axial grids, per slab: the breakpoints inside the grid (count, z mm, plane below, weight of the plane above),
        // the planes they use, the length outside the grid; per row: the y cell and weight; per cell along the row:
        // the values interpolated along y at its two x corners in each plane
        private int zCount;
        private double[] zq = new double[8], fkq = new double[8];
        private int[] kq = new int[8];
        private int firstPlane, usedPlanes;
        private double[] planeValues = new double[8];
        private double slabOutsideMm;
        private boolean slabInside;
        private int rowJ0;
        private double rowFj;
        private int cellI0 = -1;
        private double[] cellColumns = new double[16];

        /** Adds slab {@code s} (its whole thickness) to {@code acc}. */
        public void integrate(int s, DoseAccumulator acc) {
            double za = slabs.slabZMm(s) - slabs.halfThicknessMm(), zb = slabs.slabZMm(s) + slabs.halfThicknessMm();
            if (axial) {
                prepareAxialSlab(za, zb);
            }
            Bands bands = bands(s);
            double[] edges = bands.edges(), vy = bands.vertexY();
            for (int b = 0; b + 1 < edges.length; b++) {
                double y0 = edges[b], y1 = edges[b + 1];
                if (y1 <= y0) {
                    continue;
                }
                double phase = rowPhase(s, b);
                int first = firstAbove(vy, y0);
                if (first == vy.length || vy[first] >= y1) {
                    row(s, y0, y1, phase, 1, za, zb, acc); // no vertex inside: the middle row's width is the mean width
                    continue;
                }
                // vertices inside the band: its exact area from the widths between them
                double exact = 0, from = y0;
                for (int q = first; q < vy.length && vy[q] < y1; q++) {
                    if (vy[q] > from) {
                        exact += width(s, 0.5 * (from + vy[q])) * (vy[q] - from);
                        from = vy[q];
                    }
                }
                exact += width(s, 0.5 * (from + y1)) * (y1 - from);
                double sampled = width(s, 0.5 * (y0 + y1)) * (y1 - y0);
                if (sampled > 0) {
                    row(s, y0, y1, phase, exact / sampled, za, zb, acc);
                } else { // the middle row misses the region: one row per part between the vertices
                    from = y0;
                    for (int q = first; q <= vy.length; q++) {
                        double to = q < vy.length && vy[q] < y1 ? vy[q] : y1;
                        if (to > from) {
                            row(s, from, to, phase, 1, za, zb, acc);
                            from = to;
                        }
                        if (to == y1) {
                            break;
                        }
                    }
                }
            }
        }

        /** Index of the first value above {@code y} in the sorted array (its length if none). */
        private static int firstAbove(double[] sorted, double y) {
            int lo = 0, hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= y) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Total length (mm) of the region on the line y. */
        private double width(int s, double y) {
            int n = slabs.crossings(s, true, y, crossings);
            double w = 0;
            for (int q = 0; q + 1 < n; q += 2) {
                w += crossings[q + 1] - crossings[q];
            }
            return w;
        }

        /** The band y0..y1 sampled on its middle row, piece areas multiplied by {@code scale}. */
        private void row(int s, double y0, double y1, double phase, double scale, double za, double zb,
                DoseAccumulator acc) {
            double y = 0.5 * (y0 + y1), height = (y1 - y0) * scale;
            int n = slabs.crossings(s, true, y, crossings);
            boolean rowInside = true;
            if (axial) {
                double fj = dose.axialIndex(1, y);
                rowInside = fj >= -0.5 && fj <= dose.size(1) - 0.5;
                rowJ0 = dose.lower(1, fj);
                rowFj = dose.fraction(1, fj);
                cellI0 = -1;
            }
            for (int q = 0; q + 1 < n; q += 2) {
                double xa = crossings[q], xb = crossings[q + 1];
                double x = xa;
                while (x < xb) {
                    double next = (Math.floor(x * perStep - phase) + 1 + phase) * stepMm;
                    if (next <= x) {
                        next = x + stepMm;
                    }
                    for (double edge : xEdges) {
                        if (edge > x && edge < next) {
                            next = edge; // a piece never straddles the end of the dose grid
                        }
                    }
                    double end = Math.min(next, xb);
                    double areaMm2 = (end - x) * height;
                    if (!axial) {
                        piece(0.5 * (x + end), y, areaMm2, za, zb, acc);
                    } else if (rowInside && slabInside) {
                        axialPiece(0.5 * (x + end), areaMm2, acc);
                    } else {
                        acc.addOutside((zb - za) * areaMm2 / 1000.0);
                    }
                    x = end;
                }
            }
        }

        // ---- axial grids --------------------------------------------------------------------------------------------

        /** Prepares the z breakpoints of a slab from za to zb for {@link #axialPiece}. */
        private void prepareAxialSlab(double za, double zb) {
            double ka = dose.axialIndex(2, za), kb = dose.axialIndex(2, zb), perMm = (kb - ka) / (zb - za);
            double first = -0.5, last = dose.size(2) - 0.5;
            double t1 = za + (first - ka) / perMm, t2 = za + (last - ka) / perMm;
            double lo = Math.max(za, Math.min(t1, t2)), hi = Math.min(zb, Math.max(t1, t2));
            slabInside = hi > lo;
            slabOutsideMm = (zb - za) - (slabInside ? hi - lo : 0);
            if (!slabInside) {
                return;
            }
            int n = 0;
            zq = grow(zq, 2);
            zq[n++] = lo;
            double klo = ka + (lo - za) * perMm, khi = ka + (hi - za) * perMm;
            int from = (int) Math.floor(Math.min(klo, khi)) + 1, to = (int) Math.ceil(Math.max(klo, khi)) - 1;
            for (int q = from; q <= to; q++) {
                double z = za + (q - ka) / perMm;
                if (z > lo && z < hi) {
                    zq = grow(zq, n + 2);
                    zq[n++] = z;
                }
            }
            zq[n++] = hi;
            Arrays.sort(zq, 0, n);
            zCount = n;
            if (kq.length < n) {
                kq = new int[zq.length];
                fkq = new double[zq.length];
            }
            if (doses.length < n) {
                doses = new double[zq.length];
            }
            int lowest = Integer.MAX_VALUE, highest = Integer.MIN_VALUE;
            for (int q = 0; q < n; q++) {
                double k = ka + (zq[q] - za) * perMm;
                kq[q] = dose.lower(2, k);
                fkq[q] = dose.fraction(2, k);
                lowest = Math.min(lowest, kq[q]);
                highest = Math.max(highest, fkq[q] > 0 ? kq[q] + 1 : kq[q]);
            }
            firstPlane = lowest;
            if (planeValues.length < highest - lowest + 1) {
                planeValues = new double[highest - lowest + 1];
                cellColumns = new double[2 * planeValues.length];
            }
            usedPlanes = highest - lowest + 1;
        }


        /** One piece at x on the current row of the current slab (axial grids). */
        private void axialPiece(double x, double areaMm2, DoseAccumulator acc) {
            double ccPerMm = areaMm2 / 1000.0;
            double fi = dose.axialIndex(0, x);
            if (fi < -0.5 || fi > dose.size(0) - 0.5) {
                acc.addOutside((zq[zCount - 1] - zq[0] + slabOutsideMm) * ccPerMm);
                return;
            }
            if (slabOutsideMm > 0) {
                acc.addOutside(slabOutsideMm * ccPerMm);
            }
            int i0 = dose.lower(0, fi);
            double wi = dose.fraction(0, fi);
            if (i0 != cellI0) { // pieces along a row share cells: the y interpolation is done once per cell
                dose.cellColumns(firstPlane, usedPlanes, i0, rowJ0, rowFj, cellColumns);
                cellI0 = i0;
            }
            for (int p = 0; p < usedPlanes; p++) {
                planeValues[p] = cellColumns[2 * p] + wi * (cellColumns[2 * p + 1] - cellColumns[2 * p]);
            }
            for (int q = 0; q < zCount; q++) {
                int p = kq[q] - firstPlane;
                doses[q] = fkq[q] > 0 ? planeValues[p] + fkq[q] * (planeValues[p + 1] - planeValues[p]) : planeValues[p];
            }
            acc.addPiecewise(ccPerMm, zq, doses, zCount);
        }

        /** The column through (x, y) from za to zb with cross-section {@code areaMm2}. */
        private void piece(double x, double y, double areaMm2, double za, double zb, DoseAccumulator acc) {
            double ccPerMm = areaMm2 / 1000.0;
            double lo = za, hi = zb;
            for (int axis = 0; axis < 3; axis++) {
                c[axis] = dose.index(axis, x, y, za);
                double d = dose.indexPerMmZ(axis), first = -0.5, last = dose.size(axis) - 0.5;
                if (Math.abs(d) <= NO_CHANGE) {
                    if (c[axis] < first || c[axis] > last) {
                        hi = lo;
                    }
                    continue;
                }
                double t1 = za + (first - c[axis]) / d, t2 = za + (last - c[axis]) / d;
                lo = Math.max(lo, Math.min(t1, t2));
                hi = Math.min(hi, Math.max(t1, t2));
            }
            if (hi <= lo) {
                acc.addOutside((zb - za) * ccPerMm);
                return;
            }
            double covered = hi - lo;
            if (covered < zb - za) {
                acc.addOutside((zb - za - covered) * ccPerMm);
            }
            int n = breakpoints(lo, hi, za);
            for (int q = 0; q < n; q++) {
                double dz = zs[q] - za;
                doses[q] = dose.valueAtIndex(c[0] + dz * dose.indexPerMmZ(0), c[1] + dz * dose.indexPerMmZ(1),
                        c[2] + dz * dose.indexPerMmZ(2));
            }
            for (int q = 0; q + 1 < n; q++) {
                double length = zs[q + 1] - zs[q];
                if (length > 0) {
                    acc.addLinear(length * ccPerMm, doses[q], doses[q + 1]);
                }
            }
        }

        /** Sorted z (mm) of lo, hi and the grid-plane crossings between them into {@code zs}; returns the count. */
        private int breakpoints(double lo, double hi, double za) {
            int n = 0;
            zs[n++] = lo;
            for (int axis = 0; axis < 3; axis++) {
                double d = dose.indexPerMmZ(axis);
                if (Math.abs(d) <= NO_CHANGE) {
                    continue;
                }
                double ca = c[axis] + (lo - za) * d, cb = c[axis] + (hi - za) * d;
                int from = (int) Math.floor(Math.min(ca, cb)) + 1, to = (int) Math.ceil(Math.max(ca, cb)) - 1;
                for (int q = from; q <= to; q++) {
                    double z = za + (q - c[axis]) / d;
                    if (z > lo && z < hi) {
                        ensure(n + 2);
                        zs[n++] = z;
                    }
                }
            }
            zs[n++] = hi;
            if (tilted) {
                Arrays.sort(zs, 0, n);
                n = subdivide(n);
            } else if (n > 2 && zs[1] > zs[n - 2]) {
                reverseMiddle(n); // crossings of a decreasing index come in decreasing z
            }
            return n;
        }

        private void reverseMiddle(int n) {
            for (int a = 1, b = n - 2; a < b; a++, b--) {
                double t = zs[a];
                zs[a] = zs[b];
                zs[b] = t;
            }
        }

        /** Splits every part longer than a step (the dose along a tilted line is not linear within a voxel). */
        private int subdivide(int n) {
            int extra = 0;
            for (int q = 0; q + 1 < n; q++) {
                extra += pieces(zs[q + 1] - zs[q]) - 1;
            }
            if (extra == 0) {
                return n;
            }
            ensure(n + extra);
            double[] out = new double[zs.length];
            int m = 0;
            for (int q = 0; q + 1 < n; q++) {
                int parts = pieces(zs[q + 1] - zs[q]);
                for (int p = 0; p < parts; p++) {
                    out[m++] = zs[q] + (zs[q + 1] - zs[q]) * p / parts;
                }
            }
            out[m++] = zs[n - 1];
            zs = out;
            return m;
        }

        private void ensure(int size) {
            if (size > zs.length) {
                zs = Arrays.copyOf(zs, Math.max(size, 2 * zs.length));
                doses = Arrays.copyOf(doses, zs.length);
            } else if (doses.length < zs.length) {
                doses = Arrays.copyOf(doses, zs.length);
            }
        }
    }
}
