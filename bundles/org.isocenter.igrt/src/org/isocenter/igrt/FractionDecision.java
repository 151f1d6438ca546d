/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.time.Instant;

import org.isocenter.core.patient.PatientPosition;

/**
 * One recorded decision on one fraction of a course, as stored (rows are never changed): the daily image (Series
 * Instance UID, Frame of Reference UID), the match used, the couch correction in IEC 61217 table-top terms (mm,
 * degrees) for the patient position, the status against the action levels, the decision, who decided and when
 * (UTC instant), the reason, whether it was accepted without a registration ({@code unmatched}, confirmed
 * explicitly), the id of the decision it supersedes (null for the fraction's first), its source ("RECORDED" at a
 * workstation or "IMPORTED" from a fraction log), the Spatial Registration file name, if any, and what else was
 * measured on the image ({@link FractionObservations}).
 */
public record FractionDecision(long id, long courseId, int fraction, String dailySeriesUid,
        String dailyFrameOfReferenceUid, String match, TableTopCorrection correction, PatientPosition position,
        String status, Decision decision, String user, Instant time, String reason, boolean unmatched,
        Long supersedesId, String source, String registrationFile, FractionObservations observations) {

    public static final String RECORDED = "RECORDED";
    public static final String IMPORTED = "IMPORTED";

    public FractionDecision {
        observations = observations == null ? FractionObservations.NONE : observations;
    }
}
