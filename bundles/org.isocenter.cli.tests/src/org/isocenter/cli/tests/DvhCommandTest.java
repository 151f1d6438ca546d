/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.demo.AnalyticShape;
import org.isocenter.demo.DemoPatient;
import org.isocenter.demo.DemoPlan;
import org.isocenter.demo.PelvisPhantom;
import org.isocenter.dicom.io.ImageSeriesReference;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.StructureSetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./isocenter dvh} on the demo patient written as DICOM: the CTV's volume against the closed form of its
 * contours, its Dmean and D95 against a high-resolution integration of the demo plan's analytic dose over the
 * contoured CTV; BODY, which the 3 mm dose grid does not cover above z = 103 mm, flagged with the exact volume
 * outside; V(x Gy) and D(x cc); the structure set found in a folder by Frame of Reference; the refusals.
 */
class DvhCommandTest {

    /** The demo's CT slices (2.5 mm) and 72-point contours. */
    static final double SLICE_MM = 2.5;
    static final int CONTOUR_POINTS = 72;

    @TempDir
    static Path tmp;

    static String rtstruct() {
        return DemoFiles.path(DemoPatient.RTSTRUCT_FILE);
    }

    static String rtdose() {
        return DemoFiles.path(DemoPatient.RTDOSE_FILE);
    }

    static JsonObject structure(JsonObject out, String name) {
        for (var e : out.getAsJsonArray("structures")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + name + " in " + out);
    }

    /** z (mm) of the planning CT's slices. */
    static double[] sliceZ() {
        double[] z = new double[DemoPatient.PLANNING_GRID.sizeZ()];
        for (int k = 0; k < z.length; k++) {
            z[k] = DemoPatient.PLANNING_GRID.indexToPatient(0, 0, k).z();
        }
        return z;
    }

    /** Area (mm²) of an n-gon inscribed in an ellipse of semi-axes a, b: n/2 a b sin(2π/n). */
    static double polygonArea(double a, double b) {
        return CONTOUR_POINTS / 2.0 * a * b * Math.sin(2 * Math.PI / CONTOUR_POINTS);
    }

    @Test
    void ctvAndBodyMetricsAgainstTheContoursAndTheAnalyticPlanDose() {
        CliRunnerTest.Run r = CliRunnerTest.run("dvh", "--rtstruct", rtstruct(), "--rtdose", rtdose(), "--structure",
                "CTV_Prostate", "--structure", "BODY", "--vx", "70,78", "--dcc", "2", "--curve");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonObject out = r.json();
        assertEquals("GY", out.get("doseUnits").getAsString());
        assertEquals(DemoPatient.PLANNING_FRAME_UID, out.get("frameOfReferenceUid").getAsString());
        assertEquals(0.01, out.get("binWidthGy").getAsDouble(), 0);

        // CTV: the contours are exact sections of the ellipsoid on the CT slices, each a slab of 2.5 mm
        AnalyticShape.Ellipsoid ctv = (AnalyticShape.Ellipsoid) PelvisPhantom.CTV;
        double contoured = 0;
        for (double z : sliceZ()) {
            contoured += ctv.sectionRadii(z).map(s -> polygonArea(s[0], s[1]) * SLICE_MM / 1000).orElse(0.0);
        }
        JsonObject c = structure(out, "CTV_Prostate");
        // (the file holds contour coordinates to 1 µm: 1e-4 of the volume at most)
        assertEquals(contoured, c.get("volumeCc").getAsDouble(), 1e-4 * contoured);
        assertEquals(ctv.volumeCc(), c.get("volumeCc").getAsDouble(), 0.01 * ctv.volumeCc(), "within 1 % of the ellipsoid");
        assertFalse(c.get("partlyOutsideDoseGrid").getAsBoolean());
        double[] reference = ctvReference(ctv);
        double dmean = c.get("DmeanGy").getAsDouble(), d95 = c.get("D95Gy").getAsDouble();
        System.out.printf(Locale.ROOT, "dvh CLI, demo CTV: %.4f cc (contours %.4f, ellipsoid %.4f); Dmean %.3f Gy vs "
                + "reference %.3f (%+.3f%%), D95 %.3f vs %.3f (%+.3f%%); %d ms%n", c.get("volumeCc").getAsDouble(),
                contoured, ctv.volumeCc(), dmean, reference[0], 100 * (dmean / reference[0] - 1), d95, reference[1],
                100 * (d95 / reference[1] - 1), c.get("timeMs").getAsLong());
        assertEquals(reference[0], dmean, 0.005 * reference[0], "Dmean");
        assertEquals(reference[1], d95, 0.01 * reference[1], "D95");
        assertTrue(c.get("D98Gy").getAsDouble() <= d95 && d95 <= c.get("D50Gy").getAsDouble()
                && c.get("D50Gy").getAsDouble() <= c.get("D2Gy").getAsDouble() && c.get("D2Gy").getAsDouble() <= 78.01);

        // V(x Gy) in cc and % of the volume; D(2 cc) between the median and the maximum
        JsonArray v = c.getAsJsonArray("V");
        assertEquals(2, v.size());
        for (var e : v) {
            JsonObject o = e.getAsJsonObject();
            assertEquals(100 * o.get("volumeCc").getAsDouble() / c.get("volumeCc").getAsDouble(),
                    o.get("volumePercent").getAsDouble(), 1e-3);
        }
        assertEquals(70, v.get(0).getAsJsonObject().get("doseGy").getAsDouble(), 0);
        assertEquals(100, v.get(0).getAsJsonObject().get("volumePercent").getAsDouble(), 0.01, "the CTV gets >= 70 Gy");
        double d2cc = c.getAsJsonArray("Dcc").get(0).getAsJsonObject().get("doseGy").getAsDouble();
        assertTrue(d2cc >= c.get("D50Gy").getAsDouble() && d2cc <= c.get("DmaxGy").getAsDouble(), "D2cc " + d2cc);
        JsonArray curve = c.getAsJsonObject("cumulative").getAsJsonArray("volumePercent");
        assertEquals(100, curve.get(0).getAsDouble(), 1e-6);

        // BODY: the dose grid (3 mm, centres up to z = 101.5) ends at z = 103 mm; the body's slabs reach 125 mm
        JsonObject b = structure(out, "BODY");
        double area = polygonArea(175, 120);
        double top = sliceZ()[sliceZ().length - 1] + SLICE_MM / 2;
        double gridTop = DemoPlan.DOSE_GRID.indexToPatient(0, 0, DemoPlan.DOSE_GRID.sizeZ() - 1).z()
                + DemoPlan.DOSE_GRID.spacingZMm() / 2;
        assertTrue(b.get("partlyOutsideDoseGrid").getAsBoolean());
        assertEquals(area * (top - gridTop) / 1000, b.get("outsideDoseGridCc").getAsDouble(), 1e-5 * area * top / 1000);
        assertEquals(area * 2 * top / 1000, b.get("structureVolumeCc").getAsDouble(), 1e-5 * area * top / 1000);
        assertTrue(b.getAsJsonArray("warnings").get(0).getAsString().contains("lies outside the dose grid"), b.toString());
        assertTrue(r.stderr().contains("warning: "), "warnings also go to stderr");
    }

    /**
     * Dmean and D95 of the demo plan's dose over the contoured CTV, by brute force: the dose formula of
     * {@link DemoPlan} (two opposed pairs, each half the prescription inside the CTV + 7 mm with a logistic penumbra of
     * 3 mm, evaluated analytically, not from the grid) at the centres of 0.25 mm cells of the 72-gon slabs.
     */
    static double[] ctvReference(AnalyticShape.Ellipsoid ctv) {
        double h = 0.25, sector = 2 * Math.PI / CONTOUR_POINTS;
        Vector3 c = ctv.centreMm();
        List<Double> doses = new ArrayList<>();
        for (double z : sliceZ()) {
            double[] r = ctv.sectionRadii(z).orElse(null);
            if (r == null) {
                continue;
            }
            for (double zz = z - SLICE_MM / 2 + h / 2; zz < z + SLICE_MM / 2; zz += h) {
                for (double y = c.y() - r[1] + h / 2; y < c.y() + r[1]; y += h) {
                    for (double x = c.x() - r[0] + h / 2; x < c.x() + r[0]; x += h) {
                        // inside the n-gon inscribed in the ellipse: the regular n-gon test in scaled coordinates
                        double u = (x - c.x()) / r[0], w = (y - c.y()) / r[1], theta = Math.atan2(w, u);
                        if (theta < 0) {
                            theta += 2 * Math.PI;
                        }
                        double normal = (Math.floor(theta / sector) + 0.5) * sector;
                        if (Math.hypot(u, w) * Math.cos(theta - normal) <= Math.cos(sector / 2)) {
                            doses.add(planDose(x - c.x(), y - c.y(), zz - c.z(), ctv));
                        }
                    }
                }
            }
        }
        double[] d = doses.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(d);
        return new double[] { Arrays.stream(d).average().orElseThrow(), d[(int) Math.round(0.05 * d.length)] };
    }

    /** The demo's analytic 4-field-box dose (Gy) at an offset (mm) from the isocenter (the CTV centre). */
    static double planDose(double dx, double dy, double dz, AnalyticShape.Ellipsoid ctv) {
        double sup = field(dz, ctv.c() + DemoPlan.FIELD_MARGIN_MM);
        double apPa = field(dx, ctv.a() + DemoPlan.FIELD_MARGIN_MM) * sup;
        double lateral = field(dy, ctv.b() + DemoPlan.FIELD_MARGIN_MM) * sup;
        return DemoPlan.PRESCRIPTION_GY * (apPa + lateral) / 2;
    }

    static double field(double offsetMm, double halfWidthMm) {
        return 1 / (1 + Math.exp((Math.abs(offsetMm) - halfWidthMm) / (DemoPlan.PENUMBRA_MM / 2)));
    }

    @Test
    void findsTheStructureSetInAFolderByFrameOfReferenceAndComputesEveryContouredStructure() {
        CliRunnerTest.Run r = CliRunnerTest.run("dvh", "--structures", DemoFiles.folder().toString(), "--rtdose", rtdose());
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertEquals(6, r.json().getAsJsonArray("structures").size(), r.stdout());
        assertTrue(r.json().get("rtstruct").getAsString().endsWith(DemoPatient.RTSTRUCT_FILE));
        assertTrue(r.json().getAsJsonArray("notes").toString().contains("found in"), r.stdout());
    }

    @Test
    void refusesAnotherFrameOfReferenceAnotherPatientAndUnknownNames() throws Exception {
        StructureSet demoSet = DemoPatient.structureSet();
        SeriesAttributes attributes = new SeriesAttributes("20261124", "120000", "1", "test", 9, "Isocenter");

        String otherFrame = "2.25.123456789";
        StructureSet moved = new StructureSet("MOVED", demoSet.patient(), otherFrame, "2.25.1", demoSet.rois());
        Path movedFile = tmp.resolve("other-frame.dcm");
        new StructureSetWriter().write(moved, new ImageSeriesReference("2.25.2", "2.25.1", otherFrame,
                new Vector3(0, 0, 1), List.of()), attributes, "other frame", movedFile);
        CliRunnerTest.Run frame = CliRunnerTest.run("dvh", "--rtstruct", movedFile.toString(), "--rtdose", rtdose(),
                "--structure", "CTV_Prostate");
        assertEquals(1, frame.exitCode(), frame.stdout());
        assertTrue(frame.json().get("error").getAsString().contains("Frame of Reference " + otherFrame)
                && frame.json().get("error").getAsString().contains(DemoPatient.PLANNING_FRAME_UID), frame.stdout());

        StructureSet stranger = new StructureSet("STRANGER", new PatientIdentity("SOMEONE-ELSE", "OTHER^PATIENT", "", "F"),
                demoSet.frameOfReferenceUid(), "2.25.3", demoSet.rois());
        Path strangerFile = tmp.resolve("other-patient.dcm");
        new StructureSetWriter().write(stranger, new ImageSeriesReference("2.25.4", "2.25.3",
                demoSet.frameOfReferenceUid(), new Vector3(0, 0, 1), List.of()), attributes, "other patient", strangerFile);
        CliRunnerTest.Run patient = CliRunnerTest.run("dvh", "--rtstruct", strangerFile.toString(), "--rtdose", rtdose());
        assertEquals(1, patient.exitCode(), patient.stdout());
        assertTrue(patient.json().get("error").getAsString().contains("Patient ID"), patient.stdout());

        CliRunnerTest.Run unknown = CliRunnerTest.run("dvh", "--rtstruct", rtstruct(), "--rtdose", rtdose(),
                "--structure", "PTV_Lung");
        assertEquals(2, unknown.exitCode(), unknown.stdout());
        assertTrue(unknown.json().get("error").getAsString().contains("CTV_Prostate"), unknown.stdout());

        CliRunnerTest.Run noDose = CliRunnerTest.run("dvh", "--rtstruct", rtstruct());
        assertEquals(2, noDose.exitCode());
        assertTrue(noDose.json().get("error").getAsString().contains("--rtdose"), noDose.stdout());
        CliRunnerTest.Run badVx = CliRunnerTest.run("dvh", "--rtstruct", rtstruct(), "--rtdose", rtdose(), "--vx", "20,x");
        assertEquals(2, badVx.exitCode());
    }
}
