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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.isocenter.igrt.ReferenceCorrection;
import org.isocenter.margin.AxisValues;

/** SQL of the reference corrections (offline protocols, patient axes mm, UTC times); rows are only inserted. */
final class ReferenceRows {

    private ReferenceRows() {
    }

    static ReferenceCorrection insert(Connection c, ReferenceCorrection r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO igrt_reference_correction (course_id, from_fraction, "
                + "protocol, lr_mm, ap_mm, si_mm, based_on_fractions, user_name, decided_at, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, r.courseId());
            s.setInt(2, r.fromFraction());
            s.setString(3, r.protocol());
            s.setDouble(4, r.correctionMm().lr());
            s.setDouble(5, r.correctionMm().ap());
            s.setDouble(6, r.correctionMm().si());
            s.setInt(7, r.basedOnFractions());
            s.setString(8, r.user());
            s.setObject(9, OffsetDateTime.ofInstant(r.time(), ZoneOffset.UTC));
            s.setString(10, r.reason());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the reference correction");
                }
                return new ReferenceCorrection(keys.getLong(1), r.courseId(), r.fromFraction(), r.protocol(),
                        r.correctionMm(), r.basedOnFractions(), r.user(), r.time(), r.reason());
            }
        }
    }

    /** The course's reference corrections, oldest first. */
    static List<ReferenceCorrection> list(Connection c, long courseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, from_fraction, protocol, lr_mm, ap_mm, si_mm, "
                + "based_on_fractions, user_name, decided_at, reason FROM igrt_reference_correction WHERE course_id = ? "
                + "ORDER BY id")) {
            s.setLong(1, courseId);
            List<ReferenceCorrection> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReferenceCorrection(rs.getLong(1), courseId, rs.getInt(2), rs.getString(3),
                            new AxisValues(rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)), rs.getInt(7),
                            rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getString(10)));
                }
            }
            return out;
        }
    }
}
