/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.render.MprNavigator;
import org.isocenter.render.OrientationLabels;
import org.isocenter.render.ScaleBar;
import org.isocenter.render.SlicePlane;
import org.isocenter.render.SliceViewport;
import org.isocenter.render.WindowLevel;
import org.junit.jupiter.api.Test;

/** Linked navigation, orientation labels, scale bar and window/level arithmetic. */
class NavigationTest {

    @Test
    void labelsFollowRadiologicalConvention() {
        assertEquals(new OrientationLabels("R", "L", "A", "P"), OrientationLabels.of(SlicePlane.AXIAL));
        assertEquals(new OrientationLabels("R", "L", "S", "I"), OrientationLabels.of(SlicePlane.CORONAL));
        assertEquals(new OrientationLabels("A", "P", "S", "I"), OrientationLabels.of(SlicePlane.SAGITTAL));
        assertEquals("LA", OrientationLabels.letters(new Vector3(0.8, -0.5, 0.1)));
    }

    @Test
    void scaleBarIsARoundLengthThatFits() {
        ScaleBar bar = ScaleBar.fitting(0.9, 100); // 90 mm available
        assertEquals(50, bar.lengthMm(), 1e-9);
        assertEquals(56, bar.lengthPx());
        assertEquals("5 cm", bar.label());
        assertEquals("2 mm", ScaleBar.fitting(0.05, 50).label());
    }

    @Test
    void windowLevelClampsAndAdjusts() {
        WindowLevel w = WindowLevel.SOFT_TISSUE;
        assertEquals(0, w.grey(-160));
        assertEquals(255, w.grey(240));
        assertEquals(128, w.grey(40));
        assertEquals(1, w.adjusted(0, -1000).width(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new WindowLevel("bad", 0, 0));
    }

    @Test
    void linkedViewsShareTheCrosshairAndScrollByWholeVoxels() {
        var grid = Phantoms.ffsGrid(); // slices run towards the feet
        MprNavigator nav = new MprNavigator(grid, new Vector3(0.2, 0.1, 0.4), Vector3.ZERO, 1);
        assertEquals(new Vector3(0.5, 0.5, 0.5), nav.crosshairMm(), "snapped to a voxel centre");
        nav.scroll(SlicePlane.AXIAL, 3); // three slices superior (+z), whatever the grid's slice order
        assertEquals(3.5, nav.crosshairMm().z(), 1e-9);
        assertEquals(3.5, nav.viewport(SlicePlane.AXIAL, 100, 100).slicePositionMm(), 1e-9);
        int[] index = nav.sliceIndexAndCount(SlicePlane.AXIAL);
        assertArrayEquals(new int[] { 28, 64 }, index, "FFS grid: z = 3.5 mm is slice 28 counted from the head end");
        nav.scroll(SlicePlane.AXIAL, 1000);
        assertEquals(31.5, nav.crosshairMm().z(), 1e-9, "clamped to the last slice");
        SliceViewport coronal = nav.viewport(SlicePlane.CORONAL, 100, 100);
        nav.click(coronal, 70.2, 40.1); // 20.2 mm right of centre (patient left), 9.9 mm above
        assertEquals(new Vector3(20.5, 0.5, 9.5), nav.crosshairMm());
        assertEquals(20.5, nav.viewport(SlicePlane.SAGITTAL, 100, 100).slicePositionMm(), 1e-9, "sagittal follows");
        assertEquals(9.5, nav.viewport(SlicePlane.AXIAL, 100, 100).slicePositionMm(), 1e-9, "axial follows");
        nav.pan(SlicePlane.AXIAL, 10, -5);
        assertEquals(new Vector3(-10, 5, 0), nav.panCentreMm());
        nav.zoom(2);
        assertEquals(0.5, nav.mmPerPixel(), 1e-12);
    }
}
