/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.isocenter.igrt.Course;
import org.isocenter.igrt.Decision;
import org.isocenter.igrt.DecisionRequest;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.ImportResult;
import org.isocenter.igrt.RecordRefusedException;
import org.isocenter.igrt.RecordStoreException;
import org.isocenter.igrt.TableTopCorrection;
import org.isocenter.margin.FractionLog;

/**
 * Imports the entries of an {@code igrt-decisions.log} (read with {@link FractionLog#read}) into a course, in time
 * order, inside the caller's transaction. An entry's key is the SHA-256 of its fields, so an entry imported before
 * is skipped. Fractions: a daily series decided before keeps its fraction (the entry supersedes that fraction's
 * decision); a new series starts the next fraction if the last one was accepted, else it re-images the last one.
 * Couch corrections IEC 61217 table-top (mm, degrees); the log's local times are read in the given zone.
 */
final class LogImport {

    private LogImport() {
    }

    static ImportResult run(Connection c, Course course, List<FractionLog.Entry> entries, Path log, ZoneId zone,
            AlertEnvironment alerts)
            throws SQLException, RecordStoreException {
        int added = 0, skipped = 0;
        List<String> refused = new ArrayList<>();
        List<FractionLog.Entry> sorted = entries.stream().sorted(Comparator.comparing(FractionLog.Entry::time)).toList();
        for (FractionLog.Entry e : sorted) {
            String key = key(e);
            if (DecisionRows.importKeyExists(c, key)) {
                skipped++;
                continue;
            }
            String where = e.time() + " " + e.decision() + " of " + e.dailySeriesUid() + " by '" + e.user() + "'";
            Decision decision;
            try {
                decision = Decision.valueOf(e.decision());
            } catch (IllegalArgumentException x) {
                refused.add(where + ": unknown decision '" + e.decision() + "'");
                continue;
            }
            if (!e.patientId().equals(course.patient().id())) {
                refused.add(where + ": patient '" + e.patientId() + "' is not the course's patient '"
                        + course.patient().id() + "'");
                continue;
            }
            Instant time = e.time().atZone(zone).toInstant().truncatedTo(ChronoUnit.MICROS);
            int fraction = fractionOf(c, course.id(), e.dailySeriesUid());
            Optional<FractionDecision> head = DecisionRows.head(c, course.id(), fraction);
            if (head.isPresent() && head.get().time().isAfter(time)) {
                refused.add(where + ": older than the recorded decision " + head.get().id() + " of fraction " + fraction
                        + " (" + head.get().time() + " by '" + head.get().user() + "')");
                continue;
            }
            String match = e.match() == null || e.match().isBlank() ? DecisionRequest.NO_MATCH : e.match();
            DecisionRequest r = new DecisionRequest(course.id(), fraction, e.patientId(), e.dailySeriesUid(), null, null,
                    null, match, new TableTopCorrection(e.lateralMm(), e.longitudinalMm(), e.verticalMm(), e.pitchDeg(),
                            e.rollDeg(), e.yawDeg()),
                    e.position(), e.status(), decision, e.user().isBlank() ? "?" : e.user(), time,
                    "imported from " + log.toAbsolutePath(), true, head.map(FractionDecision::id).orElse(null),
                    e.registrationFile().isBlank() ? null : e.registrationFile());
            try {
                Recorder.record(c, course, r, false, FractionDecision.IMPORTED, key, alerts);
                added++;
            } catch (RecordRefusedException x) {
                refused.add(where + ": " + x.getMessage());
            }
        }
        return new ImportResult(added, skipped, refused.size(), refused);
    }

    private static int fractionOf(Connection c, long courseId, String series) throws SQLException {
        Optional<Integer> known = DecisionRows.fractionOfSeries(c, courseId, series);
        if (known.isPresent()) {
            return known.get();
        }
        List<FractionDecision> heads = DecisionRows.heads(c, courseId);
        if (heads.isEmpty()) {
            return 1;
        }
        FractionDecision last = heads.get(heads.size() - 1);
        return last.decision() == Decision.ACCEPTED ? last.fraction() + 1 : last.fraction();
    }

    /** SHA-256 (hex) of the entry's fields: the same log line always gives the same key. */
    static String key(FractionLog.Entry e) {
        String text = String.join("\t", e.time().toString(), e.user(), e.decision(), e.patientId(), e.dailySeriesUid(),
                e.position().name(), Double.toString(e.lateralMm()), Double.toString(e.longitudinalMm()),
                Double.toString(e.verticalMm()), Double.toString(e.pitchDeg()), Double.toString(e.rollDeg()),
                Double.toString(e.yawDeg()), e.status(), e.match(), e.registrationFile());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", x);
        }
    }
}
