/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.render.DisplaySettings;
import org.isocenter.render.DoseDisplay;
import org.isocenter.render.FusionMode;
import org.isocenter.render.FusionSettings;
import org.isocenter.render.IsodoseLevel;
import org.isocenter.render.OrientationLabels;
import org.isocenter.render.PixelReadout;
import org.isocenter.render.RenderedSlice;
import org.isocenter.render.SlicePlane;
import org.isocenter.render.SliceRenderer;
import org.isocenter.render.SliceScene;
import org.isocenter.render.SliceViewport;
import org.isocenter.render.StructureStyle;
import org.isocenter.render.WindowLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Slices of analytic phantoms give known pixels: sections, orientations, contours, fusion, dose, markers. */
class SliceRendererTest {

    private static final WindowLevel WIDE = new WindowLevel("wide", 0, 2000);
    private static final DisplaySettings SETTINGS = DisplaySettings.defaults().withPrimaryWindow(WIDE).withSecondaryWindow(WIDE);
    private static final int RED = 0xFFFF0000;

    private static SliceViewport view(SlicePlane plane, double position, int size) {
        return new SliceViewport(plane, Vector3.ZERO, 1, size, size).atSlicePosition(position);
    }

    private static VolumeGeometry grid(PatientPosition p) {
        return switch (p) {
            case FFS -> Phantoms.ffsGrid();
            case HFP -> Phantoms.hfpGrid();
            default -> Phantoms.hfsGrid();
        };
    }

    private static int[] copy(RenderedSlice s) {
        int[] c = new int[s.width() * s.height()];
        System.arraycopy(s.argb(), 0, c, 0, c.length);
        return c;
    }

    @ParameterizedTest
    @EnumSource(SlicePlane.class)
    void sphereSectionHasTheAnalyticAreaAndIsTheSameForHfsFfsAndHfpGrids(SlicePlane plane) {
        double radius = 20, offset = 10.5; // a voxel-centre plane 10.5 mm from the centre
        int[] reference = null;
        for (PatientPosition position : List.of(PatientPosition.HFS, PatientPosition.FFS, PatientPosition.HFP)) {
            ImageVolume v = Phantoms.image(grid(position), "1.1", position, Phantoms.sphere(Vector3.ZERO, radius));
            RenderedSlice s = new SliceRenderer().render(SliceScene.of(v), view(plane, offset, 80), SETTINGS);
            int white = 0;
            for (int p = 0; p < 80 * 80; p++) {
                white += s.argb()[p] == 0xFFFFFFFF ? 1 : 0;
            }
            double r2 = radius * radius - offset * offset;
            assertEquals(Math.PI * r2, white, Math.PI * r2 * 0.04, position + " " + plane + " section area");
            if (reference == null) {
                reference = copy(s);
            } else {
                assertEquals(java.util.Arrays.toString(reference), java.util.Arrays.toString(copy(s)),
                        position + " grid shows the same patient as the HFS grid");
            }
        }
    }

    /** A marker at the patient's left-anterior-superior lands on the side the orientation labels name. */
    @ParameterizedTest
    @EnumSource(value = PatientPosition.class, names = { "HFS", "FFS", "HFP" })
    void orientationLabelsNameTheSideWhereTheAnatomyIs(PatientPosition position) {
        Vector3 marker = new Vector3(20.5, -20.5, 20.5); // left, anterior, superior
        ImageVolume v = Phantoms.image(grid(position), "1.1", position, Phantoms.sphere(marker, 3));
        for (SlicePlane plane : SlicePlane.values()) {
            SliceViewport vp = view(plane, plane.positionOf(marker), 64);
            RenderedSlice s = new SliceRenderer().render(SliceScene.of(v), vp, SETTINGS);
            double sx = 0, sy = 0;
            int n = 0;
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    if (s.pixel(x, y) == 0xFFFFFFFF) {
                        sx += x + 0.5;
                        sy += y + 0.5;
                        n++;
                    }
                }
            }
            assertTrue(n > 20, "marker visible on " + plane);
            double[] expected = vp.patientToPixel(marker);
            assertEquals(expected[0], sx / n, 0.5, plane + " marker x");
            assertEquals(expected[1], sy / n, 0.5, plane + " marker y");
            OrientationLabels labels = OrientationLabels.of(plane);
            String horizontal = sx / n > 32 ? labels.right() : labels.left();
            String vertical = sy / n < 32 ? labels.top() : labels.bottom();
            assertEquals(plane == SlicePlane.SAGITTAL ? "A" : "L", horizontal, plane + " horizontal label at the marker");
            assertEquals(plane == SlicePlane.AXIAL ? "A" : "S", vertical, plane + " vertical label at the marker");
        }
    }

    private static Contour square(double half, double z) {
        return new Contour(ContourGeometry.CLOSED_PLANAR, List.of(new Vector3(-half, -half, z), new Vector3(half, -half, z),
                new Vector3(half, half, z), new Vector3(-half, half, z)));
    }

    private static StructureSet structures(String frame, Roi... rois) {
        return new StructureSet("SS", Phantoms.PATIENT, frame, "1.2.3", List.of(rois));
    }

    /** A cube of ±10 mm contoured as 20 axial squares: the same square outline on all three planes. */
    @ParameterizedTest
    @EnumSource(SlicePlane.class)
    void contourStackIsOutlinedWhereItsPolygonsAreOnEveryPlane(SlicePlane plane) {
        List<Contour> stack = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            stack.add(square(10, -9.5 + k));
        }
        ImageVolume v = Phantoms.image(Phantoms.hfsGrid(), "1.1", PatientPosition.HFS, p -> -1000);
        SliceScene scene = SliceScene.of(v).withStructures(structures("1.1",
                new Roi(1, "CUBE", new int[] { 255, 0, 0 }, "ORGAN", stack)));
        RenderedSlice s = new SliceRenderer().render(scene, view(plane, 0.5, 64), SETTINGS);
        // pixel centres -31.5 + x: inside [-10, 10) are columns/rows 22..41
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                boolean onEdge = (x >= 22 && x <= 41 && (y == 22 || y == 41)) || (y >= 22 && y <= 41 && (x == 22 || x == 41));
                assertEquals(onEdge, s.pixel(x, y) == RED, plane + " pixel " + x + "," + y);
            }
        }
        RenderedSlice outside = new SliceRenderer().render(scene, view(plane, 15.5, 64), SETTINGS);
        for (int p = 0; p < 64 * 64; p++) {
            assertNotEquals(RED, outside.argb()[p], plane + " slice outside the structure shows no contour");
        }
    }

    @Test
    void innerContourIsAHoleInTheFilledSection() {
        double z = 0.5;
        Roi ring = new Roi(3, "RING", new int[] { 255, 0, 0 }, "ORGAN", List.of(square(10, z), square(4, z)));
        ImageVolume v = Phantoms.image(Phantoms.hfsGrid(), "1.1", PatientPosition.HFS, p -> 0);
        SliceScene scene = SliceScene.of(v).withStructures(structures("1.1", ring));
        RenderedSlice s = new SliceRenderer().render(scene, view(SlicePlane.AXIAL, z, 64),
                SETTINGS.withStructureStyle(StructureStyle.FILLED));
        int grey = s.pixel(0, 0);
        assertEquals(grey, s.pixel(32, 32), "the hole is not filled");
        assertNotEquals(grey, s.pixel(32 + 7, 32), "the ring is filled");
        assertEquals(RED, s.pixel(32 + 4, 32), "inner outline at +4 mm");
        assertEquals(RED, s.pixel(22, 32), "outer outline at -10 mm");
        RenderedSlice hidden = new SliceRenderer().render(scene, view(SlicePlane.AXIAL, z, 64),
                SETTINGS.withStructureStyle(StructureStyle.FILLED).withHiddenRois(Set.of(3)));
        assertEquals(grey, hidden.pixel(22, 32), "hidden ROI not drawn");
    }

    private static SliceScene fused(ImageVolume primary, ImageVolume secondary, RigidTransform t) {
        return SliceScene.of(primary).withSecondary(secondary, t);
    }

    @Test
    void checkerboardTilesAlternateEveryTileInPatientMillimetres() {
        ImageVolume planning = Phantoms.image(Phantoms.hfsGrid(), "1.1", PatientPosition.HFS, p -> -1000);
        ImageVolume daily = Phantoms.image(Phantoms.hfsGrid(), "2.2", PatientPosition.HFS, p -> 1000);
        SliceScene scene = fused(planning, daily, RigidTransform.identity("1.1", "2.2"));
        for (SlicePlane plane : SlicePlane.values()) {
            RenderedSlice s = new SliceRenderer().render(scene, view(plane, 0.5, 64),
                    SETTINGS.withFusion(FusionSettings.of(FusionMode.CHECKERBOARD).withTileMm(10)));
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    // in-plane patient coordinates (mm) of the pixel centre along the screen axes
                    double u = -31.5 + x, w = -31.5 + y;
                    boolean secondaryTile = ((Math.floorDiv((long) Math.floor(u), 10) + Math.floorDiv((long) Math.floor(w), 10)) & 1) == 1;
                    assertEquals(secondaryTile ? 0xFFFFFFFF : 0xFF000000, s.pixel(x, y), plane + " pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void fusionFollowsTheTransformLive() {
        Vector3 shift = new Vector3(5, -3, 2);
        ImageVolume planning = Phantoms.image(Phantoms.hfsGrid(), "1.1", PatientPosition.HFS, Phantoms.sphere(Vector3.ZERO, 15));
        ImageVolume daily = Phantoms.image(Phantoms.hfsGrid(), "2.2", PatientPosition.HFS, Phantoms.sphere(shift, 15));
        RigidTransform right = RigidTransform.fromEulerDegrees("1.1", "2.2", 0, 0, 0, Vector3.ZERO, shift);
        SliceScene wrong = fused(planning, daily, RigidTransform.identity("1.1", "2.2"));
        SliceScene matched = wrong.withTransform(right);
        DisplaySettings difference = SETTINGS.withFusion(FusionSettings.of(FusionMode.DIFFERENCE));
        SliceRenderer r = new SliceRenderer();
        for (SlicePlane plane : SlicePlane.values()) {
            RenderedSlice s = r.render(matched, view(plane, 0.5, 48), difference);
            for (int p = 0; p < 48 * 48; p++) {
                assertEquals(0xFF808080, s.argb()[p], plane + ": matched images differ nowhere (mid grey)");
            }
            s = r.render(wrong, view(plane, 0.5, 48), difference);
            int differing = 0;
            for (int p = 0; p < 48 * 48; p++) {
                differing += s.argb()[p] != 0xFF808080 ? 1 : 0;
            }
            assertTrue(differing > 150, plane + ": unmatched images differ at the sphere's edges: " + differing);
        }
    }

    @Test
    void blendAndColourOverlayMixGreyLevelsAsDocumented() {
        ImageVolume planning = Phantoms.image(Phantoms.hfsGrid(), "1.1", PatientPosition.HFS, p -> 0); // grey 128
        ImageVolume daily = Phantoms.image(Phantoms.hfsGrid(), "2.2", PatientPosition.HFS, p -> 1000); // grey 255
        SliceScene scene = fused(planning, daily, RigidTransform.identity("1.1", "2.2"));
        SliceRenderer r = new SliceRenderer();
        int blend = r.render(scene, view(SlicePlane.AXIAL, 0.5, 16),
                SETTINGS.withFusion(FusionSettings.of(FusionMode.BLEND).withOpacity(0.25))).pixel(8, 8);
        int g = (int) Math.round(0.75 * 128 + 0.25 * 255);
        assertEquals(0xFF000000 | g << 16 | g << 8 | g, blend);
        int overlay = r.render(scene, view(SlicePlane.AXIAL, 0.5, 16),
                SETTINGS.withFusion(FusionSettings.of(FusionMode.COLOUR_OVERLAY))).pixel(8, 8);
        double base = 0.5 * 128, add = 0.5 * 255; // orange 0xFF8C00 added to half the grey
        assertEquals((int) Math.round(base + add), overlay >> 16 & 0xFF);
        assertEquals((int) Math.round(base + add * 0x8C / 255.0), overlay >> 8 & 0xFF);
        assertEquals((int) Math.round(base), overlay & 0xFF);
    }

    @Test
    void isodoseLineAndWashFollowAnAnalyticDoseRampOnACoarserGrid() {
        ImageVolume v = Phantoms.image(Phantoms.hfsGrid(), "1.1", PatientPosition.HFS, p -> 0);
        VolumeGeometry doseGrid = VolumeGeometry.axial(33, 33, 33, 2, 2, 2, new Vector3(-32, -32, -32));
        SliceScene scene = SliceScene.of(v).withDose(Phantoms.dose(doseGrid, "1.1", p -> 50 + p.x()));
        DoseDisplay lines = new DoseDisplay(List.of(new IsodoseLevel(60, Double.NaN, 0xFF0000)), "Gy", false, 0.4, true);
        SliceRenderer r = new SliceRenderer();
        RenderedSlice s = r.render(scene, view(SlicePlane.AXIAL, 0.5, 64), SETTINGS.withDose(lines));
        // dose >= 60 Gy where x >= 10 mm: first pixel centre 10.5 mm is column 42
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(x == 42, s.pixel(x, y) == RED, "isodose line pixel " + x + "," + y);
            }
        }
        RenderedSlice washed = r.render(scene, view(SlicePlane.AXIAL, 0.5, 64), SETTINGS.withDose(lines.withWash(true)));
        int grey = washed.pixel(10, 10);
        int tinted = washed.pixel(50, 10);
        assertTrue((tinted >> 16 & 0xFF) > (grey >> 16 & 0xFF) && (tinted & 0xFF) < (grey & 0xFF), "wash tints red above 60 Gy");
        PixelReadout readout = SliceRenderer.readout(scene, view(SlicePlane.AXIAL, 0.5, 64), 42.5, 10.5);
        assertEquals(60.5, readout.dose(), 1e-4, "trilinear dose of a linear ramp is exact");
        assertEquals("Gy", readout.doseUnit());
        assertEquals(0, readout.primaryValue(), 1e-9);
        assertEquals(List.of(42, 10, 32), List.of(readout.primaryVoxel()[0], readout.primaryVoxel()[1], readout.primaryVoxel()[2]));
        assertTrue(readout.describe().contains("dose 60.50 Gy"), readout.describe());
        DoseDisplay clinical = DoseDisplay.relativeTo(78, "Gy");
        assertEquals("74.1 Gy (95 %)", clinical.levels().get(5).label("Gy"));
    }

    @Test
    void isocenterMarkerIsSolidOnItsSliceAndDimmedElsewhere() {
        ImageVolume v = Phantoms.image(Phantoms.hfsGrid(), "1.1", PatientPosition.HFS, p -> -1000);
        Vector3 iso = new Vector3(5.5, -7.5, 0.5);
        SliceScene scene = SliceScene.of(v).withIsocenter(iso);
        SliceRenderer r = new SliceRenderer();
        RenderedSlice on = r.render(scene, view(SlicePlane.AXIAL, 0.5, 64), SETTINGS);
        assertEquals(0xFFFFFF00, on.pixel(37, 24));
        assertEquals(0xFFFFFF00, on.pixel(47, 24));
        assertEquals(0xFF000000, on.pixel(49, 24));
        RenderedSlice off = r.render(scene, view(SlicePlane.AXIAL, 10.5, 64), SETTINGS);
        int dim = off.pixel(37, 24);
        assertTrue(dim != 0xFFFFFF00 && (dim >> 16 & 0xFF) > 60 && (dim & 0xFF) == 0, Integer.toHexString(dim));
        RenderedSlice none = r.render(scene, view(SlicePlane.AXIAL, 0.5, 64), SETTINGS.withIsocenter(false));
        assertEquals(0xFF000000, none.pixel(37, 24));
    }

    @Test
    void objectsOfAnotherFrameOrPatientAreRefusedWithAMessageNamingThem() {
        ImageVolume v = Phantoms.image(Phantoms.hfsGrid(), "1.1", PatientPosition.HFS, p -> 0);
        ImageVolume daily = Phantoms.image(Phantoms.hfsGrid(), "2.2", PatientPosition.HFS, p -> 0);
        SliceScene scene = SliceScene.of(v);
        var e = assertThrows(IllegalArgumentException.class, () -> scene.withStructures(structures("9.9")));
        assertTrue(e.getMessage().contains("9.9") && e.getMessage().contains("1.1"), e.getMessage());
        var other = new org.isocenter.core.dose.DoseGrid(Phantoms.hfsGrid(), new float[64 * 64 * 64], "GY", "PLAN",
                "PHYSICAL", new PatientIdentity("OTHER-7", "Other^Patient", "", ""), "1.1", "");
        e = assertThrows(IllegalArgumentException.class, () -> scene.withDose(other));
        assertTrue(e.getMessage().contains("OTHER-7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> scene.withSecondary(daily, RigidTransform.identity("1.1", "1.1")));
        assertTrue(e.getMessage().contains("2.2"), e.getMessage());
        assertFalse(scene.secondary().isPresent());
    }

    @Test
    void scrollingAllocatesNothingPerFrameOnceWarm() throws Exception {
        ImageVolume v = Phantoms.image(Phantoms.hfsGrid(), "1.1", PatientPosition.HFS, Phantoms.sphere(Vector3.ZERO, 20));
        List<Contour> stack = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            stack.add(square(10, -9.5 + k));
        }
        SliceScene scene = SliceScene.of(v).withStructures(structures("1.1",
                new Roi(1, "CUBE", new int[] { 255, 0, 0 }, "ORGAN", stack)));
        SliceViewport[] views = new SliceViewport[64];
        for (int i = 0; i < views.length; i++) {
            views[i] = view(SlicePlane.values()[i % 3], -31.5 + i, 128);
        }
        SliceRenderer r = new SliceRenderer();
        for (int round = 0; round < 200; round++) { // warm up (JIT)
            r.render(scene, views[round % 64], SETTINGS);
        }
        var bean = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        var threading = new javax.management.ObjectName("java.lang:type=Threading");
        long before = (Long) bean.getAttribute(threading, "CurrentThreadAllocatedBytes");
        int frames = 640;
        for (int i = 0; i < frames; i++) {
            assertNotNull(r.render(scene, views[i % 64], SETTINGS));
        }
        long after = (Long) bean.getAttribute(threading, "CurrentThreadAllocatedBytes");
        double perFrame = (after - before) / (double) frames;
        // a 128x128 frame is 64 KB of pixels: a frame buffer per frame would show up as >= 65536 bytes
        assertTrue(perFrame < 1024, "bytes allocated per frame: " + perFrame);
    }
}
