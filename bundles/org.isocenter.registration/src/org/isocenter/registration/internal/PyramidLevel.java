/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration.internal;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;

/**
 * One level of an image pyramid: 16-bit values in the image's stored units (physical value = stored × slope +
 * intercept, e.g. HU) on a grid, with the affine that maps patient LPS mm to the level's continuous voxel index.
 * The finest level is the image itself, read in place (no copy); a coarser level holds block averages of a finer
 * one, rounded to whole stored units, optionally of a sub-box only. Voxels holding the padding value (outside a
 * CBCT's reconstructed field of view) are no data: a block with any padding voxel is padding, and trilinear samples
 * that touch padding are NaN. One representation at every level keeps the hot lookup to one compiled path; mutual
 * information reads a level through its {@link BinnedLevel} instead.
 */
public final class PyramidLevel {

    /** No padding value. */
    public static final int NO_PADDING = Integer.MIN_VALUE;
    /** Largest block size (its sums of 16-bit values stay within an int). */
    public static final int MAX_BLOCK = 32;
    /** Stands in for {@link #NO_PADDING} inside: outside the 16-bit range, so no voxel equals it. */
    private static final int NONE = 1 << 20;

    private final short[] data;
    private final double slope, intercept;
    private final int padding;
    private final int nx, ny, nz;
    private final double[] toIndex;
    private final VolumeGeometry geometry;

    private PyramidLevel(short[] data, double slope, double intercept, int padding, VolumeGeometry g) {
        this.data = data;
        this.slope = slope;
        this.intercept = intercept;
        this.padding = padding == NO_PADDING ? NONE : padding;
        this.nx = g.sizeX();
        this.ny = g.sizeY();
        this.nz = g.sizeZ();
        this.geometry = g;
        // index = A p + b, from the geometry's own (linear) patientToIndex
        Vector3 b = g.patientToIndex(Vector3.ZERO);
        Vector3 ax = g.patientToIndex(new Vector3(1, 0, 0)).minus(b);
        Vector3 ay = g.patientToIndex(new Vector3(0, 1, 0)).minus(b);
        Vector3 az = g.patientToIndex(new Vector3(0, 0, 1)).minus(b);
        this.toIndex = new double[] { ax.x(), ay.x(), az.x(), b.x(), ax.y(), ay.y(), az.y(), b.y(), ax.z(), ay.z(), az.z(),
                b.z() };
    }

    /**
     * The image itself (its stored voxels, not a copy).
     *
     * @param padding the stored value written outside the reconstructed field of view, or {@link #NO_PADDING}
     */
    public static PyramidLevel of(ImageVolume v, int padding) {
        return new PyramidLevel(v.storedValues(), v.rescaleSlope(), v.rescaleIntercept(), padding, v.geometry());
    }

    /** Block averages of {@code f}³ voxels of this whole level. */
    public PyramidLevel averaged(int f) {
        return averaged(f, 0, 0, 0, nx, ny, nz);
    }

    /**
     * Block averages of {@code f}³ voxels of the part of this level that covers the LPS box {@code min..max} grown
     * by {@code marginVoxels} voxels of this level.
     */
    public PyramidLevel averaged(int f, Vector3 minMm, Vector3 maxMm, int marginVoxels) {
        VolumeGeometry g = geometry;
        double[] lo = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
        double[] hi = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        for (int c = 0; c < 8; c++) {
            Vector3 index = g.patientToIndex(new Vector3((c & 1) == 0 ? minMm.x() : maxMm.x(),
                    (c & 2) == 0 ? minMm.y() : maxMm.y(), (c & 4) == 0 ? minMm.z() : maxMm.z()));
            double[] a = { index.x(), index.y(), index.z() };
            for (int d = 0; d < 3; d++) {
                lo[d] = Math.min(lo[d], a[d]);
                hi[d] = Math.max(hi[d], a[d]);
            }
        }
        int[] size = { nx, ny, nz };
        int[] from = new int[3], count = new int[3];
        for (int d = 0; d < 3; d++) {
            int a = Math.max(0, (int) Math.floor(lo[d]) - marginVoxels);
            int b = Math.min(size[d], (int) Math.ceil(hi[d]) + 1 + marginVoxels);
            if (b - a < f) { // the box misses the image along this axis: keep one block at the nearer end
                a = Math.max(0, Math.min(size[d] - f, a));
                b = Math.min(size[d], a + f);
            }
            from[d] = a;
            count[d] = b - a;
        }
        return averaged(f, from[0], from[1], from[2], count[0], count[1], count[2]);
    }

    /** Block averages of the box of {@code ci × cj × ck} voxels from (i0, j0, k0); trailing part blocks are left out. */
    private PyramidLevel averaged(int f, int i0, int j0, int k0, int ci, int cj, int ck) {
        if (f < 1 || f > MAX_BLOCK) {
            throw new IllegalArgumentException("block size " + f + " (1.." + MAX_BLOCK + ")");
        }
        int ox = Math.max(1, ci / f), oy = Math.max(1, cj / f), oz = Math.max(1, ck / f);
        int fx = Math.min(f, ci), fy = Math.min(f, cj), fz = Math.min(f, ck);
        short[] out = new short[ox * oy * oz];
        // one thread: this pass over a whole image is among the first code to run, and two threads in code the JIT
        // is still profiling slow each other down (shared counters) more than they share the work
        int[] sum = new int[ox], real = new int[ox];
        for (int k = 0; k < oz; k++) {
            for (int j = 0; j < oy; j++) {
                if (fx == 2 && fy == 2 && fz == 2) {
                    halveRow(out, ox, i0, j0 + 2 * j, k0 + 2 * k, (k * oy + j) * ox);
                } else {
                    averageRow(out, sum, real, ox, fx, fy, fz, i0, j0 + j * fy, k0 + k * fz, (k * oy + j) * ox);
                }
            }
        }
        Vector3 origin = geometry.indexToPatient(i0 + (fx - 1) / 2.0, j0 + (fy - 1) / 2.0, k0 + (fz - 1) / 2.0);
        VolumeGeometry lg = new VolumeGeometry(ox, oy, oz, geometry.spacingXMm() * fx, geometry.spacingYMm() * fy,
                geometry.spacingZMm() * fz, origin, geometry.rowDirection(), geometry.columnDirection(),
                geometry.sliceDirection());
        return new PyramidLevel(out, slope, intercept, padding(), lg);
    }

    /**
     * One output row of block averages, from the fy × fz source rows starting at row j, slice k (sum and real are
     * scratch). The voxel loops are plain arithmetic (a padding voxel is counted, not tested; no calls), which keeps
     * them cheap before the JIT has compiled them and its code independent of whether an image has padding.
     */
    private void averageRow(short[] out, int[] sum, int[] real, int ox, int fx, int fy, int fz, int i0, int j, int k,
            int at) {
        short[] s = data;
        int p = padding;
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(real, 0);
        for (int c = 0; c < fz; c++) {
            for (int b = 0; b < fy; b++) {
                int row = ((k + c) * ny + j + b) * nx + i0;
                for (int o = 0; o < ox; o++) {
                    int t = 0, r = 0;
                    for (int a = 0; a < fx; a++, row++) {
                        int x = s[row];
                        t += x;
                        r += ((x - p) | (p - x)) >>> 31; // 1 unless x is the padding value
                    }
                    sum[o] += t;
                    real[o] += r;
                }
            }
        }
        int blockVoxels = fx * fy * fz;
        int nudge = p == Short.MAX_VALUE ? -1 : 1; // a complete block that rounds to the padding value moves off it
        for (int i = 0; i < ox; i++) {
            int mean = (int) Math.floorDiv(2L * sum[i] + blockVoxels, 2L * blockVoxels); // rounded half up
            mean += nudge * (1 - notEqual(mean, p));
            int complete = 1 - notEqual(real[i], blockVoxels);
            out[at + i] = (short) (p + complete * (mean - p)); // the padding value where a voxel is padding
        }
    }

    /**
     * {@link #averageRow} for 2 × 2 × 2 blocks (every level the registration builds): the eight voxels of a block in
     * one loop step, which keeps the first pass over an image cheap while the JIT is still profiling it.
     */
    private void halveRow(short[] out, int ox, int i0, int j, int k, int at) {
        short[] s = data;
        int p = padding, nudge = p == Short.MAX_VALUE ? -1 : 1;
        int r0 = (k * ny + j) * nx + i0, r1 = r0 + nx, r2 = r0 + nx * ny, r3 = r2 + nx;
        for (int o = 0; o < ox; o++, r0 += 2, r1 += 2, r2 += 2, r3 += 2) {
            int a = s[r0], b = s[r0 + 1], c = s[r1], d = s[r1 + 1], e = s[r2], f = s[r2 + 1], g = s[r3], h = s[r3 + 1];
            int real = (((a - p) | (p - a)) & ((b - p) | (p - b)) & ((c - p) | (p - c)) & ((d - p) | (p - d))
                    & ((e - p) | (p - e)) & ((f - p) | (p - f)) & ((g - p) | (p - g)) & ((h - p) | (p - h))) >>> 31;
            int mean = (a + b + c + d + e + f + g + h + 4) >> 3; // rounded half up
            mean += nudge * (1 - notEqual(mean, p));
            out[at + o] = (short) (p + real * (mean - p)); // the padding value where a voxel is padding
        }
    }

    /** 1 if a ≠ b, else 0, without a branch (|a − b| < 2³¹). */
    private static int notEqual(int a, int b) {
        return ((a - b) | (b - a)) >>> 31;
    }

    public VolumeGeometry geometry() {
        return geometry;
    }

    /** Row-major 3×4 affine: continuous voxel index = A p + b for a point p in patient mm. */
    public double[] toIndex() {
        return toIndex.clone();
    }

    /** The physical value of a voxel (for histogram ranges), NaN where it is padding. */
    public double valueAt(int linearIndex) {
        int x = data[linearIndex];
        return x == padding ? Double.NaN : x * slope + intercept;
    }

    public int voxelCount() {
        return data.length;
    }

    /** Physical value = stored × slope + intercept (e.g. HU). */
    double slope() {
        return slope;
    }

    /** See {@link #slope()}. */
    double intercept() {
        return intercept;
    }

    /** The stored value written outside the reconstructed field of view, or {@link #NO_PADDING}. */
    int padding() {
        return padding == NONE ? NO_PADDING : padding;
    }

    /** This level's voxels through a table indexed by stored value + 32768 (a new array, the level's layout). */
    byte[] mapped(byte[] table) {
        short[] s = data;
        byte[] out = new byte[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = table[s[i] + 32768];
        }
        return out;
    }

    /** Whether a voxel holds real data (not padding). */
    public boolean isReal(int linearIndex) {
        return data[linearIndex] != padding;
    }

    /** Trilinear physical value at a continuous voxel index, or NaN outside the grid or where it touches padding. */
    public double sample(double x, double y, double z) {
        if (!(x >= 0 && y >= 0 && z >= 0 && x <= nx - 1 && y <= ny - 1 && z <= nz - 1)) {
            return Double.NaN;
        }
        if (nx < 2 || ny < 2 || nz < 2) {
            return valueAt(0);
        }
        int i = Math.min((int) x, nx - 2), j = Math.min((int) y, ny - 2), k = Math.min((int) z, nz - 2);
        return trilinear((k * ny + j) * nx + i, x - i, y - j, z - k);
    }

    /**
     * Trilinear in the cell whose first corner is at o (fractions fx, fy, fz), rescaled; NaN if a corner is padding.
     * Apart from {@link #sample} so that both stay small enough for the JIT to inline into the metric's loop.
     */
    private double trilinear(int o, double fx, double fy, double fz) {
        short[] v = data;
        int sy = nx, sz = nx * ny, p = padding;
        int v000 = v[o], v100 = v[o + 1], v010 = v[o + sy], v110 = v[o + sy + 1];
        int v001 = v[o + sz], v101 = v[o + sz + 1], v011 = v[o + sz + sy], v111 = v[o + sz + sy + 1];
        if (v000 == p || v100 == p || v010 == p || v110 == p || v001 == p || v101 == p || v011 == p || v111 == p) {
            return Double.NaN;
        }
        double c00 = v000 + fx * (v100 - v000), c10 = v010 + fx * (v110 - v010);
        double c01 = v001 + fx * (v101 - v001), c11 = v011 + fx * (v111 - v011);
        double c0 = c00 + fy * (c10 - c00), c1 = c01 + fy * (c11 - c01);
        return (c0 + fz * (c1 - c0)) * slope + intercept;
    }

    /** Trilinear physical value at the point of the grid nearest to a continuous voxel index (NaN only at padding). */
    public double sampleNearest(double x, double y, double z) {
        return sample(Math.max(0, Math.min(nx - 1, x)), Math.max(0, Math.min(ny - 1, y)), Math.max(0, Math.min(nz - 1, z)));
    }
}
