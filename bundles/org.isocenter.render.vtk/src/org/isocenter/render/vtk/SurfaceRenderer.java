/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render.vtk;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.BinaryMask;

/**
 * One-shot rendering of the surface of a binary mask (a structure), off-screen, into opaque ARGB pixels (row 0
 * at the top): a thin wrapper on {@link Scene3D} for callers that want a single picture. The mask is
 * x-fastest on an axis-aligned grid given by origin (centre of voxel 0) and spacing in patient LPS mm; the
 * camera looks from the patient's front (anterior, −y) with superior up, so the patient's right is on the
 * image's left. Call on one thread (see {@link Scene3D}); for interactive views keep a {@link Scene3D}.
 */
public final class SurfaceRenderer {

    /** Renders {@code mask} (non-zero = inside) in colour {@code rgb} (0–255) on black, {@code width × height}. */
    public int[] renderMask(byte[] mask, int nx, int ny, int nz, Vector3 spacingMm, Vector3 originMm, int[] rgb,
            int width, int height) {
        VolumeGeometry grid = VolumeGeometry.axial(nx, ny, nz, spacingMm.x(), spacingMm.y(), spacingMm.z(),
                originMm);
        if (mask.length != grid.voxelCount()) {
            throw new IllegalArgumentException("mask has " + mask.length + " voxels, grid needs " + grid.voxelCount());
        }
        BinaryMask binary = new BinaryMask(grid);
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    if (mask[grid.linearIndex(i, j, k)] != 0) {
                        binary.set(i, j, k, true);
                    }
                }
            }
        }
        try (Scene3D scene = new Scene3D(width, height)) {
            scene.setBackground(new int[] { 0, 0, 0 });
            scene.addSurface("mask", binary, rgb, 1.0);
            scene.resetCamera();
            return scene.render().clone();
        }
    }
}
