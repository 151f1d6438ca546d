/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.demo.DemoPatient;
import org.isocenter.demo.DemoPlan;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.Decision;
import org.isocenter.igrt.DecisionRequest;
import org.isocenter.igrt.Patient;
import org.isocenter.igrt.Plan;
import org.isocenter.igrt.Prescription;
import org.isocenter.igrt.RecordStore;
import org.isocenter.igrt.RecordStores;
import org.isocenter.igrt.TableTopCorrection;
import org.isocenter.margin.FractionLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * {@code register --record} and {@code course list | show | export | import} on the demo patient, in an embedded
 * record store: what {@code course show} lists is the couch correction {@code register} printed (to its 0.01); the
 * set-up error statistics against the demo's known set-up errors; re-recording a daily image supersedes its fraction;
 * a log import is idempotent; an unknown patient is an error.
 */
class CourseCommandTest {

    @TempDir
    Path tmp;

    private String db(String name) {
        return "jdbc:h2:file:" + tmp.resolve(name).toAbsolutePath();
    }

    private static JsonObject ok(CliRunnerTest.Run r) {
        assertEquals(0, r.exitCode(), r.stderr());
        return r.json();
    }

    @Test
    void recordedFractionsAreShownAsRegisteredWithTheSetupErrorOfTheTruth() throws Exception {
        String db = db("course");
        List<JsonObject> registered = new ArrayList<>();
        for (int fraction = 1; fraction <= 2; fraction++) {
            JsonObject j = ok(CliRunnerTest.run("register", "--planning", RegisterCommandTest.planning(), "--daily",
                    RegisterCommandTest.daily(fraction), "--record", "--db", db, "--user", "alice"));
            JsonObject rec = j.getAsJsonObject("record");
            assertEquals(fraction, rec.get("fraction").getAsInt(), "the next fraction of the course");
            assertEquals("alice", rec.get("user").getAsString());
            registered.add(j);
        }
        JsonObject show = ok(CliRunnerTest.run("course", "show", "--patient", DemoPatient.PATIENT.patientId(), "--db", db));
        assertEquals(DemoPatient.PATIENT.patientId(), show.get("patientId").getAsString());
        JsonArray fractions = show.getAsJsonArray("fractions");
        assertEquals(2, fractions.size());
        List<Vector3> setupErrors = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonObject f = fractions.get(i).getAsJsonObject();
            JsonObject reg = registered.get(i);
            JsonObject printed = reg.getAsJsonObject("couchCorrection"), stored = f.getAsJsonObject("couchCorrection");
            for (String key : List.of("lateralMm", "longitudinalMm", "verticalMm", "pitchDeg", "rollDeg", "yawDeg")) {
                // register prints 0.01 mm / deg; the store keeps the full value
                assertEquals(printed.get(key).getAsDouble(), stored.get(key).getAsDouble(), 0.0050001, key + " as registered");
            }
            assertEquals(printed.get("status").getAsString(), f.get("status").getAsString());
            assertEquals(reg.getAsJsonObject("daily").get("seriesInstanceUid").getAsString(),
                    f.get("seriesInstanceUid").getAsString());
            String expected = printed.get("status").getAsString().equals("REFUSED") ? "REJECTED" : "ACCEPTED";
            assertEquals(expected, f.get("decision").getAsString());
            assertEquals("alice", f.get("user").getAsString());
            assertTrue(f.get("time").getAsString().endsWith("Z"), "UTC time");
            if (expected.equals("ACCEPTED")) { // the truth: where the isocenter moved (LPS = lr, ap, si), demo truth
                JsonArray iso = reg.getAsJsonArray("isocenterMm");
                Vector3 c = new Vector3(iso.get(0).getAsDouble(), iso.get(1).getAsDouble(), iso.get(2).getAsDouble());
                setupErrors.add(DemoPatient.planningToDaily(DemoPatient.DAILY_IMAGES.get(i)).apply(c).minus(c));
            }
        }
        assertTrue(!setupErrors.isEmpty(), "at least one fraction accepted");
        JsonObject sys = show.getAsJsonObject("systematicMm");
        double[] mean = new double[3];
        for (Vector3 e : setupErrors) {
            mean[0] += e.x() / setupErrors.size();
            mean[1] += e.y() / setupErrors.size();
            mean[2] += e.z() / setupErrors.size();
        }
        assertEquals(mean[0], sys.get("lr").getAsDouble(), 1.0, "systematic LR against the demo truth");
        assertEquals(mean[1], sys.get("ap").getAsDouble(), 1.0, "systematic AP");
        assertEquals(mean[2], sys.get("si").getAsDouble(), 1.0, "systematic SI");
        assertTrue(show.has("randomMm"), "the key is there (null below two accepted fractions)");

        // the same daily image again: its fraction, superseding the first decision
        JsonObject again = ok(CliRunnerTest.run("register", "--planning", RegisterCommandTest.planning(), "--daily",
                RegisterCommandTest.daily(1), "--record", "--db", db, "--user", "bob", "--decision", "reimage"));
        assertEquals(1, again.getAsJsonObject("record").get("fraction").getAsInt());
        assertTrue(again.getAsJsonObject("record").has("supersedes"));
        JsonObject after = ok(CliRunnerTest.run("course", "show", "--patient", DemoPatient.PATIENT.patientId(), "--db", db));
        assertEquals(2, after.getAsJsonArray("fractions").size());
        assertEquals("REIMAGE", after.getAsJsonArray("fractions").get(0).getAsJsonObject().get("decision").getAsString());
        assertEquals("bob", after.getAsJsonArray("fractions").get(0).getAsJsonObject().get("user").getAsString());

        JsonObject list = ok(CliRunnerTest.run("course", "list", "--db", db));
        assertEquals(1, list.getAsJsonArray("courses").size());
        assertEquals(2, list.getAsJsonArray("courses").get(0).getAsJsonObject().get("fractionsRecorded").getAsInt());

        Path csv = tmp.resolve("course.csv");
        JsonObject export = ok(CliRunnerTest.run("course", "export", "--patient", DemoPatient.PATIENT.patientId(), "--csv",
                csv.toString(), "--db", db));
        assertEquals(3, export.get("decisions").getAsInt(), "every decision, the superseded one too");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(1 + 3, lines.size(), "header and three decisions: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("bob")) && lines.stream().anyMatch(l -> l.contains("alice")));

        CliRunnerTest.Run unknown = CliRunnerTest.run("course", "show", "--patient", "NOBODY", "--db", db);
        assertNotEquals(0, unknown.exitCode());
        assertTrue(unknown.stderr().contains("NOBODY"), unknown.stderr());
    }

    @Test
    void aDecisionLogImportsOnceIntoTheCourseOfTheDemoPlan() throws Exception {
        String db = db("import");
        Path folder = Files.createDirectories(tmp.resolve("daily"));
        for (int fraction = 1; fraction <= 3; fraction++) {
            FractionLog.append(folder, new FractionLog.Entry(LocalDateTime.of(2026, 11, 9 + fraction, 8, 0), "carol",
                    "ACCEPTED", DemoPatient.PATIENT.patientId(), DemoPatient.dailySeriesUid(fraction), PatientPosition.HFS,
                    -fraction, 1.0, 2.0, 0, 0, 0, "APPLY", "bone", ""));
        }
        Path log = folder.resolve(FractionLog.FILE_NAME);
        JsonObject first = ok(CliRunnerTest.run("course", "import", "--log", log.toString(), "--planning",
                DemoFiles.folder().toString(), "--db", db));
        assertTrue(first.get("courseCreated").getAsBoolean());
        assertEquals(3, first.get("added").getAsInt(), first.toString());
        JsonObject second = ok(CliRunnerTest.run("course", "import", "--log", log.toString(), "--db", db));
        assertEquals(0, second.get("added").getAsInt(), "imported once");
        assertEquals(3, second.get("skipped").getAsInt());
        JsonObject show = ok(CliRunnerTest.run("course", "show", "--patient", DemoPatient.PATIENT.patientId(), "--db", db));
        JsonArray fractions = show.getAsJsonArray("fractions");
        assertEquals(3, fractions.size());
        // lateral -1, -2, -3 mm (HFS: lateral = -x): set-up error LR +1, +2, +3 -> mean 2, SD 1
        assertEquals(2.0, show.getAsJsonObject("systematicMm").get("lr").getAsDouble(), 1e-9);
        assertEquals(1.0, show.getAsJsonObject("randomMm").get("lr").getAsDouble(), 1e-9);
        assertEquals(0.0, show.getAsJsonObject("randomMm").get("si").getAsDouble(), 1e-9);
    }

    @Test
    void aSiteCourseCarriesImagingDoseAlertsAndItsOfflineProtocol() throws Exception {
        String db = db("site-course");
        String patient = DemoPatient.PATIENT.patientId();
        CliRunnerTest.Run unknownProtocol = CliRunnerTest.run("register", "--planning", RegisterCommandTest.planning(),
                "--daily", RegisterCommandTest.daily(1), "--record", "--db", db, "--imaging-protocol", "x-ray-vision");
        assertNotEquals(0, unknownProtocol.exitCode());
        assertTrue(unknownProtocol.stderr().contains("x-ray-vision") && unknownProtocol.stderr().contains("kv-cbct-pelvis"),
                unknownProtocol.stderr());
        int accepted = 0;
        for (int fraction = 1; fraction <= 3; fraction++) {
            JsonObject rec = ok(CliRunnerTest.run("register", "--planning", RegisterCommandTest.planning(), "--daily",
                    RegisterCommandTest.daily(fraction), "--record", "--db", db, "--user", "rtt", "--site", "prostate",
                    "--imaging-protocol", "kv-cbct-pelvis")).getAsJsonObject("record");
            assertEquals("prostate", rec.get("site").getAsString());
            assertEquals(30, rec.get("imagingDoseMGy").getAsDouble(), 0, "the built-in pelvis CBCT estimate");
            assertTrue(rec.has("alerts"));
            // the demo patient does not change shape: the outline comparison (posterior body in the CBCT's field of
            // view) finds nothing beyond a planning pixel (1.5 mm)
            assertTrue(rec.get("outlineInwardMm").getAsDouble() <= 1.51, rec.toString());
            assertTrue(rec.get("outlineOutwardMm").getAsDouble() <= 1.51, rec.toString());
            accepted += rec.get("decision").getAsString().equals("ACCEPTED") ? 1 : 0;
        }
        assertTrue(accepted >= 2, "the demo's daily images are mostly within the limits");
        JsonObject show = ok(CliRunnerTest.run("course", "show", "--patient", patient, "--db", db));
        assertEquals("prostate", show.get("site").getAsString());
        assertEquals(90, show.get("imagingDoseMGy").getAsDouble(), 1e-9, "three pelvis CBCTs");
        assertEquals(0.05 * DemoPlan.PRESCRIPTION_GY * 1000, show.get("imagingDoseLimitMGy").getAsDouble(), 1e-9,
                "5 % of the prescription");
        assertTrue(show.get("alerts").isJsonArray());
        // eNAL after its 3 initial fractions proposes the mean set-up error of the accepted ones: the systematic error
        JsonObject offline = show.getAsJsonObject("offlineProtocol");
        assertEquals("enal:3:5", offline.get("protocol").getAsString());
        assertEquals(accepted, offline.get("imagedFractionsUsed").getAsInt());
        assertTrue(offline.get("pending").getAsBoolean(), offline.toString());
        assertEquals(8, offline.get("nextImagedFraction").getAsInt());
        JsonObject proposed = offline.getAsJsonObject("proposedMm"), systematic = show.getAsJsonObject("systematicMm");
        for (String axis : List.of("lr", "ap", "si")) {
            assertEquals(systematic.get(axis).getAsDouble(), proposed.get(axis).getAsDouble(), 1e-9, axis);
        }

        JsonObject applied = ok(CliRunnerTest.run("course", "apply-offline", "--patient", patient, "--user", "physicist",
                "--db", db));
        assertEquals(4, applied.get("fromFraction").getAsInt(), "from the next fraction");
        JsonObject after = ok(CliRunnerTest.run("course", "show", "--patient", patient, "--db", db))
                .getAsJsonObject("offlineProtocol");
        assertFalse(after.get("pending").getAsBoolean(), after.toString());
        assertEquals(1, after.getAsJsonArray("referenceCorrections").size());
        CliRunnerTest.Run twice = CliRunnerTest.run("course", "apply-offline", "--patient", patient, "--user", "physicist",
                "--db", db);
        assertNotEquals(0, twice.exitCode(), "nothing left to apply");
        assertTrue(twice.stderr().contains("nothing to apply"), twice.stderr());

        // population statistics from the same store, with a second prostate patient recorded through the API and a
        // lung patient: the prostate population is the demo's accepted fractions and the other's three
        try (RecordStore store = RecordStores.open(db, org.isocenter.igrt.AdaptiveRules.of())) {
            for (String site : List.of("prostate", "lung")) {
                Course other = store.createCourse(Course.draft(new Patient("P-" + site, "Other^" + site),
                        new Plan("1.2.3.4." + site.length(), "other"), "1.2.3.5", "1.2.3.6", new Prescription(60, 20))
                        .withSite(site));
                for (int f = 1; f <= 3; f++) {
                    store.record(new DecisionRequest(other.id(), f, other.patient().id(), "1.2.3.7." + site + f, "1.2.3.8",
                            "1.2.3.5", "1.2.3.6", "bone-6dof", new TableTopCorrection(f, -f, 0.5 * f, 0, 0, 0),
                            PatientPosition.HFS, "APPLY", Decision.ACCEPTED, "rtt", null, "", false, null, null));
                }
            }
        }
        JsonObject policy = ok(CliRunnerTest.run("margin-policy", "--db", db, "--site", "prostate"));
        assertEquals(2, policy.getAsJsonObject("population").get("patients").getAsInt());
        assertEquals(accepted + 3, policy.getAsJsonObject("population").get("fractions").getAsInt());
        JsonObject everyone = ok(CliRunnerTest.run("margin-policy", "--db", db));
        assertEquals(3, everyone.getAsJsonObject("population").get("patients").getAsInt());
        assertEquals("prostate", policy.get("site").getAsString());
        CliRunnerTest.Run lung = CliRunnerTest.run("margin-policy", "--db", db, "--site", "lung");
        assertNotEquals(0, lung.exitCode(), "one lung patient is not a population");
        assertTrue(lung.stderr().contains("2 patients"), lung.stderr());
        CliRunnerTest.Run future = CliRunnerTest.run("margin-policy", "--db", db, "--from", "2099-01-01");
        assertNotEquals(0, future.exitCode(), "no decision after 2099-01-01");
    }

    @Test
    void theDemoCourseRaisesItsAlertsExactlyOnTheFractionsOfItsTruth() throws Exception {
        // the demo's ten daily images, matched on soft tissue as a prostate clinic does, recorded for the prostate
        // site: the truth (DemoPatient.COURSE_IMAGES) has weight loss of 7-9 mm from fraction 7 (3 mm on 6) and the
        // prostate 8 mm off the bones on fractions 8-10
        String db = db("demo-course");
        String patient = DemoPatient.PATIENT.patientId();
        for (var spec : DemoPatient.allDailyImages()) {
            JsonObject rec = ok(CliRunnerTest.run("register", "--planning", RegisterCommandTest.planning(), "--daily",
                    RegisterCommandTest.daily(spec.fraction()), "--match", "soft-tissue", "--record", "--db", db,
                    "--user", "rtt", "--site", "prostate", "--imaging-protocol", "kv-cbct-pelvis"))
                    .getAsJsonObject("record");
            assertEquals(spec.fraction(), rec.get("fraction").getAsInt());
            double inward = rec.get("outlineInwardMm").getAsDouble();
            assertEquals(spec.posteriorLossMm(), inward, 1.51, "fraction " + spec.fraction() + " outline: " + rec);
            double shift = spec.softTissueShiftMm().norm();
            assertEquals(shift, rec.get("softTissueMinusBoneMm").getAsDouble(), 1.5,
                    "fraction " + spec.fraction() + " soft tissue against bone: " + rec);
        }
        JsonObject show = ok(CliRunnerTest.run("course", "show", "--patient", patient, "--db", db));
        java.util.Map<String, java.util.Set<Integer>> fired = new java.util.TreeMap<>();
        for (var a : show.getAsJsonArray("alerts")) {
            JsonObject o = a.getAsJsonObject();
            fired.computeIfAbsent(o.get("rule").getAsString(), r -> new java.util.TreeSet<>()).add(o.get("fraction")
                    .getAsInt());
        }
        assertEquals(java.util.Set.of(7, 8, 9, 10), fired.get("external-contour-change"), "alerts: " + fired);
        assertEquals(java.util.Set.of(10), fired.get("soft-tissue-bone-difference"), "alerts: " + fired);
        assertEquals(java.util.Set.of("external-contour-change", "soft-tissue-bone-difference"), fired.keySet(),
                "no other rule fires on the demo course");
        assertEquals(300, show.get("imagingDoseMGy").getAsDouble(), 1e-9, "ten pelvis CBCTs of 30 mGy");
        assertFalse(show.get("imagingDoseOverLimit").getAsBoolean());
    }
}
