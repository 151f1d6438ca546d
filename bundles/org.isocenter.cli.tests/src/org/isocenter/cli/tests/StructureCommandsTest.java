/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;

import org.isocenter.core.structure.StructureSet;
import org.isocenter.demo.AnalyticShape;
import org.isocenter.demo.DemoPatient;
import org.isocenter.demo.PelvisPhantom;
import org.isocenter.dicom.io.StructureSetReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./isocenter margin} and {@code ./isocenter boolean} on the demo patient: the prostate CTV (an analytic
 * ellipsoid contoured on 2.5 mm slices) grown by 7 mm against the Steiner formula for an ellipsoid plus a ball, a
 * ring and a crop against their parts, the new RT Structure Set read back (all structures kept, dciodvfy clean),
 * and the refusals (taken name, existing file, unknown structure, bad margin).
 */
class StructureCommandsTest {

    @TempDir
    static Path tmp;

    static String planning() {
        return DemoFiles.path(DemoPatient.CT_FOLDER);
    }

    /** V(E + rB) = V + S r + M r^2 + 4/3 pi r^3 with the ellipsoid's area S and integrated mean curvature M. */
    static double steinerVolumeMm3(double a, double b, double c, double r) {
        int nt = 600, np = 1200;
        double s = 0, m = 0;
        for (int i = 0; i < nt; i++) {
            double t = Math.PI * (i + 0.5) / nt;
            for (int j = 0; j < np; j++) {
                double p = 2 * Math.PI * (j + 0.5) / np;
                double x = a * Math.sin(t) * Math.cos(p), y = b * Math.sin(t) * Math.sin(p), z = c * Math.cos(t);
                // |r_t x r_p| for the ellipsoid parametrisation
                double nx = b * c * Math.sin(t) * Math.sin(t) * Math.cos(p), ny = a * c * Math.sin(t) * Math.sin(t) * Math.sin(p),
                        nz = a * b * Math.sin(t) * Math.cos(t);
                double dA = Math.sqrt(nx * nx + ny * ny + nz * nz) * (Math.PI / nt) * (2 * Math.PI / np);
                double h = 1 / Math.sqrt(x * x / Math.pow(a, 4) + y * y / Math.pow(b, 4) + z * z / Math.pow(c, 4));
                double mean = h * h * h * (a * a + b * b + c * c - x * x - y * y - z * z) / (2 * a * a * b * b * c * c);
                s += dA;
                m += mean * dA;
            }
        }
        return 4.0 / 3 * Math.PI * a * b * c + s * r + m * r * r + 4.0 / 3 * Math.PI * r * r * r;
    }

    @Test
    void marginGrowsTheCtvLikeTheSteinerFormulaAndWritesANewStructureSet() throws Exception {
        Path out = tmp.resolve("ptv.dcm");
        CliRunnerTest.Run r = CliRunnerTest.run("margin", "--planning", planning(), "--structure", "CTV_Prostate",
                "--margin", "7", "--name", "PTV_7mm", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonObject j = r.json();
        AnalyticShape.Ellipsoid ctv = (AnalyticShape.Ellipsoid) PelvisPhantom.CTV;
        double truth = steinerVolumeMm3(ctv.a(), ctv.b(), ctv.c(), 7) / 1000;
        double volume = j.getAsJsonObject("result").get("volumeCc").getAsDouble();
        double source = j.getAsJsonObject("source").get("volumeCc").getAsDouble();
        double ctvTruth = 4.0 / 3 * Math.PI * ctv.a() * ctv.b() * ctv.c() / 1000;
        System.out.printf("margin CTV+7: %.2f cc vs %.2f cc Steiner (%+.2f%%); CTV as contoured %.2f cc vs %.2f cc "
                + "(%+.2f%%); %d ms%n", volume, truth, 100 * (volume / truth - 1), source, ctvTruth,
                100 * (source / ctvTruth - 1), j.get("computeMs").getAsLong());
        assertEquals(truth, volume, 0.015 * truth);
        assertEquals("PTV", new StructureSetReader().read(out).roi("PTV_7mm").orElseThrow().interpretedType());
        StructureSet written = new StructureSetReader().read(out);
        assertEquals(PelvisPhantom.STRUCTURES.size() + 1, written.rois().size(), "all structures kept, one added");
        assertEquals(DemoPatient.PLANNING_FRAME_UID, written.frameOfReferenceUid());
        if (RegisterCommandTest.onPath("dciodvfy")) {
            assertEquals(List.of(), RegisterCommandTest.dciodvfyErrors(out));
        }

        CliRunnerTest.Run again = CliRunnerTest.run("margin", "--planning", planning(), "--structure", "CTV_Prostate",
                "--margin", "7", "--name", "PTV_7mm", "--out", out.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.json().get("error").getAsString().contains("exists"), again.stdout());
        CliRunnerTest.Run taken = CliRunnerTest.run("margin", "--planning", planning(), "--structure", "CTV_Prostate",
                "--margin", "7", "--name", "bladder", "--out", tmp.resolve("x.dcm").toString());
        assertEquals(2, taken.exitCode());
        assertTrue(taken.json().get("error").getAsString().contains("exists already"), taken.stdout());
        CliRunnerTest.Run unknown = CliRunnerTest.run("margin", "--planning", planning(), "--structure", "Liver",
                "--margin", "7", "--out", tmp.resolve("y.dcm").toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.json().get("error").getAsString().contains("CTV_Prostate"), "lists what there is");
        CliRunnerTest.Run bad = CliRunnerTest.run("margin", "--planning", planning(), "--structure", "CTV_Prostate",
                "--margin", "5,5,5", "--out", tmp.resolve("z.dcm").toString());
        assertEquals(2, bad.exitCode());
    }

    @Test
    void anisotropicMarginIsReportedPerDirection() throws Exception {
        Path out = tmp.resolve("ptv-aniso.dcm");
        CliRunnerTest.Run r = CliRunnerTest.run("margin", "--planning", planning(), "--structure", "CTV_Prostate",
                "--margin", "5,5,5,3,8,8", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonObject j = r.json();
        JsonObject src = j.getAsJsonObject("source"), res = j.getAsJsonObject("result");
        // bounds move by the margin per direction (R = -x, L = +x, A = -y, P = +y, I = -z, S = +z), within a
        // slice for z (contours sit on the CT's 2.5 mm slices)
        double[] grow = { -5, 5, -5, 3, -8, 8 };
        for (int axis = 0; axis < 2; axis++) {
            assertEquals(src.getAsJsonArray("boundsMinMm").get(axis).getAsDouble() + grow[2 * axis],
                    res.getAsJsonArray("boundsMinMm").get(axis).getAsDouble(), 0.3, "min axis " + axis);
            assertEquals(src.getAsJsonArray("boundsMaxMm").get(axis).getAsDouble() + grow[2 * axis + 1],
                    res.getAsJsonArray("boundsMaxMm").get(axis).getAsDouble(), 0.3, "max axis " + axis);
        }
        assertEquals(src.getAsJsonArray("extentMm").get(2).getAsDouble() + 16,
                res.getAsJsonArray("extentMm").get(2).getAsDouble(), 2.5 + 1e-6);
        assertEquals("CTV_Prostate+margin", res.get("name").getAsString());
    }

    /** The BODY runs the CT's whole length: grown 5 mm inferiorly and superiorly, the CT's ends cut it, and notes say so. */
    @Test
    void marginBeyondTheCtIsReportedInNotes() throws Exception {
        Path out = tmp.resolve("body5.dcm");
        CliRunnerTest.Run r = CliRunnerTest.run("margin", "--planning", planning(), "--structure", "BODY",
                "--margin", "0,0,0,0,5,5", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        String notes = String.valueOf(r.json().get("notes"));
        System.out.println("margin BODY I/S 5 mm notes: " + notes);
        assertTrue(notes.contains("cut inferiorly") && notes.contains("cut superiorly"), notes);
    }

    @Test
    void ringAndCropAreMadeOfTheirParts() throws Exception {
        Path ring = tmp.resolve("ring.dcm"), crop = tmp.resolve("crop.dcm");
        CliRunnerTest.Run r = CliRunnerTest.run("boolean", "--planning", planning(), "--op", "ring", "--a", "CTV_Prostate",
                "--inner", "5", "--outer", "15", "--name", "Ring5-15", "--out", ring.toString());
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        AnalyticShape.Ellipsoid ctv = (AnalyticShape.Ellipsoid) PelvisPhantom.CTV;
        double shell = (steinerVolumeMm3(ctv.a(), ctv.b(), ctv.c(), 15) - steinerVolumeMm3(ctv.a(), ctv.b(), ctv.c(), 5))
                / 1000;
        double volume = r.json().getAsJsonObject("result").get("volumeCc").getAsDouble();
        System.out.printf("ring CTV+15 - CTV+5: %.2f cc vs %.2f cc Steiner (%+.2f%%)%n", volume, shell,
                100 * (volume / shell - 1));
        assertEquals(shell, volume, 0.015 * shell);
        assertEquals("CONTROL", new StructureSetReader().read(ring).roi("Ring5-15").orElseThrow().interpretedType());
        if (RegisterCommandTest.onPath("dciodvfy")) {
            assertEquals(List.of(), RegisterCommandTest.dciodvfyErrors(ring), "boolean output is valid DICOM");
        }

        // the bladder kept 3 mm inside the BODY: it lies well inside, so nothing changes
        CliRunnerTest.Run c = CliRunnerTest.run("boolean", "--planning", planning(), "--op", "crop", "--a", "Bladder",
                "--b", "BODY", "--inset", "3", "--name", "Bladder_in_body", "--out", crop.toString());
        assertEquals(0, c.exitCode(), c.stdout() + c.stderr());
        assertEquals(c.json().getAsJsonObject("a").get("volumeCc").getAsDouble(),
                c.json().getAsJsonObject("result").get("volumeCc").getAsDouble(), 0.01);
        CliRunnerTest.Run sub = CliRunnerTest.run("boolean", "--planning", planning(), "--op", "subtraction", "--a",
                "Bladder", "--b", "CTV_Prostate", "--name", "Bladder-CTV", "--out", tmp.resolve("sub.dcm").toString());
        assertEquals(0, sub.exitCode(), sub.stdout() + sub.stderr());
        assertTrue(sub.json().getAsJsonObject("result").get("volumeCc").getAsDouble()
                <= sub.json().getAsJsonObject("a").get("volumeCc").getAsDouble() + 1e-9);
        CliRunnerTest.Run noB = CliRunnerTest.run("boolean", "--planning", planning(), "--op", "union", "--a", "Bladder",
                "--name", "x", "--out", tmp.resolve("u.dcm").toString());
        assertEquals(2, noB.exitCode());
        CliRunnerTest.Run badOp = CliRunnerTest.run("boolean", "--planning", planning(), "--op", "merge", "--a", "Bladder",
                "--b", "BODY", "--name", "x", "--out", tmp.resolve("v.dcm").toString());
        assertEquals(2, badOp.exitCode());
    }
}
