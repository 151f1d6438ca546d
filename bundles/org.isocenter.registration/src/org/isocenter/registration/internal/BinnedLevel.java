/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration.internal;

/**
 * A pyramid level of the daily image as the mutual information's histogram sees it: each voxel's position on the
 * moving histogram's bin axis (bins 0 .. {@code bins − 1}, continuous, dimensionless) in steps of 1/{@link #STEPS}
 * bin, one byte per voxel, on the level's grid (addressed by continuous voxel index, as {@link PyramidLevel}). Half the
 * bytes of the 16-bit level, so more of the image stays in the processor's cache while a metric samples it: a
 * trilinear lookup in a 270×270×180 CBCT spends most of its time waiting on memory. Rounding moves a voxel's bin
 * position by at most 1/(2·STEPS) bin; positions outside the bin axis are clamped to its ends before the
 * interpolation (the histogram clamps after it). Padding voxels (no data) stay padding.
 */
public final class BinnedLevel {

    /** Steps per bin. */
    public static final int STEPS = 8;
    /** The byte of a padding voxel (no data): above every bin position. */
    private static final int PADDED = 255;

    private final byte[] data;
    private final int nx, ny, nz;

    /**
     * @param level the daily image at one pyramid level
     * @param min the physical value at bin position 0
     * @param scale bin positions per physical unit
     * @param bins the histogram's bins (at most 255 / STEPS + 1)
     */
    public BinnedLevel(PyramidLevel level, double min, double scale, int bins) {
        int top = (bins - 1) * STEPS;
        if (top >= PADDED) {
            throw new IllegalArgumentException(bins + " bins do not fit a byte in steps of 1/" + STEPS);
        }
        this.data = level.mapped(table(level, min, scale, top));
        var g = level.geometry();
        this.nx = g.sizeX();
        this.ny = g.sizeY();
        this.nz = g.sizeZ();
    }

    /**
     * Each stored value's byte (index: stored value + 32768): its bin position in steps, rounded half up and clamped
     * to 0 .. top; {@link #PADDED} for the padding value. The positions are a line in the stored value, so only the
     * part between the two clamped ends is computed entry by entry: this runs interpreted, and all 65,536 entries took
     * 8 ms of a command.
     */
    private static byte[] table(PyramidLevel level, double min, double scale, int top) {
        double a = level.slope() * scale * STEPS, b = (level.intercept() - min) * scale * STEPS;
        byte[] table = new byte[65536];
        int from = 0, to = table.length; // where the positions are computed; the ends are filled
        if (a > 0) { // below from: 0, from to on: top (one entry of margin each side for rounding)
            from = (int) Math.max(0, Math.min(table.length, Math.floor((0.5 - b) / a) + 32768 - 1));
            to = (int) Math.max(from, Math.min(table.length, Math.ceil((top - 0.5 - b) / a) + 32768 + 1));
            java.util.Arrays.fill(table, to, table.length, (byte) top);
        }
        for (int i = from; i < to; i++) {
            double p = a * (i - 32768) + b;
            table[i] = (byte) (p < 0.5 ? 0 : p >= top - 0.5 ? top : (int) (p + 0.5));
        }
        int padding = level.padding();
        if (padding >= Short.MIN_VALUE && padding <= Short.MAX_VALUE) { // not NO_PADDING
            table[padding + 32768] = (byte) PADDED;
        }
        return table;
    }

    /** The bin position (0 .. bins − 1) at a continuous voxel index, trilinear; NaN outside the grid or at padding. */
    public double binAt(double x, double y, double z) {
        if (!(x >= 0 && y >= 0 && z >= 0 && x <= nx - 1 && y <= ny - 1 && z <= nz - 1)) {
            return Double.NaN;
        }
        if (nx < 2 || ny < 2 || nz < 2) {
            int q = data[0] & 0xFF;
            return q == PADDED ? Double.NaN : q / (double) STEPS;
        }
        int i = Math.min((int) x, nx - 2), j = Math.min((int) y, ny - 2), k = Math.min((int) z, nz - 2);
        return trilinear((k * ny + j) * nx + i, x - i, y - j, z - k);
    }

    /** Trilinear in the cell whose first corner is at o; NaN if a corner is padding (kept small for inlining). */
    private double trilinear(int o, double fx, double fy, double fz) {
        byte[] v = data;
        int sy = nx, sz = nx * ny;
        int v000 = v[o] & 0xFF, v100 = v[o + 1] & 0xFF, v010 = v[o + sy] & 0xFF, v110 = v[o + sy + 1] & 0xFF;
        int v001 = v[o + sz] & 0xFF, v101 = v[o + sz + 1] & 0xFF, v011 = v[o + sz + sy] & 0xFF;
        int v111 = v[o + sz + sy + 1] & 0xFF;
        if (v000 == PADDED || v100 == PADDED || v010 == PADDED || v110 == PADDED || v001 == PADDED || v101 == PADDED
                || v011 == PADDED || v111 == PADDED) {
            return Double.NaN;
        }
        double c00 = v000 + fx * (v100 - v000), c10 = v010 + fx * (v110 - v010);
        double c01 = v001 + fx * (v101 - v001), c11 = v011 + fx * (v111 - v011);
        double c0 = c00 + fy * (c10 - c00), c1 = c01 + fy * (c11 - c01);
        return (c0 + fz * (c1 - c0)) * (1.0 / STEPS);
    }
}
