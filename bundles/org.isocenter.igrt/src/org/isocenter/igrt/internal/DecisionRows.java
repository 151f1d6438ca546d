/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.isocenter.core.patient.PatientPosition;
import org.isocenter.igrt.Decision;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.FractionObservations;
import org.isocenter.igrt.TableTopCorrection;

/**
 * SQL of the decision and fraction-head tables (rows are only inserted; the head row of a fraction is moved with a
 * compare-and-set UPDATE). Couch corrections IEC 61217 table-top (mm, degrees), times UTC. No frame otherwise.
 */
final class DecisionRows {

    static final String COLUMNS = "d.id, d.course_id, d.fraction, d.daily_series_uid, d.daily_frame_uid, d.match_kind, "
            + "d.lateral_mm, d.longitudinal_mm, d.vertical_mm, d.pitch_deg, d.roll_deg, d.yaw_deg, d.patient_position, "
            + "d.status, d.decision, d.user_name, d.decided_at, d.reason, d.unmatched, d.supersedes_id, d.source, "
            + "d.registration_file, d.imaging_protocol, d.imaging_dose_mgy, d.soft_tissue_bone_mm, d.outline_inward_mm, "
            + "d.outline_outward_mm, d.target_volume_change_pct";
    private static final String HEADS = "SELECT " + COLUMNS
            + " FROM igrt_fraction_head h JOIN igrt_decision d ON d.id = h.decision_id AND d.course_id = h.course_id"
            + " WHERE h.course_id = ?"; // d.course_id lets the planner use the course index even with stale statistics

    private DecisionRows() {
    }

    /** The values of a decision row to insert (id and recorded_at are the database's). */
    record NewRow(long courseId, int fraction, String dailySeriesUid, String dailyFrameUid, String match,
            TableTopCorrection correction, PatientPosition position, String status, Decision decision, String user,
            Instant time, String reason, boolean unmatched, Long supersedesId, String source, String importKey,
            String registrationFile, FractionObservations observations) {
    }

    /** Inserts a decision row and returns it as stored. */
    static FractionDecision insert(Connection c, NewRow r) throws SQLException {
        String sql = "INSERT INTO igrt_decision (course_id, fraction, daily_series_uid, daily_frame_uid, match_kind, "
                + "lateral_mm, longitudinal_mm, vertical_mm, pitch_deg, roll_deg, yaw_deg, patient_position, status, "
                + "decision, user_name, decided_at, reason, unmatched, supersedes_id, source, import_key, registration_file, "
                + "imaging_protocol, imaging_dose_mgy, soft_tissue_bone_mm, outline_inward_mm, outline_outward_mm, "
                + "target_volume_change_pct) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = 1;
            s.setLong(i++, r.courseId());
            s.setInt(i++, r.fraction());
            s.setString(i++, r.dailySeriesUid());
            s.setString(i++, r.dailyFrameUid());
            s.setString(i++, r.match());
            TableTopCorrection k = r.correction();
            for (double v : new double[] { k.lateralMm(), k.longitudinalMm(), k.verticalMm(), k.pitchDeg(), k.rollDeg(),
                    k.yawDeg() }) {
                s.setDouble(i++, v);
            }
            s.setString(i++, r.position().name());
            s.setString(i++, r.status());
            s.setString(i++, r.decision().name());
            s.setString(i++, r.user());
            s.setObject(i++, OffsetDateTime.ofInstant(r.time(), ZoneOffset.UTC));
            s.setString(i++, r.reason());
            s.setBoolean(i++, r.unmatched());
            if (r.supersedesId() == null) {
                s.setNull(i++, Types.BIGINT);
            } else {
                s.setLong(i++, r.supersedesId());
            }
            s.setString(i++, r.source());
            s.setString(i++, r.importKey());
            s.setString(i++, r.registrationFile());
            FractionObservations o = r.observations();
            s.setString(i++, o.imagingProtocol());
            for (Double v : new Double[] { o.imagingDoseMGy(), o.softTissueMinusBoneMm(), o.outlineInwardMm(),
                    o.outlineOutwardMm(), o.targetVolumeChangePercent() }) {
                if (v == null) {
                    s.setNull(i++, Types.DOUBLE);
                } else {
                    s.setDouble(i++, v);
                }
            }
            s.executeUpdate();
            long id;
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new decision");
                }
                id = keys.getLong(1);
            }
            return new FractionDecision(id, r.courseId(), r.fraction(), r.dailySeriesUid(), r.dailyFrameUid(), r.match(),
                    r.correction(), r.position(), r.status(), r.decision(), r.user(), r.time(), r.reason(), r.unmatched(),
                    r.supersedesId(), r.source(), r.registrationFile(), r.observations());
        }
    }

    /** Makes {@code decisionId} the fraction's first decision; a duplicate key (SQLState 23505) means it has one. */
    static void insertHead(Connection c, long courseId, int fraction, long decisionId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO igrt_fraction_head (course_id, fraction, decision_id) VALUES (?, ?, ?)")) {
            s.setLong(1, courseId);
            s.setInt(2, fraction);
            s.setLong(3, decisionId);
            s.executeUpdate();
        }
    }

    /** Moves the fraction's head from {@code expected} to {@code decisionId}; false if the head is no longer expected. */
    static boolean moveHead(Connection c, long courseId, int fraction, long expected, long decisionId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE igrt_fraction_head SET decision_id = ? WHERE course_id = ? AND fraction = ? AND decision_id = ?")) {
            s.setLong(1, decisionId);
            s.setLong(2, courseId);
            s.setInt(3, fraction);
            s.setLong(4, expected);
            return s.executeUpdate() == 1;
        }
    }

    static Optional<FractionDecision> head(Connection c, long courseId, int fraction) throws SQLException {
        List<FractionDecision> l = query(c, HEADS + " AND h.fraction = ?", courseId, fraction);
        return l.stream().findFirst();
    }

    static List<FractionDecision> heads(Connection c, long courseId) throws SQLException {
        return query(c, HEADS + " ORDER BY h.fraction", courseId);
    }

    static List<FractionDecision> history(Connection c, long courseId) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM igrt_decision d WHERE d.course_id = ? ORDER BY d.fraction, d.id",
                courseId);
    }

    /** The fraction on which {@code seriesUid} was last decided in the course, if any. */
    static Optional<Integer> fractionOfSeries(Connection c, long courseId, String seriesUid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT fraction FROM igrt_decision WHERE course_id = ? "
                + "AND daily_series_uid = ? ORDER BY id DESC")) {
            s.setLong(1, courseId);
            s.setString(2, seriesUid);
            s.setMaxRows(1);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    static boolean importKeyExists(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM igrt_decision WHERE import_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<FractionDecision> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<FractionDecision> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    private static FractionDecision read(ResultSet rs) throws SQLException {
        long supersedes = rs.getLong(20);
        Long supersedesId = rs.wasNull() ? null : supersedes;
        return new FractionDecision(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), new TableTopCorrection(rs.getDouble(7), rs.getDouble(8), rs.getDouble(9),
                        rs.getDouble(10), rs.getDouble(11), rs.getDouble(12)),
                PatientPosition.valueOf(rs.getString(13)), rs.getString(14), Decision.valueOf(rs.getString(15)),
                rs.getString(16), rs.getObject(17, OffsetDateTime.class).toInstant(), rs.getString(18), rs.getBoolean(19),
                supersedesId, rs.getString(21), rs.getString(22), new FractionObservations(rs.getString(23),
                        nullable(rs, 24), nullable(rs, 25), nullable(rs, 26), nullable(rs, 27), nullable(rs, 28)));
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
