/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.isocenter.cli.internal.CliRunner;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.demo.AnalyticShape;
import org.isocenter.demo.DailyImageSpec;
import org.isocenter.demo.DemoPatient;
import org.isocenter.demo.PelvisPhantom;
import org.isocenter.dicom.io.DicomUids;
import org.isocenter.dicom.io.ImageSeriesReference;
import org.isocenter.dicom.io.ImageSeriesWriter;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.SpatialRegistrationReader;
import org.isocenter.dicom.io.StructureSetWriter;
import org.isocenter.registration.CorrectionLimits;
import org.isocenter.registration.CouchCorrection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./isocenter register} on the demo patient written as DICOM: the matrix against the demo's known set-up
 * errors (target registration error at the CTV centre and the corners of a 10 cm box around it), the couch
 * correction against {@link CouchCorrection#sixDof} of the truth, 3-DOF, bony then soft-tissue on a daily image
 * whose prostate, bladder and rectum moved relative to the bones, the Spatial Registration written and read back,
 * and the refusals.
 */
class RegisterCommandTest {

    static final Vector3 CTV = ((AnalyticShape.Ellipsoid) PelvisPhantom.CTV).centreMm();
    /**
     * The default bony match box margin (mm, as the region description prints it): the CTV's bounding box + 80 mm
     * reaches pubis, sacrum and femoral heads (0.4 mm / 0.1 deg); 50 mm held almost no bone (1.1-2.3 mm).
     */
    static final String BOX_MARGIN = "80";

    @TempDir
    static Path tmp;

    static String planning() {
        return DemoFiles.path(DemoPatient.CT_FOLDER);
    }

    static String daily(int fraction) {
        return DemoFiles.path(DemoPatient.dailyFolder(fraction));
    }

    static RigidTransform matrix(JsonObject o) {
        JsonArray a = o.getAsJsonArray("matrix");
        double[] m = new double[16];
        for (int i = 0; i < 16; i++) {
            m[i] = a.get(i).getAsDouble();
        }
        return new RigidTransform(o.has("fromFrameOfReference") ? o.get("fromFrameOfReference").getAsString() : "from",
                o.has("toFrameOfReference") ? o.get("toFrameOfReference").getAsString() : "to", m);
    }

    /** Largest distance between estimated and true positions of the CTV centre and the 10 cm box corners (mm). */
    static double worstTargetError(RigidTransform estimate, RigidTransform truth) {
        return estimate.worstDistanceAround(truth, CTV, 50);
    }

    static Vector3 vector(JsonArray a) {
        return new Vector3(a.get(0).getAsDouble(), a.get(1).getAsDouble(), a.get(2).getAsDouble());
    }

    @Test
    void fractionOneMatchesTheTruthWithTheCouchCorrectionAndTheSpatialRegistrationReadsBack() throws Exception {
        DailyImageSpec spec = DemoPatient.DAILY_IMAGES.get(0);
        RigidTransform truth = DemoPatient.planningToDaily(spec);
        Path sro = tmp.resolve("out").resolve("fx01-reg.dcm");
        CliRunnerTest.Run r = CliRunnerTest.run("register", "--planning", planning(), "--daily", daily(1), "--sro",
                sro.toString());
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonObject j = r.json();
        RigidTransform found = matrix(j);
        double tre = worstTargetError(found, truth);
        System.out.printf("register fx1: TRE %.3f mm, rotation error %.3f deg, %s %.4f, %d ms registration, %d ms wall%n",
                tre, found.then(truth.inverse()).rotationAngleDegrees(), j.get("metric").getAsString(),
                j.get("metricValue").getAsDouble(), j.get("registrationMs").getAsLong(), j.get("wallTimeMs").getAsLong());
        assertTrue(tre <= 0.6, "target registration error " + tre + " mm");

        assertEquals(DemoPatient.PLANNING_FRAME_UID, j.get("fromFrameOfReference").getAsString());
        assertEquals(DemoPatient.dailyFrameUid(1), j.get("toFrameOfReference").getAsString());
        assertEquals("planning CT frame " + DemoPatient.PLANNING_FRAME_UID + " (LPS mm) -> daily frame "
                + DemoPatient.dailyFrameUid(1) + " (LPS mm)", j.get("maps").getAsString());
        assertEquals("bony", j.get("finalMatch").getAsString());
        assertEquals("mi", j.get("metric").getAsString());
        assertEquals("rigid-intensity", j.get("algorithm").getAsString(), "the clinic's default algorithm");
        assertEquals(60, j.getAsJsonObject("algorithmParameters").get("searchTranslationMm").getAsDouble(),
                "the values it ran with, defaults included: " + j.get("algorithmParameters"));
        // the box reaches past the 250 mm field of view: a quarter of its samples fall outside the daily image
        assertTrue(j.get("overlap").getAsDouble() > 0.5 && j.get("evaluations").getAsInt() > 0, r.stdout());

        // the isocenter comes from the plan found beside the planning CT (the CTV centre), HFS from its patient setup
        assertEquals(0, vector(j.getAsJsonArray("isocenterMm")).distanceTo(CTV), 1e-6);
        assertTrue(j.get("isocenterSource").getAsString().contains(DemoPatient.RTPLAN_FILE), r.stdout());
        assertTrue(j.get("rtstruct").getAsString().contains(DemoPatient.RTSTRUCT_FILE));
        assertTrue(j.get("region").getAsString().contains("CTV_Prostate + " + BOX_MARGIN + " mm"), r.stdout());
        double[] euler = found.eulerDegreesAbout(CTV);
        for (int i = 0; i < 3; i++) {
            assertEquals(euler[i], j.getAsJsonArray("rotationDeg").get(i).getAsDouble(), 1e-3);
            assertEquals(euler[3 + i], j.getAsJsonArray("translationMm").get(i).getAsDouble(), 1e-3);
        }

        CouchCorrection expected = CouchCorrection.sixDof(truth, CTV, CTV, PatientPosition.HFS, CorrectionLimits.DEFAULT);
        JsonObject c = j.getAsJsonObject("couchCorrection");
        assertEquals("HFS", c.get("position").getAsString());
        assertEquals(expected.lateralMm(), c.get("lateralMm").getAsDouble(), 0.6);
        assertEquals(expected.longitudinalMm(), c.get("longitudinalMm").getAsDouble(), 0.6);
        assertEquals(expected.verticalMm(), c.get("verticalMm").getAsDouble(), 0.6);
        assertEquals(expected.pitchDeg(), c.get("pitchDeg").getAsDouble(), 0.2);
        assertEquals(expected.rollDeg(), c.get("rollDeg").getAsDouble(), 0.2);
        assertEquals(expected.yawDeg(), c.get("yawDeg").getAsDouble(), 0.2);
        assertEquals(expected.status().name(), c.get("status").getAsString()); // 4.1 mm: APPLY
        assertTrue(c.get("fromMatch").getAsString().startsWith("bony"));
        assertTrue(r.stderr().contains("couch correction (IEC 61217") && r.stderr().contains("longitudinal"), r.stderr());

        // the Spatial Registration (AcceptedRegistration's convention): in the planning CT's frame, the daily frame
        // mapped into it by the inverse of the match, the planning frame by identity; read back through the same code
        assertEquals(sro.toString(), j.get("sro").getAsString());
        SpatialRegistration reg = new SpatialRegistrationReader().read(sro);
        assertEquals(DemoPatient.PLANNING_FRAME_UID, reg.frameOfReferenceUid());
        assertEquals(DemoPatient.PATIENT.patientId(), reg.patient().patientId());
        RigidTransform dailyToPlanning = reg.transformFrom(DemoPatient.dailyFrameUid(1)).orElseThrow();
        assertArrayEquals(found.inverse().toRowMajorArray(), dailyToPlanning.toRowMajorArray(), 1e-6);
        assertArrayEquals(RigidTransform.identity(DemoPatient.PLANNING_FRAME_UID, DemoPatient.PLANNING_FRAME_UID)
                .toRowMajorArray(), reg.transformFrom(DemoPatient.PLANNING_FRAME_UID).orElseThrow().toRowMajorArray(), 1e-9,
                "the planning CT's own frame is listed with identity");
        RigidTransform back = org.isocenter.igrt.AcceptedRegistration.planningToDaily(reg, DemoPatient.PLANNING_FRAME_UID,
                DemoPatient.dailyFrameUid(1)).orElseThrow();
        assertArrayEquals(found.toRowMajorArray(), back.toRowMajorArray(), 1e-6);
        if (onPath("dciodvfy")) {
            assertEquals(List.of(), dciodvfyErrors(sro));
        }
        CliRunnerTest.Run again = CliRunnerTest.run("register", "--planning", planning(), "--daily", daily(1), "--sro", sro.toString());
        assertEquals(2, again.exitCode(), "an existing --sro file is not overwritten");
        assertTrue(again.json().get("error").getAsString().contains("exists"), again.stdout());
    }

    @Test
    void threeDegreesOfFreedomGiveZeroRotationsAndReportTheResidual() {
        DailyImageSpec spec = DemoPatient.DAILY_IMAGES.get(1); // rotated by (1, -0.5, 1.5) deg
        CliRunnerTest.Run r = CliRunnerTest.run("register", "--planning", planning(), "--daily", daily(2), "--dof", "3");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonObject j = r.json();
        assertEquals(3, j.get("dof").getAsInt());
        assertEquals(0, matrix(j).rotationAngleDegrees(), 1e-9);
        JsonObject c = j.getAsJsonObject("couchCorrection");
        for (String k : List.of("pitchDeg", "rollDeg", "yawDeg")) {
            assertEquals(0, c.get(k).getAsDouble(), 0, k);
        }
        // the translation-only match aligns the region, so the CTV centre lands within a millimetre or so
        RigidTransform truth = DemoPatient.planningToDaily(spec);
        double atCtv = matrix(j).apply(CTV).distanceTo(truth.apply(CTV));
        JsonObject rotation = j.getAsJsonObject("uncorrectedRotation");
        double angle = rotation.get("rotationAngleDeg").getAsDouble();
        System.out.printf("register fx2 --dof 3: error at the CTV centre %.3f mm, uncorrected rotation %.2f deg (true "
                + "%.2f)%n", atCtv, angle, truth.rotationAngleDegrees());
        assertTrue(atCtv <= 1.5, "translation-only error at the CTV centre " + atCtv + " mm");
        assertEquals(truth.rotationAngleDegrees(), angle, 0.2);
        assertTrue(rotation.get("residual").getAsString().startsWith("3-DOF couch"), rotation.toString());
        assertTrue(c.getAsJsonArray("messages").toString().contains("residual error up to"), c.toString());
    }

    /**
     * The prostate, bladder and rectum moved 6.7 mm relative to the bones (bones as fraction 2: 8.4 mm, 1.9 deg): the
     * bony match lands on the bones, the soft-tissue match on the target, and the difference is reported. The demo
     * prostate differs from muscle by 8 HU under 25 HU noise, so the soft-tissue region is the CTV + 20 mm (bladder
     * and rectal gas interfaces): measured 0.7 mm at the target, against 1.7 mm with + 15 mm and 2.8 mm with + 10 mm.
     * The moved organs (and their gas) inside the bony box pull the bony match by a few tenths of a millimetre.
     */
    /**
     * The demo's daily images have no organ motion, so the soft-tissue match must agree with the truth of the bones:
     * with the default region (CTV + 20 mm) within 1 mm at the target and not flagged; with the CTV + 10 mm (the
     * prostate differs from muscle by 8 HU under 25 HU noise) the match is poorly determined, and says so.
     */
    @Test
    void softTissueMatchIsAccurateOnTheDemoAndReportsItsRepeatability() throws Exception {
        RigidTransform truth = DemoPatient.planningToDaily(DemoPatient.DAILY_IMAGES.get(0));
        CliRunnerTest.Run r = CliRunnerTest.run("register", "--planning", planning(), "--daily",
                DemoFiles.path(DemoPatient.dailyFolder(1)), "--roi", "CTV_Prostate");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonObject soft = r.json().getAsJsonObject("softTissue");
        double error = matrix(soft).apply(CTV).distanceTo(truth.apply(CTV));
        JsonObject rep = soft.getAsJsonObject("repeatabilityMm");
        System.out.printf("register fx1 soft tissue (CTV + 20 mm): error at the target %.2f mm, repeatability %s%n", error,
                rep);
        assertEquals("CTV_Prostate + 20 mm", r.json().get("region").getAsString());
        assertTrue(error <= 1.0, "soft-tissue error " + error + " mm");
        assertFalse(soft.get("uncertain").getAsBoolean(), soft.toString());
        CliRunnerTest.Run small = CliRunnerTest.run("register", "--planning", planning(), "--daily",
                DemoFiles.path(DemoPatient.dailyFolder(1)), "--roi", "CTV_Prostate", "--roi-margin", "10");
        JsonObject soft10 = small.json().getAsJsonObject("softTissue");
        double error10 = matrix(soft10).apply(CTV).distanceTo(truth.apply(CTV));
        System.out.printf("register fx1 soft tissue (CTV + 10 mm): error at the target %.2f mm, repeatability %s%n",
                error10, soft10.getAsJsonObject("repeatabilityMm"));
        assertTrue(soft10.get("uncertain").getAsBoolean(), "the poorly determined match is flagged: " + soft10);
        assertTrue(small.json().getAsJsonObject("couchCorrection").getAsJsonArray("messages").toString()
                .contains("soft-tissue uncertain match"), small.stdout());
    }

    @Test
    void softTissueMatchLandsOnTheTargetAndBonyOnTheBonesWhenTheTargetMoved() throws Exception {
        DailyImageSpec bones = DemoPatient.DAILY_IMAGES.get(1);
        Vector3 organShift = new Vector3(2, -4, 5); // planning frame: anterior, superior and to the left
        String frame = DicomUids.derived("cli-test", "frame", "moved-target");
        RigidTransform bonesTruth = RigidTransform.fromEulerDegrees(DemoPatient.PLANNING_FRAME_UID, frame,
                bones.rotationDeg().x(), bones.rotationDeg().y(), bones.rotationDeg().z(), CTV, bones.translationMm());
        Path folder = tmp.resolve("moved-target");
        new ImageSeriesWriter().writeCt(movedTargetImage(bonesTruth, organShift), new SeriesAttributes("20261112", "080000",
                "T", "moved target", 1, null), folder, ProgressMonitor.NONE);

        CliRunnerTest.Run r = CliRunnerTest.run("register", "--planning", planning(), "--daily", folder.toString(), "--roi", "CTV_Prostate",
                "--roi-margin", "20");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonObject j = r.json();
        RigidTransform bony = matrix(j.getAsJsonObject("bony")), soft = matrix(j.getAsJsonObject("softTissue"));
        Vector3 targetTruth = bonesTruth.apply(CTV.plus(organShift));
        double bonyError = worstTargetError(bony, bonesTruth);
        double softError = soft.apply(CTV).distanceTo(targetTruth);
        Vector3 expected = targetTruth.minus(bonesTruth.apply(CTV));
        JsonObject d = j.getAsJsonObject("differenceAtTargetMm");
        Vector3 reported = vector(d.getAsJsonArray("lps"));
        System.out.printf("register moved target: bony TRE %.3f mm, soft-tissue error at the target %.3f mm, difference %s "
                + "(true %s), %d ms registration%n", bonyError, softError, reported, expected,
                j.get("registrationMs").getAsLong());
        assertTrue(bonyError <= 1.0, "bony match error " + bonyError + " mm");
        assertTrue(softError <= 1.5, "soft-tissue match error at the target " + softError + " mm");
        assertTrue(reported.distanceTo(expected) <= 2.0, "difference " + reported + " vs " + expected);
        // and not the other way round: each match is far from the other's truth
        assertTrue(bony.apply(CTV).distanceTo(targetTruth) >= 5, "the bony match follows the target");
        assertTrue(soft.apply(CTV).distanceTo(bonesTruth.apply(CTV)) >= 5, "the soft-tissue match follows the bones");
        assertEquals("softTissue", j.get("finalMatch").getAsString());
        assertEquals("CTV_Prostate + 20 mm", j.get("region").getAsString());
        assertEquals("nc", j.getAsJsonObject("softTissue").get("metric").getAsString());
        assertEquals("mi", j.getAsJsonObject("bony").get("metric").getAsString());
        assertEquals(0, soft.then(bony.inverse()).rotationAngleDegrees(), 1e-4, "soft tissue keeps the bony rotation");
        // HFS: IEC X = patient left (+x), Y = superior (+z), Z = anterior (-y)
        JsonObject iec = d.getAsJsonObject("iec");
        assertEquals(reported.x(), iec.get("lateral").getAsDouble(), 1e-3);
        assertEquals(reported.z(), iec.get("longitudinal").getAsDouble(), 1e-3);
        assertEquals(-reported.y(), iec.get("vertical").getAsDouble(), 1e-3);
        // the couch correction printed is the soft-tissue one
        CouchCorrection expectedCouch = CouchCorrection.sixDof(soft, CTV, CTV, PatientPosition.HFS,
                CorrectionLimits.DEFAULT);
        JsonObject c = j.getAsJsonObject("couchCorrection");
        assertEquals(expectedCouch.longitudinalMm(), c.get("longitudinalMm").getAsDouble(), 1e-3);
        assertTrue(c.get("fromMatch").getAsString().startsWith("soft-tissue"), c.toString());
        assertTrue(r.stderr().contains("soft tissue - bony at the CTV_Prostate centre"), r.stderr());
    }

    @Test
    void anAlgorithmThatIsNotInstalledIsAUsageErrorNamingTheInstalledOnesBeforeAnyReading() {
        CliRunnerTest.Run r = CliRunnerTest.run("register", "--planning", planning(), "--daily", daily(1),
                "--algorithm", "vendor.deformable");
        assertEquals(2, r.exitCode(), r.stdout());
        String error = r.json().get("error").getAsString();
        assertTrue(error.contains("--algorithm: registration algorithm 'vendor.deformable' is not installed")
                && error.contains("installed: rigid-intensity"), error);
        assertFalse(r.stderr().contains("Reading the planning CT"), "refused before reading: " + r.stderr());
    }

    @Test
    void aParameterTheAlgorithmDoesNotTakeIsAUsageErrorListingTheOnesItTakesBeforeAnyReading() {
        CliRunnerTest.Run r = CliRunnerTest.run("register", "--planning", planning(), "--daily", daily(1),
                "--param", "iterations=5");
        assertEquals(2, r.exitCode(), r.stdout());
        String error = r.json().get("error").getAsString();
        assertTrue(error.startsWith("--param: registration algorithm 'rigid-intensity' has no parameter 'iterations'")
                && error.contains("searchTranslationMm (Translation search range, 2..150 mm, default 60)"), error);
        assertFalse(r.stderr().contains("Reading the planning CT"), "refused before reading: " + r.stderr());
        r = CliRunnerTest.run("register", "--planning", planning(), "--daily", daily(1), "--param", "sampleScale=100");
        assertEquals(2, r.exitCode(), r.stdout());
        assertTrue(r.json().get("error").getAsString().contains("within 0.25..8"), r.stdout());
    }

    /** A parameter given on the command line is the one the match runs with: a 2 mm search cannot reach 4.1 mm. */
    @Test
    void aParameterGivenIsTheOneTheMatchRunsWith() {
        CliRunnerTest.Run r = CliRunnerTest.run("register", "--planning", planning(), "--daily", daily(1), "--dof", "3",
                "--match", "bone", "--param", "searchTranslationMm=2");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonObject j = r.json();
        assertEquals(2, j.getAsJsonObject("algorithmParameters").get("searchTranslationMm").getAsDouble());
        double tre = worstTargetError(matrix(j), DemoPatient.planningToDaily(DemoPatient.DAILY_IMAGES.get(0)));
        assertTrue(tre > 1, "held within 2 mm per axis, the 4.1 mm shift is not reached: " + tre + " mm");
    }

    @Test
    void missingPlanningFolderIsAUsageError() {
        CliRunnerTest.Run r = CliRunnerTest.run("register", "--daily", daily(1));
        assertEquals(2, r.exitCode());
        assertTrue(r.json().get("error").getAsString().contains("--planning"), r.stdout());
        assertTrue(r.stderr().contains("usage: ./isocenter register --planning"), r.stderr());
    }

    @Test
    void aDailyImageOfAnotherPatientIsRefusedNamingBothPatients() throws Exception {
        PatientIdentity other = new PatientIdentity("OTHER-042", "OTHER^PATIENT", "19600101", "F");
        VolumeGeometry g = VolumeGeometry.axial(32, 32, 8, 4, 4, 5, new Vector3(-62, -54, -40));
        short[] voxels = new short[g.voxelCount()];
        java.util.Arrays.fill(voxels, (short) 40);
        ImageVolume image = new ImageVolume(g, voxels, 1, 0, "HU", new ImageVolumeInfo(other,
                DicomUids.derived("cli-test", "study", "other"), DicomUids.derived("cli-test", "series", "other"),
                DicomUids.derived("cli-test", "frame", "other"), "CT", PatientPosition.HFS, "20261110", "other patient"));
        Path folder = tmp.resolve("other-patient");
        new ImageSeriesWriter().writeCt(image, new SeriesAttributes("20261110", "080000", "O", "other", 1, null), folder,
                ProgressMonitor.NONE);
        CliRunnerTest.Run r = CliRunnerTest.run("register", "--planning", planning(), "--daily", folder.toString());
        assertEquals(1, r.exitCode(), r.stdout());
        String error = r.json().get("error").getAsString();
        assertTrue(error.contains(DemoPatient.PATIENT.patientId()) && error.contains("OTHER-042"), error);
        assertTrue(error.contains("different patients"), error);
    }

    @Test
    void aFolderWithSeveralImageSeriesIsRefusedNamingTheFolder() throws Exception {
        CliRunnerTest.Run r = CliRunnerTest.run("register", "--planning", DemoFiles.folder().toString(), "--daily", daily(1));
        assertEquals(1, r.exitCode(), r.stdout());
        String error = r.json().get("error").getAsString();
        assertTrue(error.contains(DemoFiles.folder().toString()) && error.contains("11 image series"), error);
        Path none = tmp.resolve("empty-folder");
        Files.createDirectories(none);
        CliRunnerTest.Run empty = CliRunnerTest.run("register", "--planning", planning(), "--daily", none.toString());
        assertEquals(1, empty.exitCode(), empty.stdout());
        assertTrue(empty.json().get("error").getAsString().contains(none + " holds no readable image series"), empty.stdout());
        CliRunnerTest.Run missing = CliRunnerTest.run("register", "--planning", planning(), "--daily", tmp.resolve("nowhere").toString());
        assertEquals(2, missing.exitCode(), missing.stdout());
        assertTrue(missing.json().get("error").getAsString().contains("nowhere"), missing.stdout());
    }

    @Test
    void aStructureSetInAnotherFrameOfReferenceIsRefusedAndAnUnknownRoiNamesTheKnownOnes() throws Exception {
        String otherFrame = DemoPatient.dailyFrameUid(1);
        StructureSet moved = new StructureSet("ELSEWHERE", DemoPatient.PATIENT, otherFrame,
                DemoPatient.dailySeriesUid(1), DemoPatient.structureSet().rois());
        Path file = tmp.resolve("rtstruct-other-frame.dcm");
        new StructureSetWriter().write(moved, new ImageSeriesReference(DemoPatient.dailyStudyUid(1),
                DemoPatient.dailySeriesUid(1), otherFrame, new Vector3(0, 0, 1), List.of()),
                new SeriesAttributes("20261109", "080000", "1", "x", 9, null), "other frame", file);
        CliRunnerTest.Run r = CliRunnerTest.run("register", "--planning", planning(), "--daily", daily(1), "--rtstruct", file.toString());
        assertEquals(1, r.exitCode(), r.stdout());
        String error = r.json().get("error").getAsString();
        assertTrue(error.contains("Frame of Reference " + otherFrame) && error.contains(DemoPatient.PLANNING_FRAME_UID),
                error);

        CliRunnerTest.Run roi = CliRunnerTest.run("register", "--planning", planning(), "--daily", daily(1), "--roi", "Prostate");
        assertEquals(2, roi.exitCode(), roi.stdout());
        assertTrue(roi.json().get("error").getAsString().contains("CTV_Prostate, Bladder"), roi.stdout());
    }

    /**
     * The demo daily image (gain, offset, cupping, noise, 250 mm field of view) with the bones placed by {@code bones}
     * and the prostate, bladder and rectum (with its gas) moved by {@code organShift} (planning frame, mm) first.
     */
    static ImageVolume movedTargetImage(RigidTransform bones, Vector3 organShift) {
        Set<String> organs = Set.of("prostate", "bladder", "rectal wall", "rectal gas");
        VolumeGeometry g = DemoPatient.DAILY_GRID;
        RigidTransform dailyToPlanning = bones.inverse();
        Random noise = new Random(4242);
        Vector3 axis = g.indexToPatient((g.sizeX() - 1) / 2.0, (g.sizeY() - 1) / 2.0, 0);
        short[] voxels = new short[g.voxelCount()];
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    Vector3 q = g.indexToPatient(i, j, k);
                    double r = Math.hypot(q.x() - axis.x(), q.y() - axis.y());
                    double value = PelvisPhantom.AIR_HU;
                    if (r <= DemoPatient.DAILY_FOV_RADIUS_MM) {
                        Vector3 p = dailyToPlanning.apply(q), o = p.minus(organShift);
                        double hu = PelvisPhantom.AIR_HU;
                        for (PelvisPhantom.Tissue t : PelvisPhantom.TISSUES) {
                            Vector3 at = organs.contains(t.name()) ? o : p;
                            if (t.shape().contains(at.x(), at.y(), at.z())) {
                                hu = t.hu();
                            }
                        }
                        double rel = r / DemoPatient.DAILY_FOV_RADIUS_MM;
                        value = 0.92 * hu - 20 + (hu > -500 ? -60 * (1 - rel * rel) : 0) + 25 * noise.nextGaussian();
                    }
                    voxels[g.linearIndex(i, j, k)] = (short) Math.max(-1024, Math.min(3071, Math.round(value)));
                }
            }
        }
        ImageVolumeInfo info = new ImageVolumeInfo(DemoPatient.PATIENT, DicomUids.derived("cli-test", "study", "moved"),
                DicomUids.derived("cli-test", "series", "moved"), bones.toFrameUid(), "CT", PatientPosition.HFS, "20261112",
                "CBCT target moved");
        return new ImageVolume(g, voxels, 1, 0, "HU", info);
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** dciodvfy's error lines for a file, as the DICOM tests read them ({@code dciodvfy -new}, lines starting "Error"). */
    static List<String> dciodvfyErrors(Path file) throws Exception {
        Process p = new ProcessBuilder(List.of("dciodvfy", "-new", file.toString())).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("dciodvfy timed out on " + file);
        }
        List<String> errors = new ArrayList<>();
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("Error")) {
                errors.add(line);
            }
        }
        return errors;
    }
}
