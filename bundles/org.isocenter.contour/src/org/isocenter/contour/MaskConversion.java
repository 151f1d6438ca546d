/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.contour.internal.MarchingSquares;
import org.isocenter.contour.internal.PlaneGrid;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.RoiSlabs;

/**
 * Contours ↔ voxels on an axial image grid (patient LPS mm). Contours to voxels: the fraction of each voxel's
 * in-plane area inside the structure (partial volume, from {@code n x n} sub-samples per voxel on the slab that
 * holds the voxel centre). Voxels to contours: the 50% level of a coverage map, or the boundary of a binary mask,
 * traced per slice by marching squares into closed polygons that do not cross each other.
 */
public final class MaskConversion {

    private MaskConversion() {
    }

    /** Coverage in [0, 1] per voxel, x fastest, with {@code n x n} sub-samples per voxel (n ≥ 1). */
    public static float[] coverage(RoiSlabs structure, VolumeGeometry grid, int n) {
        requireAxial(grid);
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("sub-samples per voxel side must be 1..64, not " + n);
        }
        int nx = grid.sizeX(), ny = grid.sizeY();
        float[] cover = new float[grid.voxelCount()];
        double[] crossings = new double[structure.maxPointsPerSlab() + 2];
        float weight = 1f / (n * n);
        double dx = grid.rowDirection().x() * grid.spacingXMm(), dy = grid.columnDirection().y() * grid.spacingYMm();
        for (int k = 0; k < grid.sizeZ(); k++) {
            int s = structure.slabAt(grid.indexToPatient(0, 0, k).z());
            if (s < 0) {
                continue;
            }
            for (int j = 0; j < ny; j++) {
                for (int b = 0; b < n; b++) {
                    double fj = j - 0.5 + (b + 0.5) / n;
                    Vector3 rowStart = grid.indexToPatient(0, fj, k);
                    int nc = structure.crossings(s, true, rowStart.y(), crossings);
                    for (int c = 0; c + 1 < nc; c += 2) {
                        // sub-sample columns u (voxel index i = round(u)) whose x lies in [crossing c, crossing c + 1)
                        double ua = (crossings[c] - rowStart.x()) / dx, ub = (crossings[c + 1] - rowStart.x()) / dx;
                        double lo = Math.min(ua, ub), hi = Math.max(ua, ub);
                        int first = (int) Math.ceil((lo + 0.5) * n - 0.5 - 1e-9), last = (int) Math.floor((hi + 0.5) * n - 0.5 + 1e-9);
                        first = Math.max(first, 0);
                        last = Math.min(last, nx * n - 1);
                        for (int q = first; q <= last; q++) {
                            double u = (q + 0.5) / n - 0.5;
                            double x = rowStart.x() + u * dx;
                            if (x >= Math.min(crossings[c], crossings[c + 1]) && x < Math.max(crossings[c], crossings[c + 1])) {
                                cover[grid.linearIndex(q / n, j, k)] += weight;
                            }
                        }
                    }
                }
            }
        }
        return cover;
    }

    /** The voxels whose centre lies inside the structure (slab convention, even-odd rule). */
    public static BinaryMask mask(RoiSlabs structure, VolumeGeometry grid) {
        float[] centre = coverage(structure, grid, 1);
        BinaryMask m = new BinaryMask(grid);
        for (int k = 0; k < grid.sizeZ(); k++) {
            for (int j = 0; j < grid.sizeY(); j++) {
                for (int i = 0; i < grid.sizeX(); i++) {
                    if (centre[grid.linearIndex(i, j, k)] > 0.5f) {
                        m.set(i, j, k, true);
                    }
                }
            }
        }
        return m;
    }

    /** Closed contours along the 50% level of a coverage map (sub-voxel: the level is interpolated). */
    public static List<Contour> outlines(float[] coverage, VolumeGeometry grid) {
        requireAxial(grid);
        if (coverage.length != grid.voxelCount()) {
            throw new IllegalArgumentException("coverage has " + coverage.length + " values for " + grid.voxelCount() + " voxels");
        }
        int nxy = grid.sizeX() * grid.sizeY();
        List<Contour> out = new ArrayList<>();
        for (int k = 0; k < grid.sizeZ(); k++) {
            float[] f = new float[nxy];
            boolean any = false;
            for (int p = 0; p < nxy; p++) {
                f[p] = 0.5f - coverage[k * nxy + p];
                any |= f[p] <= 0;
            }
            if (any) {
                out.addAll(trace(f, grid, k));
            }
        }
        return out;
    }

    /** Closed contours around the set voxels of a mask, half way between set and unset voxel centres. */
    public static List<Contour> outlines(BinaryMask mask) {
        VolumeGeometry grid = mask.geometry();
        float[] coverage = new float[grid.voxelCount()];
        for (int k = 0; k < grid.sizeZ(); k++) {
            for (int j = 0; j < grid.sizeY(); j++) {
                for (int i = 0; i < grid.sizeX(); i++) {
                    coverage[grid.linearIndex(i, j, k)] = mask.get(i, j, k) ? 1 : 0;
                }
            }
        }
        return outlines(coverage, grid);
    }

    /** Closed contours on slice k where the per-slice field f (voxel grid, x fastest) is ≤ 0. */
    static List<Contour> trace(float[] f, VolumeGeometry grid, int k) {
        List<Contour> out = new ArrayList<>();
        for (double[][] poly : MarchingSquares.outline(f, new PlaneGrid(0, 0, 1, grid.sizeX(), grid.sizeY()))) {
            List<Vector3> pts = new ArrayList<>(poly[0].length);
            for (int q = 0; q < poly[0].length; q++) {
                pts.add(grid.indexToPatient(poly[0][q], poly[1][q], k));
            }
            out.add(new Contour(ContourGeometry.CLOSED_PLANAR, pts));
        }
        return out;
    }

    private static void requireAxial(VolumeGeometry grid) {
        if (Math.abs(grid.rowDirection().x()) < 0.9999 || Math.abs(grid.columnDirection().y()) < 0.9999) {
            throw new IllegalArgumentException("contours and voxels are converted on axial grids only, not " + grid);
        }
    }
}
