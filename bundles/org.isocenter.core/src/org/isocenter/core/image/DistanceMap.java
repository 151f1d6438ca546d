/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.image;

import org.isocenter.core.geometry.VolumeGeometry;

/**
 * Exact Euclidean distance transform of a voxel mask on its grid (squared distances in mm² between voxel centres,
 * anisotropic spacing; a one-slice grid gives the in-plane transform), by the
 * separable lower-envelope-of-parabolas method of Felzenszwalb and Huttenlocher (Theory of Computing 2012).
 */
public final class DistanceMap {

    private DistanceMap() {
    }

    /** The voxels whose centre lies within {@code marginMm} of a set voxel's centre (same grid). */
    public static BinaryMask dilate(BinaryMask mask, double marginMm) {
        double[] d2 = squaredDistances(mask);
        VolumeGeometry g = mask.geometry();
        BinaryMask out = new BinaryMask(g);
        double limit = marginMm * marginMm + 1e-9;
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    if (d2[g.linearIndex(i, j, k)] <= limit) {
                        out.set(i, j, k, true);
                    }
                }
            }
        }
        return out;
    }

    /** Squared distance (mm²) from every voxel centre to the nearest set voxel centre; infinite when none is set. */
    public static double[] squaredDistances(BinaryMask mask) {
        VolumeGeometry g = mask.geometry();
        int nx = g.sizeX(), ny = g.sizeY(), nz = g.sizeZ();
        double[] d = new double[nx * ny * nz];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    d[(k * ny + j) * nx + i] = mask.get(i, j, k) ? 0 : Double.POSITIVE_INFINITY;
                }
            }
        }
        transform(d, nx, ny, nz, g.spacingXMm(), g.spacingYMm(), g.spacingZMm());
        return d;
    }

    /**
     * As {@link #squaredDistances(BinaryMask)} for a mask given as an array in grid order ({@code i + nx (j + ny k)})
     * with spacings in mm: the same transform without building a {@link BinaryMask} (per-slice work in loops).
     */
    public static double[] squaredDistances(boolean[] set, int nx, int ny, int nz, double sxMm, double syMm,
            double szMm) {
        double[] d = new double[nx * ny * nz];
        for (int p = 0; p < d.length; p++) {
            d[p] = set[p] ? 0 : Double.POSITIVE_INFINITY;
        }
        transform(d, nx, ny, nz, sxMm, syMm, szMm);
        return d;
    }

    private static void transform(double[] d, int nx, int ny, int nz, double sx, double sy, double sz) {
        int longest = Math.max(nx, Math.max(ny, nz));
        double[] f = new double[longest], out = new double[longest], z = new double[longest + 1];
        int[] v = new int[longest];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                pass(d, (k * ny + j) * nx, 1, nx, sx, f, out, v, z);
            }
        }
        for (int k = 0; k < nz; k++) {
            for (int i = 0; i < nx; i++) {
                pass(d, k * ny * nx + i, nx, ny, sy, f, out, v, z);
            }
        }
        if (nz > 1) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    pass(d, j * nx + i, nx * ny, nz, sz, f, out, v, z);
                }
            }
        }
    }

    /** One 1-D pass along a line of {@code n} voxels of spacing {@code h} mm, in place. */
    private static void pass(double[] d, int start, int stride, int n, double h, double[] f, double[] out, int[] v,
            double[] z) {
        boolean any = false;
        for (int q = 0; q < n; q++) {
            f[q] = d[start + q * stride];
            any |= f[q] != Double.POSITIVE_INFINITY;
        }
        if (!any) {
            return;
        }
        double h2 = h * h;
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] == Double.POSITIVE_INFINITY) {
                continue;
            }
            if (k < 0) {
                k = 0;
                v[0] = q;
                z[0] = Double.NEGATIVE_INFINITY;
                z[1] = Double.POSITIVE_INFINITY;
                continue;
            }
            double s;
            while (true) {
                int p = v[k];
                // intersection of the parabolas rooted at p and q, in voxel units
                s = ((f[q] + h2 * q * q) - (f[p] + h2 * p * p)) / (2 * h2 * (q - p));
                if (s <= z[k] && k > 0) {
                    k--;
                } else {
                    break;
                }
            }
            if (s <= z[k]) { // k == 0 and the new parabola dominates everywhere
                v[0] = q;
                z[0] = Double.NEGATIVE_INFINITY;
                z[1] = Double.POSITIVE_INFINITY;
                continue;
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        int r = 0;
        for (int q = 0; q < n; q++) {
            while (z[r + 1] < q) {
                r++;
            }
            double dq = (q - v[r]) * h;
            out[q] = dq * dq + f[v[r]];
        }
        for (int q = 0; q < n; q++) {
            d[start + q * stride] = out[q];
        }
    }
}
