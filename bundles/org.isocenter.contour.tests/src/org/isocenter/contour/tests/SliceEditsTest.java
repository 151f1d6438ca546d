/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.isocenter.contour.SliceEdits;
import org.isocenter.contour.StructureStatistics;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;
import org.junit.jupiter.api.Test;

/**
 * Hand edits of one plane against closed-form areas: a brush dot is a disc (πr²), a straight stroke a stadium
 * (2rL + πr²), erasing across a disc splits it, a ring painted around a point leaves a hole, a self-crossing
 * freehand outline is repaired, and edits never touch other planes.
 */
class SliceEditsTest {

    private static final double Z = 10, OTHER_Z = 12.5;

    private static Roi empty() {
        return new Roi(7, "Edit", new int[] { 255, 0, 0 }, "ORGAN", List.of());
    }

    private static Roi withOtherPlane() {
        return new Roi(7, "Edit", new int[] { 255, 0, 0 }, "ORGAN", List.of(square(0, 0, 10, OTHER_Z)));
    }

    private static Contour square(double cx, double cy, double half, double z) {
        return new Contour(ContourGeometry.CLOSED_PLANAR, List.of(new Vector3(cx - half, cy - half, z),
                new Vector3(cx + half, cy - half, z), new Vector3(cx + half, cy + half, z), new Vector3(cx - half, cy + half, z)));
    }

    @Test
    void aBrushDotIsADiscOfTheBrushRadius() {
        Roi r = SliceEdits.paint(empty(), Z, new double[] { 3 }, new double[] { -4 }, 5);
        assertEquals(Math.PI * 25, SliceEdits.areaMm2(r, Z), Math.PI * 25 * 0.002);
        assertEquals(1, r.contours().size());
        assertTrue(r.contours().get(0).pointsMm().stream().allMatch(p -> p.z() == Z), "the contour lies on the plane");
        assertEquals(7, r.number());
        assertEquals("Edit", r.name());
        assertEquals("ORGAN", r.interpretedType());
    }

    @Test
    void aStraightStrokeIsAStadiumAndTheOtherPlaneStays() {
        Roi before = withOtherPlane();
        Roi r = SliceEdits.paint(before, Z, new double[] { 0, 10, 20 }, new double[] { 0, 0, 0 }, 4);
        assertEquals(2 * 4 * 20 + Math.PI * 16, SliceEdits.areaMm2(r, Z), (Math.PI * 16) * 0.003);
        assertEquals(400, SliceEdits.areaMm2(r, OTHER_Z), 1e-9);
        assertSame(before.contours().get(0), r.contours().get(0), "the other plane's contour is kept as it was");
    }

    @Test
    void paintingOverlappingDotsUnitesThemAndTheVolumeFollows() {
        Roi r = SliceEdits.paint(empty(), Z, new double[] { 0 }, new double[] { 0 }, 5);
        r = SliceEdits.paint(r, Z, new double[] { 5 }, new double[] { 0 }, 5);
        assertEquals(1, r.contours().size(), "one outline, not two overlapping ones");
        // two discs of radius 5 with centres 5 apart: 2πr² minus the lens 2r²acos(d/2r) - (d/2)√(4r²-d²)
        double lens = 2 * 25 * Math.acos(0.5) - 2.5 * Math.sqrt(100 - 25);
        double area = 2 * Math.PI * 25 - lens;
        assertEquals(area, SliceEdits.areaMm2(r, Z), area * 0.003);
        StructureStatistics s = StructureStatistics.of(new RoiSlabs(r, 2.5));
        assertEquals(area * 2.5 / 1000, s.volumeCc(), area * 2.5 / 1000 * 0.003, "one 2.5 mm slab");
    }

    @Test
    void erasingAcrossASquareSplitsItInTwo() {
        Roi r = SliceEdits.addOutline(empty(), Z, new double[] { -10, 10, 10, -10 }, new double[] { -10, -10, 10, 10 });
        assertEquals(400, SliceEdits.areaMm2(r, Z), 1e-9);
        r = SliceEdits.erase(r, Z, new double[] { 0, 0 }, new double[] { -20, 20 }, 2);
        assertEquals(2, r.contours().size());
        assertEquals(400 - 4 * 20, SliceEdits.areaMm2(r, Z), 1e-6);
    }

    @Test
    void aRingAroundAPointLeavesAHoleThatTheVolumeRespects() {
        Roi r = SliceEdits.addOutline(empty(), Z, new double[] { -10, 10, 10, -10 }, new double[] { -10, -10, 10, 10 });
        r = SliceEdits.removeOutline(r, Z, new double[] { -3, 3, 3, -3 }, new double[] { -3, -3, 3, 3 });
        assertEquals(2, r.contours().size(), "outer boundary and hole");
        assertEquals(400 - 36, SliceEdits.areaMm2(r, Z), 1e-9);
        assertEquals((400 - 36) * 2.5 / 1000, StructureStatistics.of(new RoiSlabs(r, 2.5)).volumeCc(), 1e-9);
        // painting into the hole closes it again
        r = SliceEdits.paint(r, Z, new double[] { -3, 3 }, new double[] { 0, 0 }, 4);
        assertEquals(1, r.contours().size());
        assertEquals(400, SliceEdits.areaMm2(r, Z), 1e-6);
    }

    @Test
    void aSelfCrossingFreehandOutlineIsRepairedNotRefused() {
        // a figure eight: two triangles of 50 mm² each meeting at the origin
        Roi r = SliceEdits.addOutline(empty(), Z, new double[] { -10, 10, 10, -10 }, new double[] { -5, 5, -5, 5 });
        assertEquals(100, SliceEdits.areaMm2(r, Z), 1e-6);
        assertTrue(r.contours().stream().allMatch(c -> c.pointsMm().size() >= 3));
    }

    @Test
    void moveShiftsOnlyThePlanesContours() {
        Roi r = SliceEdits.addOutline(withOtherPlane(), Z, new double[] { 0, 4, 4, 0 }, new double[] { 0, 0, 4, 4 });
        Roi moved = SliceEdits.move(r, Z, 2.5, -1);
        var slabs = new RoiSlabs(moved, 2.5);
        int s = slabs.slabAt(Z);
        assertTrue(slabs.contains(s, 4.4, 2.9) && !slabs.contains(s, 1, 1), "the square now spans 2.5..6.5, -1..3");
        assertEquals(16, SliceEdits.areaMm2(moved, Z), 1e-9);
        assertEquals(400, SliceEdits.areaMm2(moved, OTHER_Z), 1e-9);
        assertEquals(r.contours().stream().filter(c -> c.pointsMm().get(0).z() == OTHER_Z).toList(),
                moved.contours().stream().filter(c -> c.pointsMm().get(0).z() == OTHER_Z).toList());
    }

    @Test
    void erasingEverythingOrClearingLeavesThePlaneEmpty() {
        Roi r = SliceEdits.paint(withOtherPlane(), Z, new double[] { 0 }, new double[] { 0 }, 3);
        assertTrue(SliceEdits.hasPlane(r, Z));
        Roi erased = SliceEdits.erase(r, Z, new double[] { 0 }, new double[] { 0 }, 10);
        assertFalse(SliceEdits.hasPlane(erased, Z));
        assertEquals(1, erased.contours().size());
        Roi cleared = SliceEdits.clearPlane(r, Z);
        assertFalse(SliceEdits.hasPlane(cleared, Z));
        assertEquals(0, SliceEdits.areaMm2(cleared, Z), 0);
        assertTrue(SliceEdits.hasPlane(cleared, OTHER_Z));
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SliceEdits.paint(empty(), Z, new double[] { 0 }, new double[] { 0 }, 0));
        assertTrue(e.getMessage().contains("radius"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SliceEdits.addOutline(empty(), Z, new double[] { 0, 1 }, new double[] { 0 }));
        // fewer than three distinct points: nothing added, nothing thrown
        assertEquals(0, SliceEdits.addOutline(empty(), Z, new double[] { 0, 1, 1 }, new double[] { 0, 1, 1 }).contours().size());
    }
}
