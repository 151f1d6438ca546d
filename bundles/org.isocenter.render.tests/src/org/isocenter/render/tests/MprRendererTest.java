package org.isocenter.render.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.render.ContourOverlay;
import org.isocenter.render.MprRenderer;
import org.isocenter.render.RenderedSlice;
import org.isocenter.render.SlicePlane;
import org.isocenter.render.WindowLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class MprRendererTest {

    private static final double RADIUS_MM = 20;
    private static final WindowLevel WIDE = new WindowLevel("wide", 0, 2000);
    private static final VolumeGeometry GRID = VolumeGeometry.axial(64, 64, 64, 1, 1, 1, new Vector3(-32, -32, -32));

    /** A sphere of 1000 HU and radius 20 mm centred at the origin, in air; a marker voxel high and left. */
    private static ImageVolume sphere() {
        short[] v = new short[GRID.voxelCount()];
        for (int k = 0; k < 64; k++) {
            for (int j = 0; j < 64; j++) {
                for (int i = 0; i < 64; i++) {
                    Vector3 p = GRID.indexToPatient(i, j, k);
                    v[GRID.linearIndex(i, j, k)] = (short) (p.norm() <= RADIUS_MM ? 1000 : -1000);
                }
            }
        }
        // marker: patient left (+x), superior (+z), anterior (-y) corner
        v[GRID.linearIndex(60, 3, 60)] = 1000;
        return new ImageVolume(GRID, v, 1, 0, "HU", new ImageVolumeInfo(new PatientIdentity("T", "T", "", ""), "1",
                "2", "3", "CT", PatientPosition.HFS, "", "sphere"));
    }

    private static int whitePixels(RenderedSlice s) {
        int n = 0;
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                if ((s.pixel(x, y) & 0xFF) == 255) {
                    n++;
                }
            }
        }
        return n;
    }

    @ParameterizedTest
    @EnumSource(SlicePlane.class)
    void sphereCrossSectionHasTheAnalyticAreaOnEveryPlane(SlicePlane plane) {
        RenderedSlice out = new RenderedSlice();
        ImageVolume v = sphere();
        // slice 42 is 10 mm from the centre (voxel 32 is at 0 mm): section radius sqrt(20^2 - 10^2)
        new MprRenderer().render(v, plane, 42, WIDE, out);
        double r = Math.sqrt(RADIUS_MM * RADIUS_MM - 10 * 10);
        double expected = Math.PI * r * r;
        int white = whitePixels(out);
        assertEquals(expected, white, expected * 0.04, plane + " section area");
    }

    @Test
    void displayConventionsPutSuperiorUpAndPatientLeftOnImageRight() {
        ImageVolume v = sphere();
        MprRenderer r = new MprRenderer();
        RenderedSlice out = new RenderedSlice();
        r.render(v, SlicePlane.CORONAL, 3, WIDE, out); // coronal through the marker's row j=3
        assertEquals(64, out.width());
        assertEquals(0xFFFFFFFF, out.pixel(60, 63 - 60)); // superior => near the top, left => right side
        r.render(v, SlicePlane.SAGITTAL, 60, WIDE, out);
        assertEquals(0xFFFFFFFF, out.pixel(3, 63 - 60)); // anterior => image left
        r.render(v, SlicePlane.AXIAL, 60, WIDE, out);
        assertEquals(0xFFFFFFFF, out.pixel(60, 3)); // anterior => top, left => right
    }

    @Test
    void windowLevelMapsCentreToMidGreyAndClampsOutside() {
        WindowLevel w = WindowLevel.SOFT_TISSUE;
        assertEquals(0, w.grey(-160));
        assertEquals(255, w.grey(240));
        assertEquals(128, w.grey(40));
        assertEquals(0, w.grey(-1000));
        assertThrows(IllegalArgumentException.class, () -> new WindowLevel("bad", 0, 0));
        int[] lut = w.storedToArgb(2, -1024);
        assertEquals(0xFF000000 | 128 << 16 | 128 << 8 | 128, lut[532 + 32768]); // 532*2-1024 = 40 HU
    }

    @Test
    void squareContourIsDrawnOnItsSliceOnlyAlongItsEdges() {
        ImageVolume v = sphere();
        RenderedSlice out = new RenderedSlice();
        MprRenderer r = new MprRenderer();
        double z = GRID.indexToPatient(0, 0, 10).z();
        Contour square = new Contour(ContourGeometry.CLOSED_PLANAR, List.of(new Vector3(-22, -22, z),
                new Vector3(-12, -22, z), new Vector3(-12, -12, z), new Vector3(-22, -12, z)));
        Roi roi = new Roi(1, "SQ", new int[] { 255, 0, 0 }, "ORGAN", List.of(square));
        r.render(v, SlicePlane.AXIAL, 10, WIDE, out);
        assertEquals(1, new ContourOverlay().drawAxial(out, GRID, 10, List.of(roi)));
        // -22 mm is voxel 10, -12 mm is voxel 20: the outline runs from (10,10) to (20,20)
        int red = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                boolean onEdge = (x >= 10 && x <= 20 && (y == 10 || y == 20)) || (y >= 10 && y <= 20 && (x == 10 || x == 20));
                assertEquals(onEdge, out.pixel(x, y) == 0xFFFF0000, "pixel " + x + "," + y);
                red += onEdge ? 1 : 0;
            }
        }
        assertEquals(40, red);
        r.render(v, SlicePlane.AXIAL, 11, WIDE, out);
        assertEquals(0, new ContourOverlay().drawAxial(out, GRID, 11, List.of(roi)));
    }
}
