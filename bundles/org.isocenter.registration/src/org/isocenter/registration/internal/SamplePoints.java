/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration.internal;

import java.util.SplittableRandom;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.registration.RegistrationRegion;

/**
 * A seeded stratified random sample of planning-CT points inside a region (planning LPS mm): the part of the
 * planning grid the region's box covers is cut into equal cells, and each cell gets one uniformly random point,
 * kept when it lies in the region. The points spread more evenly than independent ones, which makes a metric on
 * them less noisy for the same count; they are off the voxel grid (keeping interpolation artefacts out of a
 * metric); and they come out in the grid's memory order (by slice, then row), so looking them up in the daily
 * image one after the other reads nearby memory (a rigid motion keeps neighbours together), which is what makes a
 * metric evaluation fast.
 */
public final class SamplePoints {

    /**
     * Smallest cell, in planning voxels: a small region (a structure and its margin) may hold fewer voxels than the
     * points asked for, and several points per voxel still average the daily image's noise.
     */
    static final double MIN_CELL_VOXELS = 1 / 27.0;

    /** Positions in planning LPS mm, in memory order. */
    final float[] x, y, z;

    private SamplePoints(float[] x, float[] y, float[] z) {
        this.x = x;
        this.y = y;
        this.z = z;
    }

    public int count() {
        return x.length;
    }

    /**
     * About {@code samples} points inside the region; when the region (a mask) fills only part of its box, the
     * cells are made smaller until that many land inside, or the cells reach {@link #MIN_CELL_VOXELS}.
     */
    public static SamplePoints draw(VolumeGeometry planning, RegistrationRegion region, int samples, long seed) {
        Draw d = new Draw(planning, region);
        double cells = samples;
        for (int attempt = 0;; attempt++) { // a second or third try when a mask leaves too many cells empty
            d.run(cells, new SplittableRandom(seed));
            if (d.count >= 0.9 * samples || d.cellVoxels <= MIN_CELL_VOXELS || attempt == 2 || d.count == 0) {
                break;
            }
            cells *= Math.min(100, 1.1 * samples / d.count);
        }
        return new SamplePoints(java.util.Arrays.copyOf(d.x, d.count), java.util.Arrays.copyOf(d.y, d.count),
                java.util.Arrays.copyOf(d.z, d.count));
    }

    /** The drawing state; one cell per {@link #cell} call (a small method the JIT compiles early). */
    private static final class Draw {
        final RegistrationRegion region;
        final boolean masked;
        final double[] t = new double[12]; // patient mm = M index + o, row-major 3×4
        final double x0, y0, z0, x1, y1, z1;
        final double[] lo = new double[3], extent = new double[3], spacing = new double[3]; // box, index units
        final int[] n = new int[3];
        final double[] step = new double[3];
        SplittableRandom random;
        double cellVoxels;
        float[] x, y, z;
        int count;

        Draw(VolumeGeometry g, RegistrationRegion region) {
            this.region = region;
            this.masked = region.mask() != null;
            Vector3 a = g.patientToIndex(region.minMm()), b = g.patientToIndex(region.maxMm());
            int[] size = { g.sizeX(), g.sizeY(), g.sizeZ() };
            double[] from = { a.x(), a.y(), a.z() }, to = { b.x(), b.y(), b.z() };
            spacing[0] = g.spacingXMm();
            spacing[1] = g.spacingYMm();
            spacing[2] = g.spacingZMm();
            for (int d = 0; d < 3; d++) { // the box in continuous index units, within the grid's voxels
                double l = Math.max(-0.5, Math.min(from[d], to[d])), h = Math.min(size[d] - 0.5, Math.max(from[d], to[d]));
                lo[d] = l;
                extent[d] = Math.max(0, h - l);
            }
            Vector3 o = g.indexToPatient(0, 0, 0), di = g.indexToPatient(1, 0, 0).minus(o);
            Vector3 dj = g.indexToPatient(0, 1, 0).minus(o), dk = g.indexToPatient(0, 0, 1).minus(o);
            double[] m = { di.x(), dj.x(), dk.x(), o.x(), di.y(), dj.y(), dk.y(), o.y(), di.z(), dj.z(), dk.z(), o.z() };
            System.arraycopy(m, 0, t, 0, 12);
            x0 = region.minMm().x();
            y0 = region.minMm().y();
            z0 = region.minMm().z();
            x1 = region.maxMm().x();
            y1 = region.maxMm().y();
            z1 = region.maxMm().z();
        }

        /** One point in each of about {@code cells} cubic-ish cells (in mm) of the box, cells not below a limit. */
        void run(double cells, SplittableRandom r) {
            random = r;
            double volume = 1, voxels = 1;
            for (int d = 0; d < 3; d++) {
                volume *= Math.max(extent[d] * spacing[d], 1e-9);
                voxels *= Math.max(extent[d], 1);
            }
            double side = Math.cbrt(volume / Math.max(1, Math.min(cells, voxels / MIN_CELL_VOXELS))); // mm
            long total = 1;
            cellVoxels = 1;
            for (int d = 0; d < 3; d++) {
                n[d] = (int) Math.max(1, Math.round(extent[d] * spacing[d] / side));
                step[d] = extent[d] / n[d];
                total *= n[d];
                cellVoxels *= step[d];
            }
            int capacity = (int) Math.min(total, 1 << 20); // grows when a region fills more of its box than that
            x = new float[capacity];
            y = new float[capacity];
            z = new float[capacity];
            count = 0;
            for (int k = 0; k < n[2]; k++) { // slice by slice, row by row: the grid's memory order
                for (int j = 0; j < n[1]; j++) {
                    for (int i = 0; i < n[0]; i++) {
                        cell(i, j, k);
                    }
                }
            }
        }

        /** A random point in cell (i, j, k), kept when it lies in the region. */
        void cell(int i, int j, int k) {
            double u = lo[0] + (i + random.nextDouble()) * step[0];
            double v = lo[1] + (j + random.nextDouble()) * step[1];
            double w = lo[2] + (k + random.nextDouble()) * step[2];
            double px = t[0] * u + t[1] * v + t[2] * w + t[3];
            double py = t[4] * u + t[5] * v + t[6] * w + t[7];
            double pz = t[8] * u + t[9] * v + t[10] * w + t[11];
            if (px < x0 || py < y0 || pz < z0 || px > x1 || py > y1 || pz > z1
                    || masked && !region.contains(new Vector3(px, py, pz))) {
                return;
            }
            if (count == x.length) {
                x = java.util.Arrays.copyOf(x, 2 * count);
                y = java.util.Arrays.copyOf(y, 2 * count);
                z = java.util.Arrays.copyOf(z, 2 * count);
            }
            x[count] = (float) px;
            y[count] = (float) py;
            z[count++] = (float) pz;
        }
    }
}
