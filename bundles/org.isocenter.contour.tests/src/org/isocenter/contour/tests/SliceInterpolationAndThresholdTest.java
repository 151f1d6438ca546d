/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.contour.OutputPlanes;
import org.isocenter.contour.SliceInterpolation;
import org.isocenter.contour.StructureStatistics;
import org.isocenter.contour.ThresholdContouring;
import org.isocenter.contour.ThresholdContouring.Connectivity;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;
import org.junit.jupiter.api.Test;

/**
 * Interpolation between drawn slices against the analytic shape they were drawn from, and threshold / region
 * growing against an analytic phantom CT with partial-volume edges (body, two lungs, a bone).
 */
class SliceInterpolationAndThresholdTest {

    @Test
    void sphereDrawnOnEveryFourthSliceIsFilledIn() {
        VolumeGeometry grid = ContourPhantoms.grid(1, 2.5, -60, 49, 60);
        Roi every = ContourPhantoms.sphere("CTV", new Vector3(0, 0, 0), 25, grid);
        List<Contour> drawn = new ArrayList<>();
        for (Contour c : every.contours()) {
            double z = c.pointsMm().get(0).z();
            if (Math.abs(Math.IEEEremainder(z, 10)) < 1e-6) {
                drawn.add(c);
            }
        }
        Roi sparse = new Roi(1, "CTV", new int[3], "CTV", drawn);
        List<Contour> filled = SliceInterpolation.fillGaps(new RoiSlabs(sparse, 10), OutputPlanes.onImage(grid));
        assertEquals(drawn.size() + 3 * (drawn.size() - 1), filled.size(), "three planes filled in each gap");
        for (Contour c : filled) {
            double z = c.pointsMm().get(0).z();
            double radius = Math.sqrt(Math.abs(c.signedAxialAreaMm2()) / Math.PI);
            // for concentric circles, interpolating signed distances interpolates the radius linearly
            double below = Math.floor(z / 10) * 10, above = below + 10, t = (z - below) / 10;
            double rBelow = Math.sqrt(Math.max(0, 625 - below * below)), rAbove = Math.sqrt(Math.max(0, 625 - above * above));
            if (Math.abs(below) < 25 && Math.abs(above) < 25) {
                assertEquals((1 - t) * rBelow + t * rAbove, radius, 0.05, "radius at z = " + z);
            }
        }
        // between the first and last drawn slice (interpolation does not invent the caps beyond them); the radius
        // chords between slices 10 mm apart cost a sphere of 25 mm about 4% of its volume
        List<Contour> within = every.contours().stream().filter(c -> Math.abs(c.pointsMm().get(0).z()) <= 20).toList();
        double volume = StructureStatistics.of(new RoiSlabs(new Roi(2, "f", new int[3], "", filled), 2.5)).volumeCc();
        double full = StructureStatistics.of(new RoiSlabs(new Roi(3, "w", new int[3], "", within), 2.5)).volumeCc();
        System.out.printf("interpolated sphere: %.3f cc vs %.3f cc drawn on every slice (%+.2f%%)%n", volume, full,
                100 * (volume / full - 1));
        assertEquals(full, volume, 0.05 * full);
    }

    @Test
    void aMovingOutlineIsFollowed() {
        VolumeGeometry grid = ContourPhantoms.grid(1, 2.5, 0, 5, 60);
        List<Contour> drawn = List.of(ContourPhantoms.circle(0, 0, 15, 0), ContourPhantoms.circle(8, -4, 15, 10));
        List<Contour> filled = SliceInterpolation.fillGaps(new RoiSlabs(new Roi(1, "GTV", new int[3], "GTV", drawn), 10),
                OutputPlanes.onImage(grid));
        for (Contour c : filled) {
            double z = c.pointsMm().get(0).z();
            Vector3 centre = StructureStatistics.of(new RoiSlabs(new Roi(3, "c", new int[3], "", List.of(c)), 2.5))
                    .centreOfMassMm();
            assertEquals(8 * z / 10, centre.x(), 0.05, "centre x at z = " + z);
            assertEquals(-4 * z / 10, centre.y(), 0.05, "centre y at z = " + z);
            // interpolated distances round off a shape shifted by half its radius a little: within 5% of the area
            assertEquals(Math.PI * 225, Math.abs(c.signedAxialAreaMm2()), 0.05 * Math.PI * 225);
        }
    }

    /** 2 x 2 x 2.5 mm CT: body ellipse 150 x 100 mm (0 HU) in air, lungs (-800 HU), a bone rod (800 HU). */
    private static ImageVolume phantom() {
        VolumeGeometry g = VolumeGeometry.axial(180, 130, 40, 2, 2, 2.5, new Vector3(-179, -129, -48.75));
        short[] v = new short[g.voxelCount()];
        int sub = 4;
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    double sum = 0;
                    for (int a = 0; a < sub; a++) {
                        for (int b = 0; b < sub; b++) {
                            Vector3 p = g.indexToPatient(i - 0.5 + (a + 0.5) / sub, j - 0.5 + (b + 0.5) / sub, k);
                            sum += hu(p);
                        }
                    }
                    v[g.linearIndex(i, j, k)] = (short) Math.round(sum / (sub * sub));
                }
            }
        }
        ImageVolumeInfo info = new ImageVolumeInfo(new PatientIdentity("THR-1", "Phantom^Threshold", "", "O"), "2.25.71",
                "2.25.72", "2.25.73", "CT", PatientPosition.HFS, "20261122", "threshold phantom");
        return new ImageVolume(g, v, 1, 0, "HU", info);
    }

    private static double hu(Vector3 p) {
        double bx = p.x() / 150, by = p.y() / 100;
        if (bx * bx + by * by > 1) {
            return -1000;
        }
        if (Math.hypot(p.x(), p.y() - 60) < 10) {
            return 800;
        }
        for (double cx : new double[] { -60, 60 }) {
            double lx = (p.x() - cx) / 40, ly = p.y() / 30, lz = p.z() / 50;
            if (lx * lx + ly * ly + lz * lz <= 1) {
                return -800;
            }
        }
        return 0;
    }

    @Test
    void bodyLungAndBoneFromThresholds() {
        ImageVolume ct = phantom();
        double dz = 2.5;
        int slices = ct.geometry().sizeZ();
        // -500 HU is half way between tissue and air, where a partial-volume edge puts the true outline
        List<Contour> body = ThresholdContouring.contour(ct, -500, ThresholdContouring.BODY_HU[1], Connectivity.LARGEST,
                null, true, ProgressMonitor.NONE);
        double bodyCc = volume(body, dz), bodyTruth = Math.PI * 150 * 100 * dz * slices / 1000;
        System.out.printf("BODY %.2f cc vs %.2f cc analytic (%+.2f%%)%n", bodyCc, bodyTruth, 100 * (bodyCc / bodyTruth - 1));
        assertEquals(bodyTruth, bodyCc, 0.005 * bodyTruth);
        assertEquals(slices, body.size(), "one outline per slice: the lungs are filled in");

        List<Contour> lung = ThresholdContouring.contour(ct, ThresholdContouring.LUNG_HU[0], ThresholdContouring.LUNG_HU[1],
                Connectivity.FROM_SEED, new Vector3(-60, 0, 0), false, ProgressMonitor.NONE);
        double lungTruth = 0;
        for (int k = 0; k < slices; k++) {
            double z = ct.geometry().indexToPatient(0, 0, k).z(), r = 1 - (z / 50) * (z / 50);
            lungTruth += r > 0 ? Math.PI * 40 * 30 * r * dz : 0;
        }
        lungTruth /= 1000;
        double lungCc = volume(lung, dz);
        System.out.printf("left lung (seeded) %.2f cc vs %.2f cc analytic on these slices (%+.2f%%)%n", lungCc, lungTruth,
                100 * (lungCc / lungTruth - 1));
        assertEquals(lungTruth, lungCc, 0.02 * lungTruth);
        assertTrue(lung.stream().allMatch(c -> c.pointsMm().get(0).x() < 0), "only the seeded lung");

        // 400 HU: half way between the rod and tissue
        List<Contour> bone = ThresholdContouring.contour(ct, 400, ThresholdContouring.BONE_HU[1], Connectivity.ALL, null,
                false, ProgressMonitor.NONE);
        double boneTruth = Math.PI * 100 * dz * slices / 1000, boneCc = volume(bone, dz);
        System.out.printf("bone %.2f cc vs %.2f cc analytic (%+.2f%%)%n", boneCc, boneTruth, 100 * (boneCc / boneTruth - 1));
        assertEquals(boneTruth, boneCc, 0.02 * boneTruth);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThresholdContouring.contour(ct,
                -950, -400, Connectivity.FROM_SEED, new Vector3(0, 0, 0), false, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("outside the range"), e.getMessage());
    }

    private static double volume(List<Contour> contours, double dz) {
        return StructureStatistics.of(new RoiSlabs(new Roi(9, "r", new int[3], "", contours), dz)).volumeCc();
    }
}
