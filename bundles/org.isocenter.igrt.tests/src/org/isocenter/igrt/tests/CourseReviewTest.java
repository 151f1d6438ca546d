/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.isocenter.core.patient.PatientPosition;
import org.isocenter.igrt.AlertSettings;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.CourseReview;
import org.isocenter.igrt.CourseShow;
import org.isocenter.igrt.Decision;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.FractionObservations;
import org.isocenter.igrt.ImagingDoseTable;
import org.isocenter.igrt.OfflineProtocolStatus;
import org.isocenter.igrt.RecordRefusedException;
import org.isocenter.igrt.RecordStore;
import org.isocenter.igrt.RecordStores;
import org.isocenter.igrt.ReferenceCorrection;
import org.isocenter.igrt.TableTopCorrection;
import org.isocenter.margin.AxisValues;
import org.isocenter.margin.ShiftRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The course review on a synthetic 20-fraction course whose truth is set fraction by fraction: a systematic set-up
 * error appearing at fraction 6, organ filling moving the soft tissue against the bones, progressive weight loss,
 * repeated rotations, one shrunken target and a large imaging dose. Each adaptive rule must fire exactly on the
 * fractions the truth gives (worked out by hand in the comments) and never before; the offline protocol's
 * proposals are the means the NAL/eNAL definitions give. Couch corrections IEC 61217 table-top (mm, degrees).
 */
class CourseReviewTest {

    @TempDir
    Path tmp;
    private RecordStore store;

    @BeforeEach
    void open() throws Exception {
        store = RecordStores.open(RecordStores.h2FileUrl(tmp.resolve("review")), org.isocenter.igrt.AdaptiveRules.of());
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    /** Truth per fraction: longitudinal correction, yaw, soft tissue minus bone, outline inward, target change. */
    private static double longitudinal(int f) {
        return f <= 5 ? (f % 2 == 1 ? 0.5 : -0.5) : 6.0; // the mean of the first five is 0.1 mm, then 6 mm each day
    }

    private static double yaw(int f) {
        return Set.of(3, 4, 7, 8, 9).contains(f) ? 6.0 : 0.0; // 3-4 two in a row, 7-9 three in a row
    }

    private static Double softMinusBone(int f) {
        return switch (f) {
            case 12 -> 6.0;
            case 14 -> 5.5;
            case 15 -> 6.0;
            case 16 -> 7.0;
            case 17 -> 8.0;
            case 18 -> 4.9;
            case 19, 20 -> 5.0;
            default -> 1.0;
        };
    }

    private static final double DOSE_PER_IMAGE_MGY = 400;

    private Course recordTruthCourse() throws Exception {
        Course course = store.createCourse(Requests.draft("P-TRUTH", "1.2.3.plan.truth"));
        for (int f = 1; f <= 20; f++) {
            FractionObservations o = FractionObservations.NONE.withImaging("test-mv-pair", DOSE_PER_IMAGE_MGY)
                    .withSoftTissueMinusBone(softMinusBone(f)).withOutline(0.4 * (f - 1), 0.5);
            if (f == 18) {
                o = o.withTargetVolumeChange(-12);
            } else if (f == 19) {
                o = o.withTargetVolumeChange(-8);
            }
            TableTopCorrection c = new TableTopCorrection(0, longitudinal(f), 0, 0, 0, yaw(f));
            if (f == 3) { // first image of fraction 3 re-imaged: its dose counts, its decision is superseded
                FractionDecision first = store.record(Requests.on(course, 3).series("1.2.3.reimaged").correction(c)
                        .observations(o).decision(Decision.REIMAGE).build());
                store.record(Requests.on(course, 3).correction(c).observations(o).supersedes(first.id()).build());
                continue;
            }
            store.record(Requests.on(course, f).correction(c).observations(o).build());
        }
        return course;
    }

    private Map<String, Set<Integer>> firedFractions(Course course) throws Exception {
        Map<String, Set<Integer>> fired = new TreeMap<>();
        store.alerts(course.id()).forEach(a -> fired.computeIfAbsent(a.rule(), r -> new TreeSet<>()).add(a.fraction()));
        return fired;
    }

    private static Set<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void eachRuleFiresExactlyOnTheFractionsTheTruthGives() throws Exception {
        Course course = recordTruthCourse();
        Map<String, Set<Integer>> fired = firedFractions(course);
        // running mean of |SI| after k fractions: (0.5 + 6 (k - 5)) / k >= 3  <=>  k >= 9.83: from fraction 10 on
        assertEquals(range(10, 20), fired.get("systematic-drift"), "systematic-drift");
        // >= 5 mm on 3 in a row: 14-15-16 and 14-..-17; 12 alone, 18 below, 19-20 only two
        assertEquals(Set.of(16, 17), fired.get("soft-tissue-bone-difference"), "soft-tissue-bone-difference");
        // inward 0.4 (f - 1) >= 5 mm  <=>  f >= 13.5
        assertEquals(range(14, 20), fired.get("external-contour-change"), "external-contour-change");
        // 6 deg of yaw is beyond a 6-DOF couch's 3 deg by 3 (>= 2) and all of it on a 3-DOF couch: 7-8-9 only
        assertEquals(Set.of(9), fired.get("rotation-beyond-couch"), "rotation-beyond-couch");
        assertEquals(Set.of(18), fired.get("target-volume-change"), "target-volume-change");
        // 5 % of 60 Gy = 3000 mGy; 400 mGy per image, fraction 3 imaged twice: 3200 mGy after fraction 7
        assertEquals(range(7, 20), fired.get("imaging-dose-limit"), "imaging-dose-limit");
        assertEquals(6, fired.size(), "no other rule fired: " + fired.keySet());

        var alerts = store.alerts(course.id());
        var drift10 = alerts.stream().filter(a -> a.rule().equals("systematic-drift") && a.fraction() == 10).findFirst()
                .orElseThrow();
        assertEquals((0.5 + 30) / 10, drift10.value(), 1e-9);
        assertEquals(3, drift10.threshold(), 0);
        assertEquals("mm", drift10.unit());
        var outline14 = alerts.stream().filter(a -> a.rule().equals("external-contour-change") && a.fraction() == 14)
                .findFirst().orElseThrow();
        assertEquals(5.2, outline14.value(), 1e-9);
        assertTrue(outline14.message().contains("weight loss"), outline14.message());
        var dose7 = alerts.stream().filter(a -> a.rule().equals("imaging-dose-limit") && a.fraction() == 7).findFirst()
                .orElseThrow();
        assertEquals(3200, dose7.value(), 1e-9);
        assertEquals(3000, dose7.threshold(), 1e-9);
        assertEquals("mGy", dose7.unit());

        // course show: the issue's alert keys, the cumulative dose, the set-up statistics by hand
        JsonObject json = JsonParser.parseString(CourseShow.print(CourseShow.toJson(CourseReview.of(store, course.id(),
                tmp.resolve("home"), org.isocenter.margin.MarginRecipes.of(), org.isocenter.margin.CorrectionProtocols.of())))).getAsJsonObject();
        assertEquals(21 * DOSE_PER_IMAGE_MGY, json.get("imagingDoseMGy").getAsDouble(), 1e-9);
        assertEquals(3000, json.get("imagingDoseLimitMGy").getAsDouble(), 1e-9);
        assertTrue(json.get("imagingDoseOverLimit").getAsBoolean());
        JsonArray a = json.getAsJsonArray("alerts");
        assertEquals(alerts.size(), a.size());
        for (String key : List.of("fraction", "rule", "value", "threshold", "unit", "message")) {
            assertTrue(a.get(0).getAsJsonObject().has(key), "alert key " + key);
        }
        assertEquals(20, json.getAsJsonArray("fractions").size());
        assertEquals("test-mv-pair", json.getAsJsonArray("fractions").get(0).getAsJsonObject().get("imagingProtocol")
                .getAsString());
    }

    @Test
    void aSupersededDecisionTakesItsAlertsWithIt() throws Exception {
        Course course = store.createCourse(Requests.draft("P-SUP", "1.2.3.plan.sup"));
        FractionDecision d = store.record(Requests.on(course, 1)
                .observations(FractionObservations.NONE.withOutline(7, 0)).build());
        assertEquals(Set.of(1), firedFractions(course).get("external-contour-change"));
        store.record(Requests.on(course, 1).observations(FractionObservations.NONE.withOutline(2, 0))
                .supersedes(d.id()).build());
        assertNull(firedFractions(course).get("external-contour-change"), "the corrected outline raises nothing");
    }

    @Test
    void offlineProtocolProposalsAreTheMeansOfItsImagedFractions() throws Exception {
        // the built-in prostate protocol: eNAL with 3 initial fractions and a check every 5th (fractions 8, 13, ...)
        Course course = store.createCourse(Requests.draft("P-ENAL", "1.2.3.plan.enal").withSite("prostate"));
        assertEquals("prostate", course.site());
        double[][] corrections = { { 1, 2, 3 }, { 2, 4, 3 }, { 3, 0, 0 } };
        for (int f = 1; f <= 3; f++) {
            double[] c = corrections[f - 1];
            store.record(Requests.on(course, f).shift(c[0], c[1], c[2]).build());
        }
        AxisValues e1 = new TableTopCorrection(1, 2, 3, 0, 0, 0).setupErrorMm(PatientPosition.HFS);
        AxisValues e2 = new TableTopCorrection(2, 4, 3, 0, 0, 0).setupErrorMm(PatientPosition.HFS);
        AxisValues e3 = new TableTopCorrection(3, 0, 0, 0, 0, 0).setupErrorMm(PatientPosition.HFS);
        AxisValues nal = e1.plus(e2).plus(e3).times(1 / 3.0);

        CourseReview review = CourseReview.of(store, course.id(), tmp.resolve("home"), org.isocenter.margin.MarginRecipes.of(), org.isocenter.margin.CorrectionProtocols.of());
        OfflineProtocolStatus s = review.offlineProtocol();
        assertTrue(s.offline() && s.pending(), s.message());
        assertEquals(3, s.imagedFractionsUsed());
        assertAxes(nal, s.proposedMm());
        assertEquals(8, s.nextImagedFraction(), "eNAL's first weekly check");

        RecordRefusedException early = assertThrows(RecordRefusedException.class, () -> store.applyReferenceCorrection(
                new ReferenceCorrection(0, course.id(), 3, s.protocol(), s.proposedMm(), 3, "physicist", Instant.now(),
                        "")));
        assertTrue(early.getMessage().contains("fraction 4 at the earliest"), early.getMessage());
        store.applyReferenceCorrection(new ReferenceCorrection(0, course.id(), 4, s.protocol(), s.proposedMm(), 3,
                "physicist", Instant.now(), "eNAL after 3"));
        OfflineProtocolStatus applied = CourseReview.of(store, course.id(), tmp.resolve("home"), org.isocenter.margin.MarginRecipes.of(), org.isocenter.margin.CorrectionProtocols.of()).offlineProtocol();
        assertFalse(applied.pending(), applied.message());
        assertAxes(nal, applied.appliedMm());

        // fractions 4-7 are not the protocol's; fraction 8, the check, measures relative to the corrected reference
        for (int f = 4; f <= 7; f++) {
            store.record(Requests.on(course, f).shift(9, 9, 9).build());
        }
        store.record(Requests.on(course, 8).shift(0.5, -1, 1).build());
        AxisValues e8 = new TableTopCorrection(0.5, -1, 1, 0, 0, 0).setupErrorMm(PatientPosition.HFS).plus(nal);
        AxisValues enal = e1.plus(e2).plus(e3).plus(e8).times(1 / 4.0);
        OfflineProtocolStatus check = CourseReview.of(store, course.id(), tmp.resolve("home"), org.isocenter.margin.MarginRecipes.of(), org.isocenter.margin.CorrectionProtocols.of()).offlineProtocol();
        assertEquals(4, check.imagedFractionsUsed(), "fractions 4-7 are not used");
        assertAxes(enal, check.proposedMm());
        assertTrue(check.pending(), check.message());
        assertEquals(13, check.nextImagedFraction());
    }

    @Test
    void populationStatisticsByTreatmentSiteAndDate() throws Exception {
        Course prostate = store.createCourse(Requests.draft("P-PROSTATE", "1.2.3.plan.p").withSite("prostate"));
        Course lung = store.createCourse(Requests.draft("P-LUNG", "1.2.3.plan.l").withSite("lung"));
        for (int f = 1; f <= 4; f++) {
            store.record(Requests.on(prostate, f).build());
            store.record(Requests.on(lung, f).build());
        }
        List<ShiftRecord> all = store.populationShifts();
        assertEquals(8, all.size());
        List<ShiftRecord> onlyProstate = store.populationShifts("prostate", null, null);
        assertEquals(4, onlyProstate.size());
        assertTrue(onlyProstate.stream().allMatch(r -> r.patientId().equals("P-PROSTATE")));
        // fractions are recorded a day apart from T0 + 1 day: [T0 + 2 d, T0 + 4 d) holds fractions 2 and 3
        List<ShiftRecord> window = store.populationShifts(null, Requests.T0.plusSeconds(2 * 86_400L),
                Requests.T0.plusSeconds(4 * 86_400L));
        assertEquals(4, window.size(), "two fractions of each patient");
    }

    @Test
    void siteFilesSetThresholdsAndBadOnesAreNamed() throws Exception {
        Path home = tmp.resolve("clinic-home");
        Files.createDirectories(home.resolve("sites"));
        Files.writeString(home.resolve("sites/pelvis.json"),
                "{\"alerts\": {\"external-contour-change\": {\"threshold\": 8}, \"systematic-drift\": "
                        + "{\"threshold\": 2.5, \"fractions\": 5}}}");
        AlertSettings s = AlertSettings.forSite("pelvis", home);
        assertEquals(8, s.rules().get("external-contour-change").threshold(), 0);
        assertEquals(5, s.rules().get("systematic-drift").fractions());
        // the built-in prostate protocol names its thresholds too
        AlertSettings prostate = AlertSettings.forSite("prostate", home);
        assertTrue(prostate.source().contains("built-in"));
        Files.writeString(home.resolve("sites/bad.json"), "{\"alerts\": {\"systematic-drift\": {\"fractions\": 2}}}");
        IOException e = assertThrows(IOException.class, () -> AlertSettings.forSite("bad", home));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("threshold"), e.getMessage());
        IOException unknown = assertThrows(IOException.class, () -> AlertSettings.forSite("knee", home));
        assertTrue(unknown.getMessage().contains("knee"), unknown.getMessage());
    }

    @Test
    void imagingDoseTableNamesItsSourcesAndReadsAClinicFile() throws Exception {
        for (ImagingDoseTable.Entry e : ImagingDoseTable.BUILT_IN.entries()) {
            assertTrue(e.source().contains("TG-"), e.id() + " names its source: " + e.source());
        }
        Path file = tmp.resolve(ImagingDoseTable.FILE_NAME);
        Files.writeString(file, "id,dose_mGy,description,source\nkv-cbct-pelvis,12.5,XVI pelvis M20,measured 2026\n");
        ImagingDoseTable t = ImagingDoseTable.read(file);
        assertEquals(12.5, t.entry("kv-cbct-pelvis").orElseThrow().doseMGy(), 0);
        Files.writeString(file, "kv-cbct-pelvis,lots\n");
        IOException e = assertThrows(IOException.class, () -> ImagingDoseTable.read(file));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("lots"), e.getMessage());
    }

    @Test
    void salActsWhenTheRunningMeanLeavesItsShrinkingActionLevel() throws Exception {
        Path home = tmp.resolve("sal-home");
        Files.createDirectories(home.resolve("sites"));
        Files.writeString(home.resolve("sites/salsite.json"), "{\"site\": \"salsite\", \"recipe\": \"vanherk\", "
                + "\"protocol\": \"sal:9:4\", \"fractions\": 30, \"maxMarginMm\": {\"lr\": 10, \"ap\": 10, \"si\": 10}}");
        Course course = store.createCourse(Requests.draft("P-SAL", "1.2.3.plan.sal").withSite("salsite"));
        store.record(Requests.on(course, 1).shift(0, 0, 7).build());
        // one image: |mean| = 7 mm is inside alpha / sqrt(1) = 9 mm: no correction proposed
        OfflineProtocolStatus one = CourseReview.of(store, course.id(), home, org.isocenter.margin.MarginRecipes.of(), org.isocenter.margin.CorrectionProtocols.of()).offlineProtocol();
        assertFalse(one.pending(), one.message());
        assertTrue(one.message().contains("action level now 9.0 mm"), one.message());
        store.record(Requests.on(course, 2).shift(0, 0, 7).build());
        // two images: 7 mm > 9 / sqrt(2) = 6.4 mm: the mean is proposed
        OfflineProtocolStatus two = CourseReview.of(store, course.id(), home, org.isocenter.margin.MarginRecipes.of(), org.isocenter.margin.CorrectionProtocols.of()).offlineProtocol();
        assertTrue(two.pending(), two.message());
        assertTrue(two.message().contains("action level now 6.4 mm"), two.message());
        AxisValues e = new TableTopCorrection(0, 0, 7, 0, 0, 0).setupErrorMm(PatientPosition.HFS);
        assertAxes(e, two.proposedMm());
        assertEquals(7, two.proposedMm().length(), 1e-9);
    }

    @Test
    void aRuleRegisteredAsAnOsgiServiceRaisesItsAlerts() throws Exception {
        org.isocenter.igrt.AdaptiveRule clinicRule = new org.isocenter.igrt.AdaptiveRule() {
            @Override
            public String id() {
                return "clinic-large-vertical";
            }

            @Override
            public String description() {
                return "vertical correction beyond the threshold";
            }

            @Override
            public AlertSettings.Rule defaults() {
                return new AlertSettings.Rule(4, 1);
            }

            @Override
            public java.util.Optional<org.isocenter.igrt.Alert> evaluate(org.isocenter.igrt.RuleInput in) {
                double v = Math.abs(in.recorded().correction().verticalMm());
                return v >= in.settings().threshold() ? java.util.Optional.of(new org.isocenter.igrt.Alert(
                        in.recorded().fraction(), id(), v, in.settings().threshold(), "mm", "vertical " + v + " mm"))
                        : java.util.Optional.empty();
            }
        };
        var context = org.osgi.framework.FrameworkUtil.getBundle(CourseReviewTest.class).getBundleContext();
        var registration = context.registerService(org.isocenter.igrt.AdaptiveRule.class, clinicRule, null);
        var tracker = new org.osgi.util.tracker.ServiceTracker<org.isocenter.igrt.AdaptiveRules, org.isocenter.igrt.AdaptiveRules>(
                context, org.isocenter.igrt.AdaptiveRules.class, null);
        tracker.open();
        org.isocenter.igrt.AdaptiveRules offered = tracker.waitForService(10_000);
        assertTrue(offered != null, "the AdaptiveRules catalogue is a service");
        try (RecordStore withServices = RecordStores.open(RecordStores.h2FileUrl(tmp.resolve("review")), offered)) {
            assertTrue(offered.all().stream().anyMatch(r -> r.id().equals(clinicRule.id())), "bound as registered");
            Course course = withServices.createCourse(Requests.draft("P-OSGI", "1.2.3.plan.osgi"));
            withServices.record(Requests.on(course, 1).shift(0, 0, 2).build());
            withServices.record(Requests.on(course, 2).shift(0, 0, 5).build());
            assertEquals(Set.of(2), firedFractions(course).get("clinic-large-vertical"));
        } finally {
            registration.unregister();
        }
        assertFalse(offered.all().stream().anyMatch(r -> r.id().equals(clinicRule.id())),
                "gone with its service");
    }

    private static void assertAxes(AxisValues expected, AxisValues actual) {
        assertEquals(expected.lr(), actual.lr(), 1e-9, "LR");
        assertEquals(expected.ap(), actual.ap(), 1e-9, "AP");
        assertEquals(expected.si(), actual.si(), 1e-9, "SI");
    }
}
