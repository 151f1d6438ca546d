/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.isocenter.igrt.AdaptiveRule;
import org.isocenter.igrt.AdaptiveRules;
import org.isocenter.igrt.Alert;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.RuleInput;

/**
 * Evaluates the adaptive rules when a decision is recorded and stores the alerts they raise with it (same
 * transaction); reads the course's current alerts (those of current decisions). Units as each rule states.
 */
final class AlertRows {

    /** The rule id of the alert that says the rules could not be evaluated. */
    static final String SETTINGS_PROBLEM = "alert-settings";

    private AlertRows() {
    }

    /** Runs every rule on the recorded decision and stores what they raise; returns the alerts. */
    static List<Alert> evaluate(Connection c, Course course, FractionDecision recorded, AlertEnvironment env)
            throws SQLException {
        List<Alert> alerts = new ArrayList<>();
        if (env.problem() != null) {
            alerts.add(new Alert(recorded.fraction(), SETTINGS_PROBLEM, 0, 0, "", "adaptive rules not evaluated: "
                    + env.problem()));
        } else {
            List<FractionDecision> heads = DecisionRows.heads(c, course.id());
            List<FractionDecision> history = DecisionRows.history(c, course.id());
            var corrections = ReferenceRows.list(c, course.id());
            for (AdaptiveRule rule : env.rules()) {
                RuleInput in = new RuleInput(course, recorded, heads, history, corrections, env.settings().of(rule),
                        env.sixDofCouch(), env.couchMaxRotationDeg());
                try {
                    rule.evaluate(in).ifPresent(alerts::add);
                } catch (RuntimeException e) {
                    alerts.add(new Alert(recorded.fraction(), rule.id(), 0, 0, "", "rule " + rule.id()
                            + " failed and was not evaluated: " + e));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO igrt_alert (course_id, decision_id, fraction, rule_id, "
                + "measured, threshold, unit, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Alert a : alerts) {
                s.setLong(1, course.id());
                s.setLong(2, recorded.id());
                s.setInt(3, a.fraction());
                s.setString(4, a.rule());
                s.setDouble(5, a.value());
                s.setDouble(6, a.threshold());
                s.setString(7, a.unit());
                s.setString(8, a.message().length() > 2000 ? a.message().substring(0, 2000) : a.message());
                s.addBatch();
            }
            if (!alerts.isEmpty()) {
                s.executeBatch();
            }
        }
        return alerts;
    }

    /** The alerts of the course's current decisions, by fraction, in the order they were raised. */
    static List<Alert> current(Connection c, long courseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT a.fraction, a.rule_id, a.measured, a.threshold, a.unit, "
                + "a.message FROM igrt_alert a JOIN igrt_fraction_head h ON h.decision_id = a.decision_id "
                + "AND h.course_id = a.course_id WHERE a.course_id = ? ORDER BY a.fraction, a.id")) {
            s.setLong(1, courseId);
            List<Alert> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Alert(rs.getInt(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5),
                            rs.getString(6)));
                }
            }
            return out;
        }
    }
}
