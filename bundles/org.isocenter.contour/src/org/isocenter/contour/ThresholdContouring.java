/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.contour.internal.IntStack;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;

/**
 * Auto-contouring helpers: the region of an image whose values (HU for CT) lie in a range, restricted to what
 * matters (the component connected to a seed point, the largest component, or all), optionally with holes filled
 * slice by slice (a BODY outline keeps the lungs inside). Outlines follow the range's iso-value between voxel
 * centres by linear interpolation, so on an image with partial-volume edges they sit where the edge is, not on
 * voxel boundaries. Contours lie on the image's slices (patient LPS mm); the image must be axial.
 */
public final class ThresholdContouring {

    /** Which connected parts (6-connected in 3D) of the in-range voxels are kept. */
    public enum Connectivity {
        /** Every in-range voxel. */
        ALL,
        /** The largest connected part (e.g. the body, when the range excludes air). */
        LARGEST,
        /** The part connected to the seed point (e.g. one lung, a bone). */
        FROM_SEED
    }

    /** Typical ranges (HU): BODY above -350, lungs -950..-400, bone above 200. */
    public static final double[] BODY_HU = { -350, 4000 }, LUNG_HU = { -950, -400 }, BONE_HU = { 200, 4000 };

    private ThresholdContouring() {
    }

    /**
     * Contours of the in-range region. {@code seedMm} (patient mm) is needed for {@link Connectivity#FROM_SEED}
     * and must lie on an in-range voxel.
     */
    public static List<Contour> contour(ImageVolume image, double lower, double upper, Connectivity connectivity,
            Vector3 seedMm, boolean fillHoles, ProgressMonitor monitor) {
        VolumeGeometry g = image.geometry();
        if (Math.abs(g.sliceDirection().z()) < 0.9999) {
            throw new IllegalArgumentException("threshold contouring needs an axial image, not " + g);
        }
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("empty range " + lower + " .. " + upper + " " + image.unit());
        }
        int nx = g.sizeX(), ny = g.sizeY(), nz = g.sizeZ();
        monitor.begin("Threshold " + lower + " .. " + upper + " " + image.unit(), nz + 2);
        short[] stored = image.storedValues();
        double slope = image.rescaleSlope(), intercept = image.rescaleIntercept();
        byte[] in = new byte[stored.length];
        for (int v = 0; v < stored.length; v++) {
            double value = stored[v] * slope + intercept;
            in[v] = (byte) (value >= lower && value <= upper ? 1 : 0);
        }
        monitor.worked(1);
        if (connectivity == Connectivity.FROM_SEED) {
            if (seedMm == null) {
                throw new IllegalArgumentException("a seed point is needed to grow a region");
            }
            Vector3 idx = g.patientToIndex(seedMm);
            int i = (int) Math.round(idx.x()), j = (int) Math.round(idx.y()), k = (int) Math.round(idx.z());
            if (!g.contains(i, j, k)) {
                throw new IllegalArgumentException("the seed " + seedMm + " mm lies outside the image");
            }
            double seedValue = image.valueAt(i, j, k);
            if (in[g.linearIndex(i, j, k)] == 0) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "the seed lies on %.0f %s, outside the range %.0f .. %.0f", seedValue, image.unit(), lower, upper));
            }
            keepComponentOf(in, g, g.linearIndex(i, j, k));
        } else if (connectivity == Connectivity.LARGEST) {
            int largest = largestComponentVoxel(in, g);
            if (largest >= 0) {
                keepComponentOf(in, g, largest);
            }
        }
        monitor.worked(1);
        List<Contour> out = new ArrayList<>();
        for (int k = 0; k < nz; k++) {
            monitor.checkCancelled();
            byte[] slice = new byte[nx * ny];
            System.arraycopy(in, k * nx * ny, slice, 0, nx * ny);
            if (fillHoles) {
                fillHoles(slice, nx, ny);
            }
            float[] f = new float[nx * ny];
            boolean any = false;
            for (int p = 0; p < f.length; p++) {
                double value = stored[k * nx * ny + p] * slope + intercept;
                double margin = Math.min(value - lower, upper - value); // > 0 in range
                if (slice[p] == 1) {
                    any = true;
                    f[p] = (float) -Math.max(margin, 0.5); // filled holes and kept voxels are inside
                } else {
                    f[p] = (float) Math.max(-margin, 0.5); // out of range, or in range but not kept
                }
            }
            if (any) {
                out.addAll(MaskConversion.trace(f, g, k));
            }
            monitor.worked(1);
        }
        return out;
    }

    /** Clears every voxel not 6-connected to {@code start}. */
    private static void keepComponentOf(byte[] in, VolumeGeometry g, int start) {
        byte[] keep = new byte[in.length];
        flood(in, g, start, keep);
        System.arraycopy(keep, 0, in, 0, in.length);
    }

    /** A voxel of the largest 6-connected component, or -1 when nothing is in range. */
    private static int largestComponentVoxel(byte[] in, VolumeGeometry g) {
        byte[] seen = new byte[in.length];
        int best = -1;
        long bestSize = 0;
        for (int v = 0; v < in.length; v++) {
            if (in[v] == 1 && seen[v] == 0) {
                long size = flood(in, g, v, seen);
                if (size > bestSize) {
                    bestSize = size;
                    best = v;
                }
            }
        }
        return best;
    }

    /** Marks in {@code mark} the component of {@code start}; returns its size. */
    private static long flood(byte[] in, VolumeGeometry g, int start, byte[] mark) {
        int nx = g.sizeX(), ny = g.sizeY(), nz = g.sizeZ(), nxy = nx * ny;
        IntStack stack = new IntStack();
        stack.push(start);
        mark[start] = 1;
        long size = 0;
        while (!stack.isEmpty()) {
            int v = stack.pop();
            size++;
            int i = v % nx, j = (v / nx) % ny, k = v / nxy;
            int[] next = { i > 0 ? v - 1 : -1, i < nx - 1 ? v + 1 : -1, j > 0 ? v - nx : -1, j < ny - 1 ? v + nx : -1,
                    k > 0 ? v - nxy : -1, k < nz - 1 ? v + nxy : -1 };
            for (int n : next) {
                if (n >= 0 && in[n] == 1 && mark[n] == 0) {
                    mark[n] = 1;
                    stack.push(n);
                }
            }
        }
        return size;
    }

    /** Sets every voxel of the slice that the outside (the border) cannot reach through unset voxels. */
    private static void fillHoles(byte[] slice, int nx, int ny) {
        byte[] outside = new byte[slice.length];
        IntStack stack = new IntStack();
        for (int v = 0; v < slice.length; v++) {
            int i = v % nx, j = v / nx;
            boolean border = i == 0 || j == 0 || i == nx - 1 || j == ny - 1;
            if (border && slice[v] == 0) {
                outside[v] = 1;
                stack.push(v);
            }
        }
        while (!stack.isEmpty()) {
            int v = stack.pop();
            int i = v % nx, j = v / nx;
            int[] next = { i > 0 ? v - 1 : -1, i < nx - 1 ? v + 1 : -1, j > 0 ? v - nx : -1, j < ny - 1 ? v + nx : -1 };
            for (int n : next) {
                if (n >= 0 && slice[n] == 0 && outside[n] == 0) {
                    outside[n] = 1;
                    stack.push(n);
                }
            }
        }
        for (int v = 0; v < slice.length; v++) {
            if (outside[v] == 0) {
                slice[v] = 1;
            }
        }
    }
}
