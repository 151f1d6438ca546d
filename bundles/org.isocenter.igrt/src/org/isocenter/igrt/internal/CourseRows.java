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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.isocenter.igrt.Course;
import org.isocenter.igrt.Patient;
import org.isocenter.igrt.Plan;
import org.isocenter.igrt.Prescription;

/** SQL of the course table (dose in Gy; UIDs as DICOM gives them). No spatial frame. */
final class CourseRows {

    private static final String SELECT = "SELECT id, patient_id, patient_name, plan_uid, plan_label, reference_series_uid, "
            + "reference_frame_uid, prescribed_dose_gy, prescribed_fractions, site FROM igrt_course";

    private CourseRows() {
    }

    static Course insert(Connection c, Course d) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO igrt_course (patient_id, patient_name, plan_uid, "
                + "plan_label, reference_series_uid, reference_frame_uid, prescribed_dose_gy, prescribed_fractions, site) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, d.patient().id());
            s.setString(2, d.patient().name());
            s.setString(3, d.plan().sopInstanceUid());
            s.setString(4, d.plan().label());
            s.setString(5, d.referenceSeriesUid());
            s.setString(6, d.referenceFrameOfReferenceUid());
            s.setDouble(7, d.prescription().doseGy());
            s.setInt(8, d.prescription().fractions());
            s.setString(9, d.site());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new course");
                }
                return new Course(keys.getLong(1), d.patient(), d.plan(), d.referenceSeriesUid(),
                        d.referenceFrameOfReferenceUid(), d.prescription(), d.site());
            }
        }
    }

    static Optional<Course> byId(Connection c, long id) throws SQLException {
        return query(c, SELECT + " WHERE id = ?", id).stream().findFirst();
    }

    static Optional<Course> byPlan(Connection c, String planUid) throws SQLException {
        return query(c, SELECT + " WHERE plan_uid = ?", planUid).stream().findFirst();
    }

    static List<Course> byPatient(Connection c, String patientId) throws SQLException {
        return query(c, SELECT + " WHERE patient_id = ? ORDER BY id", patientId);
    }

    static List<Course> all(Connection c) throws SQLException {
        return query(c, SELECT + " ORDER BY patient_id, id", null);
    }

    private static List<Course> query(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (arg != null) {
                s.setObject(1, arg);
            }
            List<Course> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Course(rs.getLong(1), new Patient(rs.getString(2), rs.getString(3)),
                            new Plan(rs.getString(4), rs.getString(5)), rs.getString(6), rs.getString(7),
                            new Prescription(rs.getDouble(8), rs.getInt(9)), rs.getString(10)));
                }
            }
            return out;
        }
    }
}
