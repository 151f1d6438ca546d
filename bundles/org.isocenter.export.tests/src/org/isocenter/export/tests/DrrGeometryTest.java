/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.image.RtImage;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.ControlPoint;
import org.isocenter.core.plan.Jaws;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.io.RtImageReader;
import org.isocenter.dicom.io.RtImageWriter;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.export.DrrRenderer;
import org.isocenter.export.DrrSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DRR geometry against hand-derived projections: a bright marker (3×3×3 voxels, 3000 HU) at a known off-axis patient
 * position in a water phantom is projected by {@link DrrRenderer} for gantry 0° and 90° (HFS) and gantry 90° FFS, the
 * DRR written as RT Image and read back (Java reader and pydicom, dciodvfy-clean), and the marker's centroid (DRR with
 * marker minus DRR without) compared with the pixel the analytic formula gives: magnification SID / (source-to-point
 * depth), receptor axes of IEC 61217 worked out by hand per case, RT Image Position and Image Plane Pixel Spacing
 * read from the file. Also the attenuation scale: the central ray through a known water thickness.
 */
class DrrGeometryTest {

    static final PatientIdentity PATIENT = new PatientIdentity("DRR-1", "MARKER^PHANTOM", "", "O");
    static final double SAD = 1000, SID = 1500;
    static final Vector3 ISO = new Vector3(5.5, -3.2, 10.7);
    /** Marker voxel indexes (its centre is a voxel centre). */
    static final int MI = 110, MJ = 62, MK = 95;
    static final VolumeGeometry GRID = VolumeGeometry.axial(160, 160, 140, 1.0, 1.0, 1.0, new Vector3(-74.5, -83.2, -59.3));
    static final DrrSettings SETTINGS = DrrSettings.DEFAULT.withSourceToImageDistanceMm(SID).withReceptor(400, 420, 0.4);

    @TempDir
    Path tmp;

    static ImageVolume phantom(boolean marker) {
        short[] v = new short[GRID.voxelCount()]; // water: 0 HU
        if (marker) {
            for (int k = MK - 1; k <= MK + 1; k++) {
                for (int j = MJ - 1; j <= MJ + 1; j++) {
                    for (int i = MI - 1; i <= MI + 1; i++) {
                        v[GRID.linearIndex(i, j, k)] = 3000;
                    }
                }
            }
        }
        return new ImageVolume(GRID, v, 1, 0, "HU", new ImageVolumeInfo(PATIENT, "1.2.3.1", "1.2.3.2", "1.2.3.3", "CT",
                PatientPosition.HFS, "20260101", "marker phantom"));
    }

    static Beam beam(double gantryDeg) {
        return new Beam(1, "G" + (int) gantryDeg, "", "SETUP", "PHOTON", 6, "M", SAD, 1, null,
                List.of(new ControlPoint(0, 0, gantryDeg, 0, 0, ISO, new Jaws(-100, 100, -100, 100), null)));
    }

    /** The hand-derived receptor coordinates (mm) of point p for the three cases. */
    static double[] expectedReceptorMm(double gantryDeg, PatientPosition position, Vector3 p) {
        Vector3 d = p.minus(ISO);
        if (position == PatientPosition.HFS && gantryDeg == 0) {
            // source anterior (-y), beam towards +y; receptor X = patient left (+x), Y = superior (+z)
            double m = SID / (SAD + d.y());
            return new double[] { d.x() * m, d.z() * m };
        }
        if (position == PatientPosition.HFS && gantryDeg == 90) {
            // source at the patient's left (+x), beam towards -x; receptor X = down = posterior (+y), Y = superior (+z)
            double m = SID / (SAD - d.x());
            return new double[] { d.y() * m, d.z() * m };
        }
        if (position == PatientPosition.FFS && gantryDeg == 90) {
            // feet first: room +X is the patient's right (-x); receptor X = down = posterior (+y), Y = towards the
            // gantry = inferior (-z)
            double m = SID / (SAD + d.x());
            return new double[] { d.y() * m, -d.z() * m };
        }
        throw new IllegalArgumentException();
    }

    @Test
    void markerProjectsToTheAnalyticPixelAtGantry0And90() throws Exception {
        Vector3 marker = GRID.indexToPatient(MI, MJ, MK);
        Object[][] cases = { { 0.0, PatientPosition.HFS }, { 90.0, PatientPosition.HFS }, { 90.0, PatientPosition.FFS } };
        ImageVolume with = phantom(true), without = phantom(false);
        StringBuilder summary = new StringBuilder();
        for (Object[] c : cases) {
            double gantry = (Double) c[0];
            PatientPosition position = (PatientPosition) c[1];
            long t0 = System.nanoTime();
            RtImage a = new DrrRenderer().render(with, beam(gantry), position, SETTINGS, "", ProgressMonitor.NONE);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            RtImage b = new DrrRenderer().render(without, beam(gantry), position, SETTINGS, "", ProgressMonitor.NONE);
            Path file = tmp.resolve("drr-" + (int) gantry + "-" + position + ".dcm");
            new RtImageWriter().write(a, "1.2.3.1", new SeriesAttributes("20260101", "120000", "", "", 1, ""), "DRR", file);
            assertEquals(List.of(), Tools.dciodvfyErrors(file), "dciodvfy on " + file);
            RtImage read = new RtImageReader().read(file);
            // geometry as pydicom reads it from the file
            String[] py = Tools.python("""
                    import sys, pydicom
                    d = pydicom.dcmread(sys.argv[1])
                    print(d.RTImagePlane, d.RTImageSID, d.RadiationMachineSAD, d.GantryAngle, d.XRayImageReceptorAngle,
                          *d.RTImagePosition, *d.ImagePlanePixelSpacing, d.Rows, d.Columns)
                    """, file.toString()).split("\\s+");
            assertEquals("NORMAL", py[0]);
            assertEquals(SID, Double.parseDouble(py[1]), 1e-6);
            assertEquals(SAD, Double.parseDouble(py[2]), 1e-6);
            assertEquals(gantry, Double.parseDouble(py[3]), 1e-6);
            double[] pos = { Double.parseDouble(py[5]), Double.parseDouble(py[6]) };
            double[] spacing = { Double.parseDouble(py[7]), Double.parseDouble(py[8]) };
            assertEquals(read.rows(), Integer.parseInt(py[9]));
            // the marker's centroid in the difference image
            int[] pa = read.pixels(), pb = b.pixels();
            double[] e = expectedReceptorMm(gantry, position, marker);
            double expCol = (e[0] - pos[0]) / spacing[1], expRow = (pos[1] - e[1]) / spacing[0];
            double sw = 0, sr = 0, sc = 0;
            for (int r = 0; r < read.rows(); r++) {
                for (int col = 0; col < read.columns(); col++) {
                    double w = pa[r * read.columns() + col] - pb[r * read.columns() + col];
                    if (w > 0) {
                        sw += w;
                        sr += w * r;
                        sc += w * col;
                    }
                }
            }
            assertTrue(sw > 0, "marker visible");
            double row = sr / sw, col = sc / sw;
            double err = Math.hypot(row - expRow, col - expCol);
            summary.append(String.format(Locale.ROOT, "gantry %3.0f %s: expected (row %.2f, col %.2f), centroid (%.2f, %.2f),"
                    + " error %.3f px, %d ms%n", gantry, position, expRow, expCol, row, col, err, ms));
            assertTrue(Math.abs(row - expRow) <= 0.5 && Math.abs(col - expCol) <= 0.5, summary.toString());
        }
        System.out.print(summary);
    }

    @Test
    void centralRayThroughWaterGivesMuTimesThickness() {
        // all-water volume: the central ray at gantry 0 crosses the whole grid along y (160 voxels of 1 mm)
        ImageVolume water = phantom(false);
        DrrSettings s = DrrSettings.DEFAULT.withReceptor(3, 3, 0.4);
        Vector3 isoOnGridCentre = GRID.indexToPatient(79.5, 79.5, 69.5);
        Beam b = new Beam(1, "AP", "", "SETUP", "PHOTON", 6, "M", SAD, 1, null,
                List.of(new ControlPoint(0, 0, 0, 0, 0, isoOnGridCentre, new Jaws(-1, 1, -1, 1), null)));
        RtImage img = new DrrRenderer().render(water, b, PatientPosition.HFS, s, "", ProgressMonitor.NONE);
        int centre = img.pixels()[4];
        double expected = DrrSettings.PIXEL_SCALE * s.waterAttenuationPerMm() * GRID.sizeY() * GRID.spacingYMm();
        assertEquals(expected, centre, 1.0, "1000 x mu_water x 160 mm");
    }
}
