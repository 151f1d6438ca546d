/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.List;
import java.util.Optional;

import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.plan.RtPlan;

/**
 * How a workstation records a decision on a daily image, the same for the command line and the workbench: the
 * plan's course (created on first use from the plan: target prescription dose in Gy and planned fractions), the
 * fraction (the daily image's own fraction when it was recorded before, so the new decision supersedes that one;
 * else the next), and the default decision (a correction the limits REFUSED is rejected, anything else accepted).
 * Couch corrections are IEC 61217 table-top (mm, degrees).
 */
public final class FractionRecording {

    /** The status a correction beyond the limits has (CouchCorrection.Status.REFUSED). */
    public static final String REFUSED = "REFUSED";

    private FractionRecording() {
    }

    /** The course delivering this plan, created on first use (without a treatment site). */
    public static Course course(RecordStore store, PatientIdentity patient, String planSopInstanceUid, RtPlan plan,
            String referenceSeriesUid, String referenceFrameOfReferenceUid) throws RecordStoreException {
        return course(store, patient, planSopInstanceUid, plan, referenceSeriesUid, referenceFrameOfReferenceUid, null);
    }

    /**
     * The course delivering this plan, created on first use for treatment site {@code site} (a site protocol's
     * name, whose alert thresholds and offline protocol apply; null: none). An existing course keeps its site.
     */
    public static Course course(RecordStore store, PatientIdentity patient, String planSopInstanceUid, RtPlan plan,
            String referenceSeriesUid, String referenceFrameOfReferenceUid, String site) throws RecordStoreException {
        Optional<Course> existing = store.courseForPlan(planSopInstanceUid);
        if (existing.isPresent()) {
            return existing.get();
        }
        return store.createCourse(Course.draft(new Patient(patient.patientId(), patient.patientName()),
                new Plan(planSopInstanceUid, plan.label()), referenceSeriesUid, referenceFrameOfReferenceUid,
                prescription(plan, planSopInstanceUid)).withSite(site));
    }

    /** The plan's target prescription dose (Gy) and its first fraction group's planned fractions. */
    public static Prescription prescription(RtPlan plan, String planSopInstanceUid) {
        double dose = plan.prescriptions().stream().filter(r -> r.doseReferenceType().equals("TARGET"))
                .mapToDouble(r -> r.targetPrescriptionDoseGy()).filter(d -> d > 0).findFirst().orElse(Double.NaN);
        if (!(dose > 0)) {
            throw new IllegalArgumentException("the RT Plan " + planSopInstanceUid + " states no target prescription "
                    + "dose: a course cannot be recorded without one");
        }
        if (plan.fractionGroups().isEmpty() || plan.fractionGroups().get(0).fractionsPlanned() < 1) {
            throw new IllegalArgumentException("the RT Plan " + planSopInstanceUid + " states no number of planned fractions");
        }
        return new Prescription(dose, plan.fractionGroups().get(0).fractionsPlanned());
    }

    /**
     * Records a decision on a daily image of the course.
     *
     * @param dailyPatientId the daily image's Patient ID (refused unless the course's)
     * @param referenceSeriesUid the planning CT the image was matched to (refused unless the course's reference)
     * @param fraction the fraction, or null: the daily image's own fraction if recorded before, else the next
     * @param decision null: ACCEPTED, or REJECTED when {@code status} is {@value #REFUSED}
     * @param statusMessages why the status is what it is (the reason of a default rejection)
     */
    public static FractionDecision record(RecordStore store, Course course, Integer fraction, String dailyPatientId,
            String dailySeriesUid, String dailyFrameOfReferenceUid, String referenceSeriesUid,
            String referenceFrameOfReferenceUid, String match, TableTopCorrection correction, PatientPosition position,
            String status, List<String> statusMessages, Decision decision, String user, String reason,
            boolean unmatchedConfirmed, String registrationFile) throws RecordStoreException {
        return record(store, course, fraction, dailyPatientId, dailySeriesUid, dailyFrameOfReferenceUid,
                referenceSeriesUid, referenceFrameOfReferenceUid, match, correction, position, status, statusMessages,
                decision, user, reason, unmatchedConfirmed, registrationFile, FractionObservations.NONE);
    }

    /** As above, with what else was measured on the image (imaging dose, soft tissue against bone, outline). */
    public static FractionDecision record(RecordStore store, Course course, Integer fraction, String dailyPatientId,
            String dailySeriesUid, String dailyFrameOfReferenceUid, String referenceSeriesUid,
            String referenceFrameOfReferenceUid, String match, TableTopCorrection correction, PatientPosition position,
            String status, List<String> statusMessages, Decision decision, String user, String reason,
            boolean unmatchedConfirmed, String registrationFile, FractionObservations observations)
            throws RecordStoreException {
        List<FractionDecision> current = store.current(course.id());
        int n = fraction != null ? fraction : current.stream().filter(d -> d.dailySeriesUid().equals(dailySeriesUid))
                .mapToInt(FractionDecision::fraction).findFirst()
                .orElse(current.stream().mapToInt(FractionDecision::fraction).max().orElse(0) + 1);
        Optional<FractionDecision> previous = store.current(course.id(), n);
        boolean refused = REFUSED.equals(status);
        Decision d = decision != null ? decision : refused ? Decision.REJECTED : Decision.ACCEPTED;
        String why = reason == null ? "" : reason;
        if (why.isEmpty() && refused && d == Decision.REJECTED) {
            why = "correction refused by the limits: " + String.join("; ", statusMessages);
        }
        return store.record(new DecisionRequest(course.id(), n, dailyPatientId, dailySeriesUid,
                dailyFrameOfReferenceUid, referenceSeriesUid, referenceFrameOfReferenceUid, match,
                correction, position, status, d, user, null, why, unmatchedConfirmed,
                previous.map(FractionDecision::id).orElse(null), registrationFile, observations));
    }
}
