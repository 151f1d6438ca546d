/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;

/**
 * Rasterizes a structure's axial contours onto a voxel grid: a voxel is set when its centre lies inside the
 * contours of the slice (slab) it falls in, by the even-odd rule (inner contours are holes) — the same rule the
 * slice views draw with, so 3D surfaces and 2D outlines agree. Grids must be axial (rows along ±x, columns along
 * ±y, patient LPS mm).
 */
public final class RoiMasks {

    private RoiMasks() {
    }

    public static BinaryMask rasterize(Roi roi, VolumeGeometry grid) {
        if (Math.abs(grid.rowDirection().x()) < 0.9999 || Math.abs(grid.columnDirection().y()) < 0.9999) {
            throw new IllegalArgumentException("structures can only be rasterized on axial grids, not " + grid);
        }
        RoiSlabs slabs = new RoiSlabs(roi, grid.spacingZMm());
        BinaryMask mask = new BinaryMask(grid);
        double[] crossings = new double[slabs.maxPointsPerSlab() + 2];
        for (int k = 0; k < grid.sizeZ(); k++) {
            Vector3 sliceOrigin = grid.indexToPatient(0, 0, k);
            int s = slabs.slabAt(sliceOrigin.z());
            if (s < 0) {
                continue;
            }
            for (int j = 0; j < grid.sizeY(); j++) {
                Vector3 rowStart = grid.indexToPatient(0, j, k);
                int n = slabs.crossings(s, true, rowStart.y(), crossings);
                double x0 = rowStart.x(), dx = grid.rowDirection().x() * grid.spacingXMm();
                for (int c = 0; c + 1 < n; c += 2) {
                    // voxel centres x0 + i dx inside [crossing c, crossing c+1)
                    double ia = (crossings[c] - x0) / dx, ib = (crossings[c + 1] - x0) / dx;
                    int from = (int) Math.ceil(Math.min(ia, ib) - 1e-9), to = (int) Math.floor(Math.max(ia, ib) + 1e-9);
                    for (int i = Math.max(0, from); i <= Math.min(grid.sizeX() - 1, to); i++) {
                        double x = x0 + i * dx;
                        if (x >= crossings[c] && x < crossings[c + 1]) {
                            mask.set(i, j, k, true);
                        }
                    }
                }
            }
        }
        return mask;
    }
}
