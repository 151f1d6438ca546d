/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render.vtk.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntPredicate;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.render.vtk.Scene3D;
import org.junit.jupiter.api.Test;

/**
 * {@link Scene3D} against analytic truth: spheres and cylinders whose projected position and size follow from
 * the camera ({@link Scene3D#project}), the anatomical orientation of the default view, flipped grid
 * directions, rotation, zoom, the bone surface and beam axes. Needs an X display (Xvfb in CI).
 */
class Scene3DTest {

    private static final int SIZE = 256;
    private static final int[] RED = { 230, 30, 30 };
    private static final int[] GREEN = { 30, 220, 30 };
    private static final IntPredicate REDDISH = p -> r(p) > 40 && r(p) > 2 * g(p) + 10 && r(p) > 2 * b(p) + 10;
    private static final IntPredicate GREENISH = p -> g(p) > 40 && g(p) > 2 * r(p) + 10 && g(p) > 2 * b(p) + 10;

    /** A 1 mm grid of n³ voxels whose centre voxel-corner sits at {@code centre}, identity directions. */
    private static VolumeGeometry cube(Vector3 centre, int n) {
        double h = (n - 1) / 2.0;
        return VolumeGeometry.axial(n, n, n, 1, 1, 1, centre.minus(new Vector3(h, h, h)));
    }

    private static BinaryMask sphere(VolumeGeometry g, Vector3 centre, double radiusMm) {
        return BinaryMask.of(g, p -> p.distanceTo(centre) < radiusMm);
    }

    @Test
    void sphereAppearsAsADiscWhereProjectedWithTheProjectedSilhouetteWidth() {
        Vector3 c = new Vector3(10, -5, 20);
        double radius = 16;
        try (Scene3D scene = new Scene3D(SIZE, SIZE)) {
            int triangles = scene.addSurface("ball", sphere(cube(c, 48), c, radius), RED, 1.0);
            assertTrue(triangles > 500, "triangles: " + triangles);
            scene.resetCamera();
            int[] argb = scene.render();
            assertEquals(SIZE * SIZE, argb.length);
            assertEquals(0xFF, argb[0] >>> 24, "opaque");
            assertTrue(!REDDISH.test(argb[0]), "corner is background");
            Blob disc = Blob.of(argb, SIZE, REDDISH);
            double[] centre = scene.project(c);
            assertEquals(centre[0], disc.cx, 1.0, "disc centre x");
            assertEquals(centre[1], disc.cy, 1.0, "disc centre y");
            double expected = silhouetteWidthPx(scene, c, radius);
            double tolerance = 2 + pxPerMm(scene, c); // a voxel of rasterization plus anti-aliasing-free edges
            assertEquals(expected, disc.width(), tolerance, "disc width");
            assertEquals(expected, disc.height(), tolerance, "disc height");
            assertTrue(expected > SIZE / 3.0, "reset camera fits the sphere: " + expected);
            // lit from the front: the centre is bright, the rim darker
            int mid = argb[(int) centre[1] * SIZE + (int) centre[0]];
            assertTrue(r(mid) > 150, "centre lit: " + Integer.toHexString(mid));
        }
    }

    @Test
    void flippedRowDirectionPutsTheSurfaceAtTheSamePatientPosition() {
        Vector3 c = new Vector3(-12, 7, 3);
        double radius = 14;
        int n = 40;
        double h = (n - 1) / 2.0;
        VolumeGeometry plain = cube(c, n);
        // row direction −x (a reflection: determinant −1): voxel (0,0,0) now sits at the +x corner, and the
        // voxel centres coincide with the plain grid's
        VolumeGeometry flipped = new VolumeGeometry(n, n, n, 1, 1, 1, c.plus(new Vector3(h, -h, -h)),
                new Vector3(-1, 0, 0), new Vector3(0, 1, 0), new Vector3(0, 0, 1));
        // a bump sticking out on the patient's left-superior side makes a mirror image detectable
        Vector3 bump = c.plus(new Vector3(13, -4, 11));
        Vector3 mirror = c.plus(new Vector3(-13, -4, -11));
        Blob[] blobs = new Blob[2];
        int[] centrePixels = new int[2];
        VolumeGeometry[] grids = { plain, flipped };
        for (int t = 0; t < 2; t++) {
            VolumeGeometry g = grids[t];
            BinaryMask mask = BinaryMask.of(g, p -> p.distanceTo(c) < radius || p.distanceTo(bump) < 6);
            try (Scene3D scene = new Scene3D(SIZE, SIZE)) {
                scene.addSurface("s", mask, RED, 1.0);
                scene.resetCamera();
                int[] argb = scene.render();
                blobs[t] = Blob.of(argb, SIZE, REDDISH);
                double[] bumpPx = scene.project(bump);
                assertTrue(REDDISH.test(argb[(int) bumpPx[1] * SIZE + (int) bumpPx[0]]), "bump drawn where it is");
                double[] mirrorPx = scene.project(mirror);
                assertTrue(!REDDISH.test(argb[(int) mirrorPx[1] * SIZE + (int) mirrorPx[0]]), "no mirrored bump");
                double[] centre = scene.project(c);
                centrePixels[t] = argb[(int) centre[1] * SIZE + (int) centre[0]];
            }
        }
        assertEquals(blobs[0].cx, blobs[1].cx, 0.5, "same x");
        assertEquals(blobs[0].cy, blobs[1].cy, 0.5, "same y");
        assertEquals(blobs[0].width(), blobs[1].width(), 1, "same width");
        assertEquals(blobs[0].height(), blobs[1].height(), 1, "same height");
        // outward normals in both (a reflected grid must not turn the shading inside out)
        assertEquals(r(centrePixels[0]), r(centrePixels[1]), 12, "same shading at the centre");
    }

    @Test
    void anteriorViewShowsThePatientsRightOnTheImageLeftAndRotationBy180SwapsThem() {
        Vector3 leftCentre = new Vector3(40, 0, 0); // patient left (+x)
        Vector3 rightCentre = new Vector3(-40, 0, 0);
        VolumeGeometry g = VolumeGeometry.axial(120, 40, 40, 1, 1, 1, new Vector3(-59.5, -19.5, -19.5));
        try (Scene3D scene = new Scene3D(SIZE, SIZE)) {
            scene.addSurface("left", sphere(g, leftCentre, 12), GREEN, 1.0);
            scene.addSurface("right", sphere(g, rightCentre, 12), RED, 1.0);
            scene.resetCamera();
            int[] argb = scene.render();
            Blob left = Blob.of(argb, SIZE, GREENISH), right = Blob.of(argb, SIZE, REDDISH);
            assertTrue(left.cx > SIZE / 2.0 + 20 && right.cx < SIZE / 2.0 - 20,
                    "patient left on the image right: left " + left.cx + ", right " + right.cx);
            assertEquals(left.cy, right.cy, 1.0, "same height");
            assertEquals(scene.project(leftCentre)[0], left.cx, 1.0);
            assertEquals(scene.project(rightCentre)[0], right.cx, 1.0);
            assertEquals(0, scene.cameraViewUp().distanceTo(new Vector3(0, 0, 1)), 1e-9, "superior up");
            Vector3 look = scene.cameraFocalPoint().minus(scene.cameraPosition()).normalized();
            assertEquals(0, look.distanceTo(new Vector3(0, 1, 0)), 1e-9, "looking posterior (+y)");

            scene.rotate(180, 0);
            argb = scene.render();
            left = Blob.of(argb, SIZE, GREENISH);
            right = Blob.of(argb, SIZE, REDDISH);
            assertTrue(left.cx < SIZE / 2.0 - 20 && right.cx > SIZE / 2.0 + 20,
                    "seen from posterior: left " + left.cx + ", right " + right.cx);
            assertEquals(scene.project(leftCentre)[0], left.cx, 1.0);
            assertEquals(scene.project(rightCentre)[0], right.cx, 1.0);

            scene.setSurfaceVisible("left", false);
            argb = scene.render();
            assertEquals(0, Blob.count(argb, GREENISH), "hidden surface not drawn");
            assertTrue(Blob.count(argb, REDDISH) > 100);
        }
    }

    @Test
    void zoomTwoMakesTheDiscTwiceAsWide() {
        Vector3 c = new Vector3(0, 30, -10);
        double radius = 15;
        try (Scene3D scene = new Scene3D(SIZE, SIZE)) {
            scene.addSurface("ball", sphere(cube(c, 40), c, radius), RED, 1.0);
            scene.resetCamera();
            scene.zoom(0.5); // start small so that the zoomed disc still fits
            Blob before = Blob.of(scene.render(), SIZE, REDDISH);
            double expectedBefore = silhouetteWidthPx(scene, c, radius);
            scene.zoom(2);
            Blob after = Blob.of(scene.render(), SIZE, REDDISH);
            double expectedAfter = silhouetteWidthPx(scene, c, radius);
            assertEquals(expectedBefore, before.width(), 2 + pxPerMm(scene, c) / 2);
            assertEquals(expectedAfter, after.width(), 2 + pxPerMm(scene, c));
            double ratio = after.width() / before.width();
            assertTrue(ratio > 1.9 && ratio < 2.15, "zoom ratio " + ratio);
        }
    }

    @Test
    void boneSurfaceOfASyntheticCtIsDrawnAndCanBeHidden() {
        // 0 HU body cylinder (radius 60 mm) in air, with a 1000 HU "bone" cylinder of radius 15 mm along z
        VolumeGeometry g = VolumeGeometry.axial(100, 100, 40, 1.5, 1.5, 2.5, new Vector3(-74.25, -74.25, -48.75));
        short[] stored = new short[g.voxelCount()];
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    Vector3 p = g.indexToPatient(i, j, k);
                    double rr = Math.hypot(p.x(), p.y());
                    int hu = rr < 15 && Math.abs(p.z()) < 35 ? 1000 : rr < 60 ? 0 : -1000;
                    stored[g.linearIndex(i, j, k)] = (short) (hu + 1024); // stored = HU − intercept
                }
            }
        }
        ImageVolume ct = new ImageVolume(g, stored, 1, -1024, "HU",
                new ImageVolumeInfo(new PatientIdentity("T1", "TEST^BONE", "19700101", "O"), "1.2.3", "1.2.3.4",
                        "1.2.3.5", "CT", PatientPosition.HFS, "", ""));
        try (Scene3D scene = new Scene3D(SIZE, SIZE)) {
            int triangles = scene.setBoneSurface(ct, 200);
            assertTrue(triangles > 100, "triangles " + triangles);
            scene.resetCamera();
            int[] argb = scene.render();
            int background = argb[0];
            IntPredicate ivory = p -> p != background && r(p) > 60 && Math.abs(r(p) - g(p)) < 40 && b(p) < r(p);
            Blob bone = Blob.of(argb, SIZE, ivory);
            // the body (0 HU) is below the threshold: only the bone cylinder, 30 mm wide and 70 mm long, whose
            // extreme points on screen are the silhouette at eye level and the front edges of its end caps
            double pxPerMm = pxPerMm(scene, Vector3.ZERO);
            double length = scene.project(new Vector3(0, -15, -35))[1] - scene.project(new Vector3(0, -15, 35))[1];
            assertEquals(silhouetteWidthPx(scene, Vector3.ZERO, 15), bone.width(), 3.5 * pxPerMm, "bone width");
            assertEquals(length, bone.height(), 3.5 * pxPerMm, "bone length");
            double[] centre = scene.project(Vector3.ZERO);
            assertEquals(centre[0], bone.cx, 2);
            assertEquals(centre[1], bone.cy, 2);

            scene.setBoneVisible(false);
            argb = scene.render();
            for (int p : argb) {
                if (p != background) {
                    throw new AssertionError("hidden bone still drawn: " + Integer.toHexString(p));
                }
            }
            scene.setBoneVisible(true);
            assertTrue(Blob.count(scene.render(), ivory) > 1000);
            // a threshold above every value gives no surface
            assertEquals(0, scene.setBoneSurface(ct, 2000));
        }
    }

    @Test
    void beamAxisIsDrawnAlongItsProjectedSegment() {
        Vector3 iso = new Vector3(5, 10, -20);
        Vector3 source = iso.plus(new Vector3(300, 0, 120)); // from the patient's left, superior
        try (Scene3D scene = new Scene3D(SIZE, SIZE)) {
            scene.addBeamAxis("G90", source, iso, new int[] { 0, 255, 0 });
            scene.resetCamera(); // nothing else visible: fits the beam axis itself
            int[] argb = scene.render();
            int background = argb[0];
            for (double f : new double[] { 0.35, 0.5, 0.65 }) {
                Vector3 q = source.plus(iso.minus(source).times(f));
                double[] px = scene.project(q);
                assertTrue(px[0] > 0 && px[0] < SIZE && px[1] > 0 && px[1] < SIZE, "on screen at " + f);
                assertTrue(nearby(argb, px, 1, p -> g(p) > 200 && r(p) < 60 && b(p) < 60),
                        "green line at fraction " + f + " of the axis, pixel " + px[0] + ", " + px[1]);
                // the screen normal to the segment, 12 pixels away, is background
                double[] a = scene.project(source), b = scene.project(iso);
                double dx = b[0] - a[0], dy = b[1] - a[1], len = Math.hypot(dx, dy);
                double[] off = { px[0] - dy / len * 12, px[1] + dx / len * 12 };
                assertTrue(nearby(argb, off, 0, p -> p == background), "background beside the line");
            }
        }
    }

    @Test
    void isocenterMarkerIsYellowAtTheProjectedIsocenter() {
        Vector3 iso = new Vector3(-3, 4, 12);
        try (Scene3D scene = new Scene3D(SIZE, SIZE)) {
            scene.setIsocenter(iso);
            scene.resetCamera();
            int[] argb = scene.render();
            double[] px = scene.project(iso);
            int p = argb[(int) px[1] * SIZE + (int) px[0]];
            assertTrue(r(p) > 150 && g(p) > 120 && b(p) < 60, "yellow: " + Integer.toHexString(p));
            scene.setIsocenter(null);
            assertEquals(argb[0], scene.render()[(int) px[1] * SIZE + (int) px[0]], "removed");
        }
    }

    @Test
    void frameBufferIsReusedUntilTheSizeChangesAndClearRemovesEverything() {
        Vector3 c = Vector3.ZERO;
        try (Scene3D scene = new Scene3D(SIZE, SIZE)) {
            scene.addSurface("ball", sphere(cube(c, 30), c, 10), RED, 0.5);
            scene.setIsocenter(c);
            scene.addBeamAxis("G0", new Vector3(0, -1000, 0), c, GREEN);
            scene.resetCamera();
            int[] first = scene.render();
            assertSame(first, scene.render(), "same buffer while the size is unchanged");
            assertTrue(scene.lastRenderMs() > 0);
            assertTrue(Blob.count(first, REDDISH) > 100, "translucent surface drawn");
            scene.setSize(200, 120);
            int[] resized = scene.render();
            assertNotSame(first, resized);
            assertEquals(200 * 120, resized.length);
            scene.clear();
            int[] empty = scene.render();
            for (int p : empty) {
                assertEquals(empty[0], p, "nothing drawn after clear()");
            }
            scene.close();
            scene.close(); // idempotent
            assertThrows(IllegalStateException.class, scene::render);
        }
    }

    /** Width in pixels of the silhouette of a sphere seen by the current (perspective) camera. */
    private static double silhouetteWidthPx(Scene3D scene, Vector3 centre, double radius) {
        Vector3 eye = scene.cameraPosition();
        double d = eye.distanceTo(centre);
        Vector3 u = eye.minus(centre).times(1 / d);
        Vector3 horizontal = u.cross(scene.cameraViewUp()).normalized();
        Vector3 circleCentre = centre.plus(u.times(radius * radius / d));
        double circleRadius = radius * Math.sqrt(1 - radius * radius / (d * d));
        double[] a = scene.project(circleCentre.plus(horizontal.times(circleRadius)));
        double[] b = scene.project(circleCentre.minus(horizontal.times(circleRadius)));
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /** Pixels per mm at a point, across the screen. */
    private static double pxPerMm(Scene3D scene, Vector3 at) {
        Vector3 look = scene.cameraFocalPoint().minus(scene.cameraPosition()).normalized();
        Vector3 horizontal = look.cross(scene.cameraViewUp()).normalized();
        double[] a = scene.project(at), b = scene.project(at.plus(horizontal));
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    private static boolean nearby(int[] argb, double[] px, int radius, IntPredicate test) {
        int x0 = (int) Math.floor(px[0]), y0 = (int) Math.floor(px[1]);
        for (int y = y0 - radius; y <= y0 + radius; y++) {
            for (int x = x0 - radius; x <= x0 + radius; x++) {
                if (x >= 0 && y >= 0 && x < SIZE && y < SIZE && test.test(argb[y * SIZE + x])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int r(int p) {
        return p >> 16 & 0xFF;
    }

    private static int g(int p) {
        return p >> 8 & 0xFF;
    }

    private static int b(int p) {
        return p & 0xFF;
    }

    /** Extent and centroid (pixel-centre coordinates, x + 0.5) of the pixels passing a test. */
    private record Blob(int left, int right, int top, int bottom, double cx, double cy) {

        static Blob of(int[] argb, int width, IntPredicate test) {
            int left = Integer.MAX_VALUE, right = -1, top = Integer.MAX_VALUE, bottom = -1;
            double sx = 0, sy = 0;
            int n = 0;
            for (int i = 0; i < argb.length; i++) {
                if (test.test(argb[i])) {
                    int x = i % width, y = i / width;
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    sx += x + 0.5;
                    sy += y + 0.5;
                    n++;
                }
            }
            if (n == 0) {
                throw new AssertionError("no pixel passes the colour test");
            }
            return new Blob(left, right, top, bottom, sx / n, sy / n);
        }

        static int count(int[] argb, IntPredicate test) {
            int n = 0;
            for (int p : argb) {
                if (test.test(p)) {
                    n++;
                }
            }
            return n;
        }

        double width() {
            return right - left + 1;
        }

        double height() {
            return bottom - top + 1;
        }
    }
}
