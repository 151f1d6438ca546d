/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.io.ImageSeriesReference;
import org.isocenter.dicom.io.ImageSeriesWriter;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.io.StructureSetWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./isocenter itv} on a synthetic 4D-CT written as DICOM: six phases of a 10 mm sphere breathing along SI
 * (offsets 0, 2, 6, 10, 6, 2 mm: longer near exhale), one RTSTRUCT per phase. The ITV against the union of the
 * circles on each plane (sampled at 0.05 mm), the amplitude and the mid-ventilation phase against the offsets.
 */
class ItvCommandTest {

    static final double[] OFFSETS_MM = { 0, 2, 6, 10, 6, 2 };
    static final double R = 10;
    static final Vector3 CENTRE = new Vector3(1.3, -2.1, -4.4);
    static final VolumeGeometry GRID = VolumeGeometry.axial(40, 40, 30, 2, 2, 2.5, new Vector3(-39, -39, -37.5));
    static final PatientIdentity PATIENT = new PatientIdentity("LUNG-4D", "Phantom^Breathing", "19600101", "F");

    @TempDir
    static Path tmp;
    static Path folder;

    @BeforeAll
    static void writeFourDct() throws Exception {
        folder = tmp.resolve("4dct");
        for (int p = 0; p < OFFSETS_MM.length; p++) {
            String phase = (p * 100 / OFFSETS_MM.length) + "%";
            String seriesUid = "2.25.4400" + p;
            ImageVolumeInfo info = new ImageVolumeInfo(PATIENT, "2.25.4401", seriesUid, "2.25.4402", "CT",
                    PatientPosition.HFS, "20261122", phase);
            short[] v = new short[GRID.voxelCount()];
            Vector3 c = CENTRE.plus(new Vector3(0, 0, OFFSETS_MM[p]));
            for (int k = 0; k < GRID.sizeZ(); k++) {
                for (int j = 0; j < GRID.sizeY(); j++) {
                    for (int i = 0; i < GRID.sizeX(); i++) {
                        v[GRID.linearIndex(i, j, k)] = (short) (GRID.indexToPatient(i, j, k).distanceTo(c) <= R ? 40 : 0);
                    }
                }
            }
            ImageVolume ct = new ImageVolume(GRID, v, 1, 0, "HU", info);
            SeriesAttributes attributes = new SeriesAttributes("20261122", "080000", "4D", "4D-CT", 10 + p, null);
            ImageSeriesReference ref = new ImageSeriesWriter().writeCt(ct, attributes, folder.resolve("phase" + p),
                    ProgressMonitor.NONE);
            List<Contour> contours = new ArrayList<>();
            for (int k = 0; k < GRID.sizeZ(); k++) {
                double z = GRID.indexToPatient(0, 0, k).z(), dz = z - c.z();
                if (Math.abs(dz) < R) {
                    contours.add(circle(c.x(), c.y(), Math.sqrt(R * R - dz * dz), z));
                }
            }
            StructureSet ss = new StructureSet("4D " + phase, PATIENT, "2.25.4402", seriesUid,
                    List.of(new Roi(1, "GTV", new int[] { 255, 0, 0 }, "GTV", contours)));
            new StructureSetWriter().write(ss, ref, attributes, "GTV " + phase, folder.resolve("phase" + p + "-rs.dcm"));
        }
    }

    static Contour circle(double cx, double cy, double r, double z) {
        int n = 256;
        double scale = Math.sqrt(2 * Math.PI / n / Math.sin(2 * Math.PI / n)); // the polygon has the circle's area
        List<Vector3> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            pts.add(new Vector3(cx + r * scale * Math.cos(a), cy + r * scale * Math.sin(a), z));
        }
        return new Contour(ContourGeometry.CLOSED_PLANAR, pts);
    }

    @Test
    void itvIsTheUnionOfThePhasesWithAmplitudeAndMidVentilation() throws Exception {
        Path out = tmp.resolve("itv.dcm");
        CliRunnerTest.Run r = CliRunnerTest.run("itv", "--4dct", folder.toString(), "--structure", "GTV", "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonObject j = r.json();
        // truth: on each plane the union of the phases' circles, area sampled at 0.05 mm, times the slice spacing
        double truth = 0, step = 0.05;
        for (int k = 0; k < GRID.sizeZ(); k++) {
            double z = GRID.indexToPatient(0, 0, k).z();
            long inside = 0;
            for (double y = CENTRE.y() - R; y <= CENTRE.y() + R; y += step) {
                for (double x = CENTRE.x() - R; x <= CENTRE.x() + R; x += step) {
                    for (double o : OFFSETS_MM) {
                        double dz = z - CENTRE.z() - o, rr = R * R - dz * dz;
                        if (rr > 0 && (x - CENTRE.x()) * (x - CENTRE.x()) + (y - CENTRE.y()) * (y - CENTRE.y()) <= rr) {
                            inside++;
                            break;
                        }
                    }
                }
            }
            truth += inside * step * step * 2.5;
        }
        truth /= 1000;
        double itv = j.get("itvVolumeCc").getAsDouble();
        System.out.printf("ITV %.3f cc vs %.3f cc union of circles (%+.2f%%); amplitude SI %.2f mm; mid-ventilation %s%n",
                itv, truth, 100 * (itv / truth - 1), j.getAsJsonObject("amplitudeMm").get("si").getAsDouble(),
                j.get("midVentilationPhase").getAsString());
        assertEquals(truth, itv, 0.01 * truth);
        assertEquals(10, j.getAsJsonObject("amplitudeMm").get("si").getAsDouble(), 0.6);
        assertEquals(0, j.getAsJsonObject("amplitudeMm").get("lr").getAsDouble(), 0.3);
        assertEquals(10 / 3.0, j.getAsJsonObject("respiratoryRandomMm").get("si").getAsDouble(), 0.2);
        // mean offset 4.33 mm: the phases at 6 mm (33% and 66%) are nearest; the first of them is reported
        assertEquals("33%", j.get("midVentilationPhase").getAsString());
        assertEquals(6, j.getAsJsonArray("phases").size());
        StructureSet written = new StructureSetReader().read(out);
        assertEquals("ITV", written.roi("ITV").orElseThrow().interpretedType());
        assertEquals("2.25.44002", written.referencedSeriesInstanceUid(), "written on the mid-ventilation phase");
        if (RegisterCommandTest.onPath("dciodvfy")) {
            assertEquals(List.of(), RegisterCommandTest.dciodvfyErrors(out));
        }
    }

    @Test
    void aFolderWithOnePhaseOrAnUnknownStructureIsRefused() {
        CliRunnerTest.Run one = CliRunnerTest.run("itv", "--4dct", folder.resolve("phase0").toString(), "--structure", "GTV");
        assertEquals(1, one.exitCode());
        assertTrue(one.json().get("error").getAsString().contains("at least 2"), one.stdout());
        CliRunnerTest.Run unknown = CliRunnerTest.run("itv", "--4dct", folder.toString(), "--structure", "CTV");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.json().get("error").getAsString().contains("GTV"), unknown.stdout());
    }
}
