/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.isocenter.core.patient.PatientPosition;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.CourseReview;
import org.isocenter.igrt.CourseShow;
import org.isocenter.igrt.Decision;
import org.isocenter.igrt.DecisionRequest;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.FractionObservations;
import org.isocenter.igrt.ImportResult;
import org.isocenter.igrt.RecordConflictException;
import org.isocenter.igrt.RecordRefusedException;
import org.isocenter.igrt.RecordStore;
import org.isocenter.igrt.RecordStoreException;
import org.isocenter.igrt.RecordStores;
import org.isocenter.igrt.SetupError;
import org.isocenter.margin.FractionLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The record store's behaviour, run against each database (embedded H2, PostgreSQL): each test gets a new empty
 * database. Couch corrections IEC 61217 table-top (mm), set-up errors patient axes (mm).
 */
abstract class RecordStoreContract {

    @TempDir
    Path tmp;
    private final List<RecordStore> opened = new ArrayList<>();

    /** A data source on a new, empty database. */
    abstract DataSource freshDatabase() throws Exception;

    abstract KillingDataSource.KillSql killSql();

    RecordStore open(DataSource ds) throws RecordStoreException {
        RecordStore s = RecordStores.open(ds, getClass().getSimpleName(), org.isocenter.igrt.AdaptiveRules.of());
        opened.add(s);
        return s;
    }

    @AfterEach
    void closeStores() throws RecordStoreException {
        for (RecordStore s : opened) {
            s.close();
        }
    }

    @Test
    void recordsAndReadsBack() throws Exception {
        RecordStore store = open(freshDatabase());
        Course course = store.createCourse(Requests.draft("P1", "1.2.3.1"));
        assertTrue(course.id() > 0);
        assertEquals(course, store.course(course.id()).orElseThrow());
        assertEquals(List.of(course), store.courses("P1"));
        var b = Requests.on(course, 1).shift(1.5, -2.25, 3);
        b.reason = "a reason, with \"quotes\"";
        b.registrationFile = "REG_CBCT_1.dcm";
        b.position = PatientPosition.FFP;
        FractionDecision d = store.record(b.build());
        FractionDecision read = store.current(course.id(), 1).orElseThrow();
        assertEquals(d, read);
        assertEquals(1.5, read.correction().lateralMm());
        assertEquals(-2.25, read.correction().longitudinalMm());
        assertEquals(PatientPosition.FFP, read.position());
        assertEquals(Requests.T0.plusSeconds(86_400), read.time());
        assertEquals("rtt1", read.user());
        assertEquals("a reason, with \"quotes\"", read.reason());
        assertEquals(FractionDecision.RECORDED, read.source());
        assertEquals("REG_CBCT_1.dcm", read.registrationFile());
        assertNull(read.supersedesId());
        assertFalse(read.unmatched());
        assertEquals(List.of(read), store.history(course.id()));
        assertTrue(store.current(course.id(), 2).isEmpty());
    }

    @Test
    void aCorrectionSupersedesAndKeepsTheChain() throws Exception {
        RecordStore store = open(freshDatabase());
        Course course = store.createCourse(Requests.draft("P1", "1.2.3.1"));
        FractionDecision first = store.record(Requests.on(course, 1).shift(1, 1, 1).build());
        FractionDecision second = store.record(Requests.on(course, 1).shift(2, 2, 2).decision(Decision.REJECTED)
                .user("physicist").supersedes(first.id()).at(first.time().plusSeconds(60)).build());
        FractionDecision third = store.record(Requests.on(course, 1).shift(3, 3, 3).supersedes(second.id())
                .at(first.time().plusSeconds(120)).build());
        assertEquals(third, store.current(course.id(), 1).orElseThrow());
        List<FractionDecision> history = store.history(course.id());
        assertEquals(List.of(first, second, third), history);
        assertEquals(first.id(), second.supersedesId());
        assertEquals(second.id(), third.supersedesId());
        // superseding an old decision (not the current one) is a conflict and adds nothing
        RecordConflictException e = assertThrows(RecordConflictException.class,
                () -> store.record(Requests.on(course, 1).supersedes(first.id()).user("late").build()));
        assertTrue(e.getMessage().contains("'rtt1'") && e.getMessage().contains(third.time().toString()), e.getMessage());
        // a "first" decision on a fraction that has one is a conflict too
        assertThrows(RecordConflictException.class, () -> store.record(Requests.on(course, 1).build()));
        assertEquals(3, store.history(course.id()).size());
    }

    @Test
    void statisticsMatchAHandComputation() throws Exception {
        RecordStore store = open(freshDatabase());
        Course course = store.createCourse(Requests.draft("P1", "1.2.3.1"));
        // HFS: set-up error = -(table-top correction) in patient axes: lr = -lateral, ap = +vertical, si = -longitudinal
        FractionDecision wrong = store.record(Requests.on(course, 1).shift(50, 50, 50).build());
        store.record(Requests.on(course, 1).shift(1, 2, 3).supersedes(wrong.id()).build()); // superseded one excluded
        store.record(Requests.on(course, 2).shift(3, 4, 5).build());
        store.record(Requests.on(course, 3).shift(2, 0, -2).build());
        store.record(Requests.on(course, 4).shift(100, 100, 100).decision(Decision.REJECTED).build());
        var unmatched = Requests.on(course, 5).shift(0, 0, 0);
        unmatched.match = DecisionRequest.NO_MATCH;
        unmatched.confirmed = true;
        store.record(unmatched.build()); // no measured set-up error: excluded
        SetupError e = store.setupError(course.id());
        assertEquals(3, e.fractions());
        assertEquals(-2, e.systematicMm().lr(), 1e-9);
        assertEquals(2, e.systematicMm().ap(), 1e-9); // 3, 5, -2
        assertEquals(-2, e.systematicMm().si(), 1e-9); // -2, -4, 0
        assertEquals(1, e.randomMm().lr(), 1e-9); // -1, -3, -2
        assertEquals(Math.sqrt(13), e.randomMm().ap(), 1e-9); // deviations 1, 3, -4: 26 / 2
        assertEquals(2, e.randomMm().si(), 1e-9);

        Course other = store.createCourse(Requests.draft("P2", "1.2.3.2"));
        var prone = Requests.on(other, 1).shift(1, 2, 3);
        prone.position = PatientPosition.HFP; // HFP: lr = +lateral, ap = -vertical, si = -longitudinal
        store.record(prone.build());
        List<SetupError> population = store.population();
        assertEquals(List.of("P1", "P2"), population.stream().map(SetupError::patientId).toList());
        assertEquals(e, population.get(0));
        SetupError p2 = population.get(1);
        assertEquals(1, p2.fractions());
        assertEquals(1, p2.systematicMm().lr(), 1e-9);
        assertEquals(-3, p2.systematicMm().ap(), 1e-9);
        assertEquals(-2, p2.systematicMm().si(), 1e-9);
        assertNull(p2.randomMm(), "one fraction has no SD");
        assertEquals(4, store.populationShifts().size());
    }

    @Test
    void courseShowHasTheCliShape() throws Exception {
        RecordStore store = open(freshDatabase());
        Course course = store.createCourse(Requests.draft("P1", "1.2.3.1"));
        store.record(Requests.on(course, 1).shift(1, 2, 3).build());
        store.record(Requests.on(course, 2).shift(3, 4, 5).user("rtt2").build());
        JsonObject json = JsonParser.parseString(CourseShow.print(CourseShow.toJson(CourseReview.of(store, course.id(), java.nio.file.Path.of("no-such-home"), org.isocenter.margin.MarginRecipes.of(), org.isocenter.margin.CorrectionProtocols.of()))))
                .getAsJsonObject();
        assertEquals(Set.of("patientId", "site", "fractions", "systematicMm", "randomMm", "alerts", "imagingDoseMGy",
                "imagingDoseLimitMGy", "imagingDoseOverLimit", "offlineProtocol", "settingsProblem"), json.keySet());
        assertEquals("P1", json.get("patientId").getAsString());
        JsonArray fractions = json.getAsJsonArray("fractions");
        assertEquals(2, fractions.size());
        JsonObject f2 = fractions.get(1).getAsJsonObject();
        assertEquals(Set.of("fraction", "seriesInstanceUid", "decision", "couchCorrection", "status", "user", "time",
                "imagingProtocol", "imagingDoseMGy"), f2.keySet());
        assertEquals(2, f2.get("fraction").getAsInt());
        assertEquals("rtt2", f2.get("user").getAsString());
        assertEquals("ACCEPTED", f2.get("decision").getAsString());
        assertEquals(Requests.T0.plusSeconds(2 * 86_400), Instant.parse(f2.get("time").getAsString()));
        JsonObject couch = f2.getAsJsonObject("couchCorrection");
        assertEquals(Set.of("lateralMm", "longitudinalMm", "verticalMm", "pitchDeg", "rollDeg", "yawDeg"), couch.keySet());
        assertEquals(4, couch.get("longitudinalMm").getAsDouble());
        assertEquals(Set.of("lr", "ap", "si"), json.getAsJsonObject("randomMm").keySet());
        assertEquals(-2, json.getAsJsonObject("systematicMm").get("lr").getAsDouble(), 1e-9); // -1, -3
        assertEquals(Math.sqrt(2), json.getAsJsonObject("randomMm").get("lr").getAsDouble(), 1e-9);
    }

    @Test
    void refusesAnotherPatientsImageAnotherReferenceAndUnconfirmedUnmatched() throws Exception {
        RecordStore store = open(freshDatabase());
        Course course = store.createCourse(Requests.draft("P1", "1.2.3.1"));
        var otherPatient = Requests.on(course, 1);
        otherPatient.patientId = "P2";
        RecordRefusedException e = assertThrows(RecordRefusedException.class, () -> store.record(otherPatient.build()));
        assertTrue(e.getMessage().contains("'P2'") && e.getMessage().contains("'P1'"), e.getMessage());
        var otherSeries = Requests.on(course, 1);
        otherSeries.reference = "9.9.9";
        e = assertThrows(RecordRefusedException.class, () -> store.record(otherSeries.build()));
        assertTrue(e.getMessage().contains("9.9.9") && e.getMessage().contains(Requests.REFERENCE_SERIES), e.getMessage());
        var otherFrame = Requests.on(course, 1);
        otherFrame.referenceFrame = "8.8.8";
        e = assertThrows(RecordRefusedException.class, () -> store.record(otherFrame.build()));
        assertTrue(e.getMessage().contains("8.8.8") && e.getMessage().contains("Frame of Reference"), e.getMessage());
        var unmatched = Requests.on(course, 1).shift(0, 0, 0);
        unmatched.match = DecisionRequest.NO_MATCH;
        e = assertThrows(RecordRefusedException.class, () -> store.record(unmatched.build()));
        assertTrue(e.getMessage().contains("confirmation"), e.getMessage());
        assertTrue(store.history(course.id()).isEmpty(), "refused decisions leave nothing");

        unmatched.confirmed = true;
        FractionDecision d = store.record(unmatched.build());
        assertTrue(d.unmatched());
        assertTrue(store.current(course.id(), 1).orElseThrow().unmatched(), "stored as unmatched");
        // rejecting without a match needs no confirmation and is not an unmatched accept
        var reject = Requests.on(course, 2).decision(Decision.REJECTED);
        reject.match = DecisionRequest.NO_MATCH;
        assertFalse(store.record(reject.build()).unmatched());
        var noCourse = Requests.on(course, 3);
        noCourse.courseId = 999_999;
        e = assertThrows(RecordRefusedException.class, () -> store.record(noCourse.build()));
        assertTrue(e.getMessage().contains("no course 999999"), e.getMessage());
    }

    @Test
    void importsAFractionLogOnce() throws Exception {
        RecordStore store = open(freshDatabase());
        Course course = store.createCourse(Requests.draft("P1", "1.2.3.1"));
        Path folder = Files.createDirectories(tmp.resolve("images"));
        LocalDateTime day1 = LocalDateTime.of(2026, 11, 2, 8, 0), day2 = day1.plusDays(1);
        FractionLog.append(folder, entry(day1, "ACCEPTED", "P1", "s1", -1, -2, 3, "bone"));
        FractionLog.append(folder, entry(day2, "REJECTED", "P1", "s2", 9, 9, 9, "soft-tissue"));
        FractionLog.append(folder, entry(day2.plusMinutes(10), "ACCEPTED", "P1", "s3", -3, -4, 5, "bone"));
        FractionLog.append(folder, entry(day2.plusMinutes(12), "ACCEPTED", "P1", "s3", -2, -4, 5, "bone"));
        FractionLog.append(folder, entry(day2.plusMinutes(20), "ACCEPTED", "P9", "x1", 0, 0, 0, "bone"));
        Path log = folder.resolve(FractionLog.FILE_NAME);

        ImportResult first = store.importLog(course.id(), log, ZoneOffset.UTC);
        assertEquals(4, first.added());
        assertEquals(0, first.skipped());
        assertEquals(1, first.refused());
        assertTrue(first.messages().get(0).contains("'P9'"), first.messages().toString());
        List<FractionDecision> current = store.current(course.id());
        assertEquals(2, current.size(), "s2 was rejected and s3 re-imaged fraction 2");
        assertEquals("s1", current.get(0).dailySeriesUid());
        assertEquals("s3", current.get(1).dailySeriesUid());
        assertEquals(-2, current.get(1).correction().lateralMm());
        assertEquals(day2.plusMinutes(12).toInstant(ZoneOffset.UTC), current.get(1).time());
        assertEquals(FractionDecision.IMPORTED, current.get(1).source());
        assertEquals(4, store.history(course.id()).size());

        ImportResult again = store.importLog(course.id(), log, ZoneOffset.UTC);
        assertEquals(0, again.added());
        assertEquals(4, again.skipped());
        assertEquals(4, store.history(course.id()).size());

        // an entry appended later is imported on its own, and supersedes that series' fraction
        FractionLog.append(folder, entry(day2.plusDays(1), "ACCEPTED", "P1", "s4", 1, 1, 1, "bone"));
        ImportResult third = store.importLog(course.id(), log, ZoneOffset.UTC);
        assertEquals(1, third.added());
        assertEquals(4, third.skipped());
        assertEquals(3, store.current(course.id()).size());
    }

    private static FractionLog.Entry entry(LocalDateTime t, String decision, String patient, String series, double lat,
            double lng, double vert, String match) {
        return new FractionLog.Entry(t, "rtt", decision, patient, series, PatientPosition.HFS, lat, lng, vert, 0, 0, 0,
                "APPLY", match, decision.equals("ACCEPTED") ? "REG_" + series + ".dcm" : "");
    }

    @Test
    void exportsCsvThatParsesBack() throws Exception {
        RecordStore store = open(freshDatabase());
        Course course = store.createCourse(Requests.draft("P1", "1.2.3.1"));
        var b = Requests.on(course, 1).shift(1.25, -2, 3);
        b.reason = "said \"ok\", then\nleft";
        FractionDecision first = store.record(b.build());
        store.record(Requests.on(course, 1).supersedes(first.id()).decision(Decision.REIMAGE).build());
        store.record(Requests.on(course, 2).build());
        StringWriter out = new StringWriter();
        store.exportCsv(course.id(), out);
        List<List<String>> rows = Csv.parse(out.toString());
        assertEquals(4, rows.size());
        List<String> header = rows.get(0);
        for (List<String> r : rows) {
            assertEquals(header.size(), r.size());
        }
        List<String> r1 = rows.get(1);
        assertEquals("said \"ok\", then\nleft", r1.get(header.indexOf("reason")));
        assertEquals("1.250", r1.get(header.indexOf("lateralMm")));
        assertEquals("false", r1.get(header.indexOf("current")));
        assertEquals("P1", r1.get(header.indexOf("patientId")));
        List<String> r2 = rows.get(2);
        assertEquals("REIMAGE", r2.get(header.indexOf("decision")));
        assertEquals(Long.toString(first.id()), r2.get(header.indexOf("supersedesId")));
        assertEquals("true", r2.get(header.indexOf("current")));
        assertEquals("2", rows.get(3).get(header.indexOf("fraction")));
    }

    @Test
    void migratesFromEmptyAndIsIdempotent() throws Exception {
        DataSource ds = freshDatabase();
        open(ds).close();
        RecordStores.migrate(ds, "again", null); // already at the latest: nothing to do
        assertEquals(List.of("1", "2", "3"), appliedVersions(ds));
    }

    @Test
    void migratesFromTheFirstSchemaKeepingData() throws Exception {
        DataSource ds = freshDatabase();
        RecordStores.migrate(ds, "v1", "1");
        assertEquals(List.of("1"), appliedVersions(ds));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO igrt_course (patient_id, patient_name, plan_uid, plan_label, "
                    + "reference_series_uid, reference_frame_uid, prescribed_dose_gy, prescribed_fractions) VALUES "
                    + "('OLD', 'Old^Patient', '1.9', 'old plan', '" + Requests.REFERENCE_SERIES + "', '"
                    + Requests.REFERENCE_FRAME + "', 50, 25)");
            long courseId = single(s, "SELECT id FROM igrt_course WHERE plan_uid = '1.9'");
            s.executeUpdate("INSERT INTO igrt_decision (course_id, fraction, daily_series_uid, match_kind, lateral_mm, "
                    + "longitudinal_mm, vertical_mm, pitch_deg, roll_deg, yaw_deg, patient_position, status, decision, "
                    + "user_name, decided_at, reason, unmatched) VALUES (" + courseId + ", 1, '1.9.1', 'bone', 1, 2, 3, 0, 0, 0, "
                    + "'HFS', 'APPLY', 'ACCEPTED', 'v1user', TIMESTAMP WITH TIME ZONE '2025-01-02 03:04:05+00', 'old', FALSE)");
            long decisionId = single(s, "SELECT id FROM igrt_decision WHERE daily_series_uid = '1.9.1'");
            s.executeUpdate("INSERT INTO igrt_fraction_head (course_id, fraction, decision_id) VALUES (" + courseId
                    + ", 1, " + decisionId + ")");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        RecordStore store = open(ds);
        assertEquals(List.of("1", "2", "3"), appliedVersions(ds));
        Course course = store.courses("OLD").get(0);
        FractionDecision old = store.current(course.id(), 1).orElseThrow();
        assertEquals("v1user", old.user());
        assertEquals(Instant.parse("2025-01-02T03:04:05Z"), old.time());
        assertEquals(FractionDecision.RECORDED, old.source(), "V2's default provenance");
        assertNull(old.registrationFile());
        assertEquals(FractionObservations.NONE, old.observations(), "V3: nothing measured on a V1 decision");
        assertNull(course.site(), "V3: a V1 course has no site");
        assertTrue(store.alerts(course.id()).isEmpty());
        assertEquals("Old^Patient", course.patient().name());
        assertEquals(25, course.prescription().fractions());
        // the migrated database takes new decisions
        FractionDecision next = store.record(Requests.on(course, 1).supersedes(old.id()).build());
        assertEquals(List.of(old, next), store.history(course.id()));
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private static List<String> appliedVersions(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"igrt_schema_history\" "
                        + "WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                assertTrue(rs.getBoolean(2), "migration " + rs.getString(1) + " succeeded");
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    @Test
    void twoWorkstationsOnOneFractionNeverBothSucceed() throws Exception {
        DataSource ds = freshDatabase();
        RecordStore a = open(ds), b = open(ds);
        Course course = a.createCourse(Requests.draft("P1", "1.2.3.1"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int rounds = 10;
            for (int fraction = 1; fraction <= rounds; fraction++) {
                // first decisions of a fraction race on the head's primary key
                race(pool, a, b, Requests.on(course, fraction).user("alice").build(),
                        Requests.on(course, fraction).user("bob").build());
                // corrections of the same decision race on the head's compare-and-set
                long head = a.current(course.id(), fraction).orElseThrow().id();
                race(pool, a, b, Requests.on(course, fraction).user("alice").supersedes(head).build(),
                        Requests.on(course, fraction).user("bob").supersedes(head).build());
            }
            assertEquals(4 * rounds / 2, a.history(course.id()).size(), "one decision per race");
            for (FractionDecision d : b.current(course.id())) {
                assertTrue(d.supersedesId() != null, "every fraction's head is its correction");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRaceLostInsideTheDatabaseIsAConflict() throws Exception {
        DataSource plain = freshDatabase();
        KillingDataSource intercepting = new KillingDataSource(plain, killSql());
        RecordStore a = open(intercepting.dataSource()), b = open(plain);
        Course course = a.createCourse(Requests.draft("P1", "1.2.3.1"));
        FractionDecision[] bobs = new FractionDecision[1];
        // alice passed the check that fraction 1 has no decision and inserted her row; bob records before her head write
        intercepting.beforeHeadWrite = () -> bobs[0] = b.record(Requests.on(course, 1).user("bob").build());
        RecordConflictException e = assertThrows(RecordConflictException.class,
                () -> a.record(Requests.on(course, 1).user("alice").build()));
        assertTrue(e.getMessage().contains("'bob'") && e.getMessage().contains(bobs[0].time().toString()), e.getMessage());
        assertEquals(List.of(bobs[0]), b.history(course.id()), "alice's row was rolled back");
    }

    private static void race(ExecutorService pool, RecordStore a, RecordStore b, DecisionRequest ra, DecisionRequest rb)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Future<Object> fa = pool.submit(() -> attempt(start, a, ra));
        Future<Object> fb = pool.submit(() -> attempt(start, b, rb));
        start.countDown();
        Object oa = fa.get(60, TimeUnit.SECONDS), ob = fb.get(60, TimeUnit.SECONDS);
        List<Object> results = List.of(oa, ob);
        long wins = results.stream().filter(FractionDecision.class::isInstance).count();
        assertEquals(1, wins, "exactly one of two concurrent decisions is recorded: " + results);
        FractionDecision won = (FractionDecision) (oa instanceof FractionDecision ? oa : ob);
        Object lost = oa instanceof FractionDecision ? ob : oa;
        RecordConflictException e = assertInstanceOf(RecordConflictException.class, lost);
        String m = e.getMessage();
        assertTrue(m.contains("'P1'") && m.contains("fraction " + ra.fraction()) && m.contains("'" + won.user() + "'")
                && m.contains(won.time().toString()), m);
    }

    private static Object attempt(CountDownLatch start, RecordStore store, DecisionRequest r) throws Exception {
        start.await();
        try {
            return store.record(r);
        } catch (RecordStoreException e) {
            return e;
        }
    }

    @Test
    void aKilledSessionMidRecordingFailsAndKeepsWhatWasRecorded() throws Exception {
        DataSource plain = freshDatabase();
        KillingDataSource killing = new KillingDataSource(plain, killSql());
        RecordStore store = open(killing.dataSource());
        Course course = store.createCourse(Requests.draft("P1", "1.2.3.1"));
        List<FractionDecision> recorded = new ArrayList<>();
        for (int f = 1; f <= 3; f++) {
            recorded.add(store.record(Requests.on(course, f).build()));
        }
        killing.armed = true;
        RecordStoreException e = assertThrows(RecordStoreException.class,
                () -> store.record(Requests.on(course, 4).build()));
        assertEquals(1, killing.kills, "the session was killed during the recording");
        assertFalse(e instanceof RecordConflictException || e instanceof RecordRefusedException, e.toString());
        // a fresh store on the database: the three recorded decisions, and no trace of the failed one
        RecordStore check = open(plain);
        assertEquals(recorded, check.history(course.id()));
        assertEquals(Set.of(1L, 2L, 3L), ids(plain));
        // the failed store reconnects and works again
        FractionDecision again = store.record(Requests.on(course, 4).build());
        assertEquals(again, check.current(course.id(), 4).orElseThrow());
    }

    /** Fractions with a decision row, by raw SQL (no row of a failed recording must exist). */
    private static Set<Long> ids(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT fraction FROM igrt_decision");
                ResultSet rs = s.executeQuery()) {
            Set<Long> out = new TreeSet<>();
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
            return out;
        }
    }
}
