/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

import org.isocenter.core.patient.TableTopAxes;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.Decision;
import org.isocenter.igrt.DecisionRequest;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.RecordRefusedException;
import org.isocenter.igrt.RecordStoreException;

/**
 * Records one decision inside the caller's transaction: safety checks, then the append-only insert and the
 * compare-and-set of the fraction's head, then the adaptive rules (their alerts stored with it). A lost race surfaces as an SQLException with SQLState
 * {@value #CONFLICT_STATE} or 23505 (the caller rolls back and reports the conflict). No frame or unit.
 */
final class Recorder {

    /** SQLState of a lost race (as for a serialization failure). */
    static final String CONFLICT_STATE = "40001";

    private Recorder() {
    }

    /**
     * @param checkReference false for imported log entries, which do not name the reference they were matched on
     */
    static FractionDecision record(Connection c, Course course, DecisionRequest r, boolean checkReference, String source,
            String importKey, AlertEnvironment alerts) throws SQLException, RecordStoreException {
        refuseUnsafe(course, r, checkReference);
        Optional<FractionDecision> head = DecisionRows.head(c, course.id(), r.fraction());
        Long headId = head.map(FractionDecision::id).orElse(null);
        if (!Objects.equals(headId, r.supersedesId())) {
            throw new SQLException(head.isPresent()
                    ? "fraction " + r.fraction() + " has decision " + headId + ", not " + r.supersedesId()
                    : "fraction " + r.fraction() + " has no decision to supersede", CONFLICT_STATE);
        }
        Instant time = (r.time() == null ? Instant.now() : r.time()).truncatedTo(ChronoUnit.MICROS);
        FractionDecision d = DecisionRows.insert(c, new DecisionRows.NewRow(course.id(), r.fraction(), r.dailySeriesUid(),
                r.dailyFrameOfReferenceUid(), r.match(), r.correction(), r.position(), r.status(), r.decision(), r.user(),
                time, r.reason(), r.acceptsUnmatched(), r.supersedesId(), source, importKey, r.registrationFile(),
                r.observations()));
        if (r.supersedesId() == null) {
            DecisionRows.insertHead(c, course.id(), r.fraction(), d.id());
        } else if (!DecisionRows.moveHead(c, course.id(), r.fraction(), r.supersedesId(), d.id())) {
            throw new SQLException("the head of fraction " + r.fraction() + " moved", CONFLICT_STATE);
        }
        AlertRows.evaluate(c, course, d, alerts);
        return d;
    }

    private static void refuseUnsafe(Course course, DecisionRequest r, boolean checkReference)
            throws RecordRefusedException {
        String patient = "patient '" + course.patient().id() + "'"
                + (course.patient().name().isEmpty() ? "" : " (" + course.patient().name() + ")");
        if (!r.patientId().equals(course.patient().id())) {
            throw new RecordRefusedException("refused: the daily image " + r.dailySeriesUid() + " is of patient '"
                    + r.patientId() + "', but course " + course.id() + " is " + patient + "'s; nothing was recorded");
        }
        if (checkReference) {
            if (!course.referenceSeriesUid().equals(r.referenceSeriesUid())) {
                throw new RecordRefusedException("refused: the match of " + r.dailySeriesUid() + " was made against "
                        + "reference series " + r.referenceSeriesUid() + ", but course " + course.id() + " of " + patient
                        + " is planned on series " + course.referenceSeriesUid() + "; nothing was recorded");
            }
            if (!course.referenceFrameOfReferenceUid().equals(r.referenceFrameOfReferenceUid())) {
                throw new RecordRefusedException("refused: the match of " + r.dailySeriesUid() + " was made in Frame of "
                        + "Reference " + r.referenceFrameOfReferenceUid() + ", but course " + course.id() + " of " + patient
                        + " is planned in Frame of Reference " + course.referenceFrameOfReferenceUid()
                        + "; nothing was recorded");
            }
        }
        if (r.acceptsUnmatched() && !r.unmatchedConfirmed()) {
            throw new RecordRefusedException("refused: accepting " + r.dailySeriesUid() + " for fraction " + r.fraction()
                    + " of " + patient + " without a registration (match \"none\") needs an explicit confirmation; "
                    + "nothing was recorded");
        }
        if (r.decision() == Decision.ACCEPTED && r.status().equals("REFUSED")) {
            throw new RecordRefusedException("refused: a couch correction with status REFUSED (outside the action "
                    + "levels) cannot be accepted for fraction " + r.fraction() + " of " + patient);
        }
        try {
            TableTopAxes.of(r.position());
        } catch (IllegalArgumentException e) {
            throw new RecordRefusedException("refused: " + e.getMessage());
        }
    }

    /** The message of a lost race: who decided the fraction, and when. */
    static String conflictMessage(Course course, int fraction, Optional<FractionDecision> head) {
        String patient = "patient '" + course.patient().id() + "'"
                + (course.patient().name().isEmpty() ? "" : " (" + course.patient().name() + ")");
        return head.map(h -> "not recorded: fraction " + fraction + " of " + patient + " was decided by '" + h.user()
                + "' at " + h.time() + " (" + h.decision() + ", decision " + h.id() + ") since you loaded it; review that "
                + "decision and, to correct it, supersede it").orElse("not recorded: fraction " + fraction + " of "
                        + patient + " has no decision to supersede (another workstation's decision was not stored)");
    }
}
