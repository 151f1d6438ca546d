/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.time.Instant;
import java.util.Objects;

import org.isocenter.core.patient.PatientPosition;

/**
 * A decision a workstation asks the record store to record for one fraction of a course. The daily image is named
 * by its Series Instance UID and Frame of Reference UID and belongs to {@code patientId}; it was matched
 * ({@code match}: "bone-6dof", "bone-3dof", "soft-tissue", "manual", ... or {@value #NO_MATCH}) against the reference series /
 * Frame of Reference given here, giving {@code correction} (IEC 61217 table-top, mm and degrees) for the patient
 * {@code position}; {@code status} is the correction's status against the action levels (e.g. APPLY,
 * WITHIN_TOLERANCE, REFUSED). {@code time} is the decision's UTC instant (null: now), {@code reason} free text.
 * <p>
 * {@code supersedesId} is the fraction's current decision as the workstation saw it (null: the fraction has
 * none yet); if another decision was recorded meanwhile the store refuses with {@link RecordConflictException}.
 * Accepting without a registration ({@code match} {@value #NO_MATCH}) needs {@code unmatchedConfirmed}.
 * {@code registrationFile} optionally names the Spatial Registration object written for an accepted match;
 * {@code observations} what else was measured on the image (imaging dose, outline, soft tissue against bone).
 */
public record DecisionRequest(long courseId, int fraction, String patientId, String dailySeriesUid,
        String dailyFrameOfReferenceUid, String referenceSeriesUid, String referenceFrameOfReferenceUid, String match,
        TableTopCorrection correction, PatientPosition position, String status, Decision decision, String user,
        Instant time, String reason, boolean unmatchedConfirmed, Long supersedesId, String registrationFile,
        FractionObservations observations) {

    /** The match of an image accepted or rejected without a registration. */
    public static final String NO_MATCH = "none";

    public DecisionRequest {
        Objects.requireNonNull(correction, "couch correction");
        Objects.requireNonNull(position, "patient position");
        Objects.requireNonNull(decision, "decision");
        require(patientId, "the daily image's patient id");
        require(dailySeriesUid, "the daily image's Series Instance UID");
        require(user, "the user who decided");
        require(match, "the match used (or \"none\")");
        require(status, "the status against the action levels");
        if (fraction < 1) {
            throw new IllegalArgumentException("fraction numbers start at 1, got " + fraction);
        }
        reason = reason == null ? "" : reason;
        observations = observations == null ? FractionObservations.NONE : observations;
    }

    /** A decision with nothing measured besides the couch correction. */
    public DecisionRequest(long courseId, int fraction, String patientId, String dailySeriesUid,
            String dailyFrameOfReferenceUid, String referenceSeriesUid, String referenceFrameOfReferenceUid, String match,
            TableTopCorrection correction, PatientPosition position, String status, Decision decision, String user,
            Instant time, String reason, boolean unmatchedConfirmed, Long supersedesId, String registrationFile) {
        this(courseId, fraction, patientId, dailySeriesUid, dailyFrameOfReferenceUid, referenceSeriesUid,
                referenceFrameOfReferenceUid, match, correction, position, status, decision, user, time, reason,
                unmatchedConfirmed, supersedesId, registrationFile, FractionObservations.NONE);
    }

    /** True when this accepts an image without a registration (it must be confirmed). */
    public boolean acceptsUnmatched() {
        return decision == Decision.ACCEPTED && NO_MATCH.equals(match);
    }

    private static void require(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("a decision needs " + what);
        }
    }
}
