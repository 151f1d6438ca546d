/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.contour.CrossPlaneEdits;
import org.isocenter.contour.CrossPlaneEdits.View;
import org.isocenter.contour.SliceEdits;
import org.isocenter.contour.SphereStroke;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.junit.jupiter.api.Test;

/**
 * Edits drawn on sagittal and coronal views, checked slice by slice against independent truth: a sphere's slice is
 * a disc of radius √(r² − dz²); the slice of a sphere swept along an oblique segment is measured by counting a fine
 * grid of points whose distance to the segment is at most r; an outline's slab is the chord length at each slice
 * times the depth; a move keeps every contour's shape and lands on image slices.
 */
class CrossPlaneEditsTest {

    /** Image slices every 2.5 mm from z = −50 to +50. */
    private static final double[] SLICES = slices(-50, 2.5, 41);

    private static double[] slices(double first, double step, int n) {
        double[] z = new double[n];
        for (int k = 0; k < n; k++) {
            z[k] = first + k * step;
        }
        return z;
    }

    private static Roi empty() {
        return new Roi(3, "Bladder", new int[] { 255, 255, 0 }, "ORGAN", List.of());
    }

    private static Contour square(double cx, double cy, double half, double z) {
        return new Contour(ContourGeometry.CLOSED_PLANAR, List.of(new Vector3(cx - half, cy - half, z),
                new Vector3(cx + half, cy - half, z), new Vector3(cx + half, cy + half, z),
                new Vector3(cx - half, cy + half, z)));
    }

    /** A 60 × 60 mm square centred on the axis on every slice (3600 mm² each). */
    private static Roi boxOnEverySlice() {
        List<Contour> box = new ArrayList<>();
        for (double z : SLICES) {
            box.add(square(0, 0, 30, z));
        }
        return new Roi(3, "Box", new int[] { 0, 0, 255 }, "ORGAN", box);
    }

    @Test
    void aSphereDotCutsEachSliceInTheDiscOfItsHeight() {
        double r = 8;
        Vector3 c = new Vector3(4, -6, 1.0); // between slices: no slice through the centre
        Roi roi = CrossPlaneEdits.paintSphere(empty(), SLICES, List.of(c), r);
        int planes = 0;
        for (double z : SLICES) {
            double dz = z - c.z();
            double expected = Math.abs(dz) < r ? Math.PI * (r * r - dz * dz) : 0;
            assertEquals(expected, SliceEdits.areaMm2(roi, z), Math.max(1e-9, expected * 0.003), "slice z " + z);
            planes += SliceEdits.hasPlane(roi, z) ? 1 : 0;
        }
        assertEquals(6, planes, "slices within 8 mm of z = 1: −5, −2.5, 0, 2.5, 5, 7.5 (and −7.5 is 8.5 away)");
        assertEquals(3, roi.number());
        assertEquals("Bladder", roi.name());
    }

    @Test
    void aSweptSphereAlongAnObliqueSegmentMatchesPointCounting() {
        double r = 6;
        Vector3 a = new Vector3(10, -20, -9), b = new Vector3(10, 15, 12); // a drag on the sagittal plane x = 10
        Roi roi = CrossPlaneEdits.paintSphere(empty(), SLICES, List.of(a, b), r);
        for (double z : SLICES) {
            double truth = capsuleSectionArea(a, b, r, z);
            double area = SliceEdits.areaMm2(roi, z);
            assertEquals(truth, area, Math.max(0.5, truth * 0.006), "slice z " + z);
        }
        assertTrue(SliceEdits.areaMm2(roi, 0) > 100, "the middle slice is crossed");
        assertFalse(SliceEdits.hasPlane(roi, -15), "6 mm below the lower end nothing is painted");
        assertTrue(SliceEdits.hasPlane(roi, 17.5), "5.5 mm above the upper end the cap is painted");
    }

    /** The area of {(x, y): distance of (x, y, z) to segment a–b ≤ r} by counting a 0.05 mm grid. */
    private static double capsuleSectionArea(Vector3 a, Vector3 b, double r, double z) {
        return sweptSectionArea(List.of(a, b), r, z);
    }

    /** The area of {(x, y): distance of (x, y, z) to the polyline ≤ r} by counting a 0.05 mm grid. */
    private static double sweptSectionArea(List<Vector3> path, double r, double z) {
        double h = 0.05;
        double x0 = path.stream().mapToDouble(Vector3::x).min().orElseThrow() - r;
        double x1 = path.stream().mapToDouble(Vector3::x).max().orElseThrow() + r;
        double y0 = path.stream().mapToDouble(Vector3::y).min().orElseThrow() - r;
        double y1 = path.stream().mapToDouble(Vector3::y).max().orElseThrow() + r;
        long inside = 0;
        for (double x = x0 + h / 2; x < x1; x += h) {
            for (double y = y0 + h / 2; y < y1; y += h) {
                Vector3 p = new Vector3(x, y, z);
                for (int k = 1; k < path.size(); k++) {
                    Vector3 a = path.get(k - 1), d = path.get(k).minus(a);
                    double t = d.dot(d) == 0 ? 0 : Math.max(0, Math.min(1, p.minus(a).dot(d) / d.dot(d)));
                    Vector3 q = a.plus(d.times(t));
                    if (p.minus(q).dot(p.minus(q)) <= r * r) {
                        inside++;
                        break;
                    }
                }
            }
        }
        return inside * h * h;
    }

    @Test
    void aStrokeDrawnPointByPointIsTheSweptPolylineAfterEveryPoint() {
        double r = 5;
        // a drag on the coronal plane y = 0 that goes up and then sideways (x, z)
        List<Vector3> path = List.of(new Vector3(0, 0, -12), new Vector3(2, 0, 0), new Vector3(14, 0, 3),
                new Vector3(15, 0, 3));
        SphereStroke stroke = SphereStroke.paint(empty(), SLICES, r);
        assertSame(stroke.result().contours().size(), 0);
        for (int n = 1; n <= path.size(); n++) {
            stroke.add(path.get(n - 1));
            Roi now = stroke.result();
            List<Vector3> sofar = n == 1 ? List.of(path.get(0), path.get(0)) : path.subList(0, n);
            for (double z : SLICES) {
                double truth = sweptSectionArea(sofar, r, z);
                assertEquals(truth, SliceEdits.areaMm2(now, z), Math.max(0.5, truth * 0.006), n + " points, z " + z);
            }
        }
        assertEquals(4, stroke.points());
    }

    @Test
    void erasingWithTheSphereRemovesItsDiscsAndLeavesFarSlicesAlone() {
        Roi before = boxOnEverySlice();
        double r = 5;
        Roi after = CrossPlaneEdits.eraseSphere(before, SLICES, List.of(new Vector3(0, 0, 0)), r);
        for (double z : SLICES) {
            double removed = Math.abs(z) < r ? Math.PI * (r * r - z * z) : 0;
            assertEquals(3600 - removed, SliceEdits.areaMm2(after, z), 3600 * 1e-9 + removed * 0.003, "z " + z);
        }
        Contour far = before.contours().get(0);
        assertTrue(after.contours().contains(far), "the slice at z −50 keeps its contour");
        assertSame(far, after.contours().stream().filter(c -> c.pointsMm().get(0).z() == -50).findFirst().orElseThrow(),
                "unchanged slices keep the same contour object");
    }

    @Test
    void aSagittalOutlineBecomesASlabOfTheDepthOnEachSliceItCrosses() {
        // a triangle drawn on the sagittal plane x = 12: y from −10 to 30 at z = 0, apex at y = −10, z = 20
        List<Vector3> triangle = List.of(new Vector3(12, -10, 0), new Vector3(12, 30, 0), new Vector3(12, -10, 20));
        double depth = 6;
        Roi roi = CrossPlaneEdits.addSlab(empty(), SLICES, View.SAGITTAL, 12, depth, triangle);
        for (double z : SLICES) {
            double chord = z >= 0 && z <= 20 ? 40 * (1 - z / 20) : 0;
            assertEquals(chord * depth, SliceEdits.areaMm2(roi, z), 1e-6, "z " + z);
        }
        // at z = 5 the chord is y ∈ [−10, 20] and the slab x ∈ [9, 15]
        Roi box = SliceEdits.addOutline(empty(), 5, new double[] { 9, 15, 15, 9 }, new double[] { -10, -10, 20, 20 });
        assertEquals(0, SliceEdits.areaMm2(SliceEdits.removeOutline(roi, 5, new double[] { 9, 15, 15, 9 },
                new double[] { -10, -10, 20, 20 }), 5), 1e-6, "the slice is exactly that rectangle");
        assertEquals(SliceEdits.areaMm2(box, 5), SliceEdits.areaMm2(roi, 5), 1e-6);
    }

    @Test
    void aCoronalOutlineRemovesItsSlabAcrossY() {
        Roi before = boxOnEverySlice();
        // a rectangle on the coronal plane y = −5: x from −40 to 40 (wider than the box), z from 20 to 60
        List<Vector3> cut = List.of(new Vector3(-40, -5, 20), new Vector3(40, -5, 20), new Vector3(40, -5, 60),
                new Vector3(-40, -5, 60));
        Roi after = CrossPlaneEdits.removeSlab(before, SLICES, View.CORONAL, -5, 100, cut);
        for (double z : SLICES) {
            double expected = z >= 20 ? 0 : 3600;
            assertEquals(expected, SliceEdits.areaMm2(after, z), 1e-6, "z " + z);
        }
        Roi thin = CrossPlaneEdits.removeSlab(before, SLICES, View.CORONAL, -5, 4, cut);
        assertEquals(3600 - 60 * 4, SliceEdits.areaMm2(thin, 30), 1e-6, "a 4 mm slab across the box at y = −5");
    }

    @Test
    void movingTheStructureKeepsShapesAndLandsOnImageSlices() {
        Roi before = new Roi(3, "Box", new int[] { 0, 0, 255 }, "ORGAN",
                List.of(square(0, 0, 10, -5), square(1, 2, 8, -2.5), square(0, 0, 6, 0)));
        Roi moved = CrossPlaneEdits.move(before, SLICES, 3.5, -1.25, 2);
        assertEquals(3, moved.contours().size());
        assertEquals(400, SliceEdits.areaMm2(moved, 0), 1e-9);
        assertEquals(256, SliceEdits.areaMm2(moved, 2.5), 1e-9);
        assertEquals(144, SliceEdits.areaMm2(moved, 5), 1e-9);
        assertFalse(SliceEdits.hasPlane(moved, -5));
        Vector3 p = moved.contours().get(1).pointsMm().get(0);
        assertEquals(1 - 8 + 3.5, p.x(), 1e-12);
        assertEquals(2 - 8 - 1.25, p.y(), 1e-12);
        assertArrayEquals(new int[] { -18, 20 }, CrossPlaneEdits.slicesFree(before, SLICES),
                "slices −5…0 mm sit at indices 18…20 of 0…40");
        assertThrows(IllegalArgumentException.class, () -> CrossPlaneEdits.move(before, SLICES, 0, 0, 21));
        assertThrows(IllegalArgumentException.class, () -> CrossPlaneEdits.move(before, SLICES, 0, 0, -19));
    }

    @Test
    void badBrushAndSlabSizesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> CrossPlaneEdits.paintSphere(empty(), SLICES, List.of(new Vector3(0, 0, 0)), 0));
        assertThrows(IllegalArgumentException.class, () -> CrossPlaneEdits.addSlab(empty(), SLICES, View.CORONAL, 0,
                -1, List.of(new Vector3(0, 0, 0), new Vector3(1, 0, 0), new Vector3(0, 0, 1))));
        assertSame(empty().contours().size(), CrossPlaneEdits.paintSphere(empty(), SLICES, List.of(), 5).contours().size());
    }
}
