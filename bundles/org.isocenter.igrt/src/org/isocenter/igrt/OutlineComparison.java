/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.stream.IntStream;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.core.image.DistanceMap;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.structure.Roi;
import org.isocenter.render.RoiMasks;

/**
 * The body outline on a daily image against the planning outline, after the fraction's correction: on every axial
 * slice of the planning CT inside the treated region ({@code zFromMm..zToMm}, planning LPS mm), the planning body
 * (the BODY/EXTERNAL contour rasterized, else the planning CT above {@value #BODY_HU} HU) is compared with the daily
 * body (the daily image above {@value #BODY_HU} HU, sampled through {@code planningToDaily}), both as the largest
 * connected region of the slice with its holes filled. {@code inwardMm} is the largest in-plane distance from a
 * point of the planning body that the daily body lost to the daily body (weight loss), {@code outwardMm} the largest
 * from a point the daily body gained to the planning body (swelling). Only points inside the daily image's field of
 * view count (its grid, and the reconstructed cylinder when the image pads outside it with one constant value).
 */
public final class OutlineComparison {

    /** Body threshold (HU): soft tissue and fat above it, air and lung-free outside below it. */
    public static final double BODY_HU = -400;

    /** The result (mm), the number of slices compared, and what the planning outline came from. */
    public record Result(double inwardMm, double outwardMm, int slices, String planningOutline, double fovRadiusMm) {
    }

    private OutlineComparison() {
    }

    /**
     * Compares the outlines; {@code body} is the planning BODY contour (empty: the planning CT's outline). Throws
     * when the treated region holds no slice of the planning CT inside the daily field of view.
     */
    public static Result compare(ImageVolume planning, Optional<Roi> body, ImageVolume daily,
            RigidTransform planningToDaily, double zFromMm, double zToMm) {
        VolumeGeometry g = planning.geometry();
        BinaryMask contour = body.map(r -> RoiMasks.rasterize(r, g)).orElse(null);
        double fov = fieldOfViewRadiusMm(daily);
        VolumeGeometry dg = daily.geometry();
        Vector3 axis = dg.indexToPatient((dg.sizeX() - 1) / 2.0, (dg.sizeY() - 1) / 2.0, 0);
        int nx = g.sizeX(), ny = g.sizeY();
        int[] slices = IntStream.range(0, g.sizeZ()).filter(k -> {
            double z = g.indexToPatient(0, 0, k).z();
            return z >= Math.min(zFromMm, zToMm) - 1e-6 && z <= Math.max(zFromMm, zToMm) + 1e-6;
        }).toArray();
        double[][] perSlice = new double[slices.length][];
        IntStream.range(0, slices.length).parallel().forEach(s -> {
            int k = slices[s];
            boolean[] plan = new boolean[nx * ny], day = new boolean[nx * ny], known = new boolean[nx * ny];
            int knownCount = 0;
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int p = j * nx + i;
                    plan[p] = contour != null ? contour.get(i, j, k) : planning.valueAt(i, j, k) > BODY_HU;
                    Vector3 q = planningToDaily.apply(g.indexToPatient(i, j, k));
                    Vector3 idx = dg.patientToIndex(q);
                    int di = (int) Math.round(idx.x()), dj = (int) Math.round(idx.y()), dk = (int) Math.round(idx.z());
                    if (dg.contains(di, dj, dk) && Math.hypot(q.x() - axis.x(), q.y() - axis.y()) <= fov) {
                        known[p] = true;
                        knownCount++;
                        day[p] = daily.valueAt(di, dj, dk) > BODY_HU;
                    }
                }
            }
            if (knownCount == 0) {
                return;
            }
            if (contour == null) {
                largestFilled(plan, nx, ny);
            }
            largestFilled(day, nx, ny);
            double[] toDay = distances(day, nx, ny, g.spacingXMm(), g.spacingYMm());
            double[] toPlan = distances(plan, nx, ny, g.spacingXMm(), g.spacingYMm());
            double inward = 0, outward = 0;
            for (int p = 0; p < nx * ny; p++) {
                if (!known[p]) {
                    continue;
                }
                if (plan[p] && !day[p]) {
                    inward = Math.max(inward, toDay[p]);
                } else if (day[p] && !plan[p]) {
                    outward = Math.max(outward, toPlan[p]);
                }
            }
            perSlice[s] = new double[] { inward, outward };
        });
        double inward = 0, outward = 0;
        int compared = 0;
        for (double[] r : perSlice) {
            if (r != null) {
                inward = Math.max(inward, r[0]);
                outward = Math.max(outward, r[1]);
                compared++;
            }
        }
        if (compared == 0) {
            throw new IllegalArgumentException("no slice of the planning CT between z " + zFromMm + " and " + zToMm
                    + " mm lies in the daily image's field of view: the outlines cannot be compared");
        }
        return new Result(inward, outward, compared, contour != null ? "BODY contour " + body.get().name()
                : "planning CT outline (> " + BODY_HU + " HU)", fov);
    }

    /**
     * The radius (mm, about the grid's central axis) of the daily image's reconstructed cylinder: when the four
     * corner voxels of the first slice hold one value, voxels of exactly that value beyond the last voxel of any other
     * value are padding; otherwise the whole grid is data (infinite radius).
     */
    static double fieldOfViewRadiusMm(ImageVolume daily) {
        VolumeGeometry g = daily.geometry();
        int nx = g.sizeX(), ny = g.sizeY();
        short[] v = daily.storedValues();
        short pad = v[g.linearIndex(0, 0, 0)];
        if (v[g.linearIndex(nx - 1, 0, 0)] != pad || v[g.linearIndex(0, ny - 1, 0)] != pad
                || v[g.linearIndex(nx - 1, ny - 1, 0)] != pad) {
            return Double.POSITIVE_INFINITY;
        }
        double cx = (nx - 1) / 2.0, cy = (ny - 1) / 2.0, maxR2 = 0;
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < ny; j++) {
                double dy = (j - cy) * g.spacingYMm();
                for (int i = 0; i < nx; i++) {
                    if (v[g.linearIndex(i, j, k)] != pad) {
                        double dx = (i - cx) * g.spacingXMm();
                        maxR2 = Math.max(maxR2, dx * dx + dy * dy);
                    }
                }
            }
        }
        return Math.sqrt(maxR2);
    }

    /** Keeps the largest 4-connected region of {@code m} and fills its holes (background not reaching the border). */
    static void largestFilled(boolean[] m, int nx, int ny) {
        int[] label = new int[m.length];
        int best = 0, bestSize = 0, next = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < m.length; start++) {
            if (!m[start] || label[start] != 0) {
                continue;
            }
            int id = ++next, size = 0;
            label[start] = id;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                size++;
                int x = p % nx, y = p / nx;
                for (int q : new int[] { x > 0 ? p - 1 : -1, x < nx - 1 ? p + 1 : -1, y > 0 ? p - nx : -1,
                        y < ny - 1 ? p + nx : -1 }) {
                    if (q >= 0 && m[q] && label[q] == 0) {
                        label[q] = id;
                        queue.add(q);
                    }
                }
            }
            if (size > bestSize) {
                bestSize = size;
                best = id;
            }
        }
        boolean[] outside = new boolean[m.length]; // background reached from the border
        for (int p = 0; p < m.length; p++) {
            int x = p % nx, y = p / nx;
            if ((x == 0 || y == 0 || x == nx - 1 || y == ny - 1) && label[p] != best) {
                outside[p] = true;
                queue.add(p);
            }
        }
        while (!queue.isEmpty()) {
            int p = queue.poll();
            int x = p % nx, y = p / nx;
            for (int q : new int[] { x > 0 ? p - 1 : -1, x < nx - 1 ? p + 1 : -1, y > 0 ? p - nx : -1,
                    y < ny - 1 ? p + nx : -1 }) {
                if (q >= 0 && !outside[q] && label[q] != best) {
                    outside[q] = true;
                    queue.add(q);
                }
            }
        }
        for (int p = 0; p < m.length; p++) {
            m[p] = best != 0 && !outside[p];
        }
    }

    /** In-plane Euclidean distance (mm) from every pixel to the nearest set pixel (infinite when none is set). */
    static double[] distances(boolean[] m, int nx, int ny, double sx, double sy) {
        double[] d = DistanceMap.squaredDistances(m, nx, ny, 1, sx, sy, 1);
        for (int p = 0; p < d.length; p++) {
            d[p] = Math.sqrt(d[p]);
        }
        return d;
    }
}
