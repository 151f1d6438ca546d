/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render.vtk.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.render.vtk.SurfaceRenderer;
import org.junit.jupiter.api.Test;

/** VTK's JNI libraries load inside OSGi and render a structure surface off-screen (under Xvfb in CI). */
class SurfaceRendererTest {

    @Test
    void sphereMaskRendersAsARoundRedDiscCentredOnBlack() {
        int n = 40;
        byte[] mask = new byte[n * n * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double dx = i - 19.5, dy = j - 19.5, dz = k - 19.5;
                    mask[(k * n + j) * n + i] = (byte) (dx * dx + dy * dy + dz * dz <= 15 * 15 ? 1 : 0);
                }
            }
        }
        int size = 200;
        int[] argb = new SurfaceRenderer().renderMask(mask, n, n, n, new Vector3(1, 1, 1), Vector3.ZERO,
                new int[] { 255, 0, 0 }, size, size);
        assertEquals(size * size, argb.length);
        assertEquals(0xFF000000, argb[0], "corner is background");
        int centre = argb[size / 2 * size + size / 2];
        assertTrue((centre >> 16 & 0xFF) > 100 && (centre & 0xFF) < 60, "centre is lit red: " + Integer.toHexString(centre));
        // the disc is round: its horizontal and vertical extents agree within 3 pixels
        int left = size, right = -1, top = size, bottom = -1;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if ((argb[y * size + x] & 0xFFFFFF) != 0) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        assertEquals(right - left, bottom - top, 3.0, "disc width vs height");
        assertTrue(right - left > size / 3, "the surface fills the view after ResetCamera");
    }
}
