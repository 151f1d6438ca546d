/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.tests;

import java.time.Instant;

import org.isocenter.core.patient.PatientPosition;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.Decision;
import org.isocenter.igrt.DecisionRequest;
import org.isocenter.igrt.FractionObservations;
import org.isocenter.igrt.Patient;
import org.isocenter.igrt.Plan;
import org.isocenter.igrt.Prescription;
import org.isocenter.igrt.TableTopCorrection;

/** Test courses and decision requests (couch corrections IEC 61217 table-top, mm and degrees; times UTC). */
final class Requests {

    static final String REFERENCE_SERIES = "1.2.826.0.1.3680043.2.1125.1.100";
    static final String REFERENCE_FRAME = "1.2.826.0.1.3680043.2.1125.1.101";
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    private Requests() {
    }

    static Course draft(String patientId, String planUid) {
        return Course.draft(new Patient(patientId, "Doe^" + patientId), new Plan(planUid, "Prostate 60 Gy / 20"),
                REFERENCE_SERIES, REFERENCE_FRAME, new Prescription(60, 20));
    }

    static Builder on(Course course, int fraction) {
        return new Builder(course, fraction);
    }

    /** A mutable request builder with safe defaults (the course's patient and reference, a bone match, HFS). */
    static final class Builder {
        long courseId;
        int fraction;
        String patientId, series, dailyFrame = "1.2.3.9", reference = REFERENCE_SERIES, referenceFrame = REFERENCE_FRAME;
        String match = "bone", status = "APPLY", user = "rtt1", reason = "", registrationFile;
        TableTopCorrection correction = new TableTopCorrection(1, 2, 3, 0, 0, 0);
        PatientPosition position = PatientPosition.HFS;
        Decision decision = Decision.ACCEPTED;
        Instant time;
        boolean confirmed;
        Long supersedes;
        FractionObservations observations = FractionObservations.NONE;

        Builder(Course c, int fraction) {
            this.courseId = c.id();
            this.fraction = fraction;
            this.patientId = c.patient().id();
            this.series = "1.2.3." + c.id() + "." + fraction;
            this.time = T0.plusSeconds(86_400L * fraction);
        }

        Builder shift(double lat, double lng, double vert) {
            correction = new TableTopCorrection(lat, lng, vert, 0, 0, 0);
            return this;
        }

        Builder decision(Decision d) {
            decision = d;
            return this;
        }

        Builder user(String u) {
            user = u;
            return this;
        }

        Builder supersedes(Long id) {
            supersedes = id;
            return this;
        }

        Builder at(Instant t) {
            time = t;
            return this;
        }

        Builder correction(TableTopCorrection c) {
            correction = c;
            return this;
        }

        Builder observations(FractionObservations o) {
            observations = o;
            return this;
        }

        Builder series(String s) {
            series = s;
            return this;
        }

        DecisionRequest build() {
            return new DecisionRequest(courseId, fraction, patientId, series, dailyFrame, reference, referenceFrame, match,
                    correction, position, status, decision, user, time, reason, confirmed, supersedes, registrationFile,
                    observations);
        }
    }
}
