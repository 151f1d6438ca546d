/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.render.RoiMasks;
import org.junit.jupiter.api.Test;

/** Contours rasterized onto grids give the analytic volume, on normal and flipped grids alike. */
class RoiMasksTest {

    /** A sphere of radius 20 mm contoured on 1 mm slices as 180-gons. */
    private static Roi sphere() {
        List<Contour> contours = new ArrayList<>();
        for (double z = -19.5; z <= 19.5; z += 1) {
            double r = Math.sqrt(400 - z * z);
            List<Vector3> pts = new ArrayList<>();
            for (int a = 0; a < 180; a++) {
                double t = 2 * Math.PI * a / 180;
                pts.add(new Vector3(r * Math.cos(t), r * Math.sin(t), z));
            }
            contours.add(new Contour(ContourGeometry.CLOSED_PLANAR, pts));
        }
        return new Roi(1, "SPHERE", new int[] { 255, 0, 0 }, "ORGAN", contours);
    }

    @Test
    void sphereContoursRasterizeToTheSphereVolumeOnAnyAxialGrid() {
        double exactCc = 4.0 / 3 * Math.PI * 20 * 20 * 20 / 1000; // 33.51 cc
        BinaryMask hfs = RoiMasks.rasterize(sphere(), Phantoms.hfsGrid());
        assertEquals(exactCc, hfs.volumeCc(), exactCc * 0.02);
        BinaryMask ffs = RoiMasks.rasterize(sphere(), Phantoms.ffsGrid());
        assertEquals(hfs.voxelCount(), ffs.voxelCount(), "flipped grid, same patient voxels");
        assertTrue(ffs.centroidMm().norm() < 0.5, "centroid at the sphere centre: " + ffs.centroidMm());
        assertTrue(hfs.get(32, 32, 32));
        assertFalse(hfs.get(0, 0, 0));
    }

    @Test
    void obliqueGridsAreRefused() {
        VolumeGeometry tilted = new VolumeGeometry(8, 8, 8, 1, 1, 1, Vector3.ZERO, new Vector3(0.8, 0.6, 0),
                new Vector3(-0.6, 0.8, 0), new Vector3(0, 0, 1));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RoiMasks.rasterize(sphere(), tilted));
        assertTrue(e.getMessage().contains("axial"), e.getMessage());
    }
}
