/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import org.isocenter.cli.CliUsageException;

import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.igrt.Alert;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.CourseShow;
import org.isocenter.igrt.FractionObservations;
import org.isocenter.igrt.ImagingDoseTable;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.FractionRecording;
import org.isocenter.igrt.RecordStore;
import org.isocenter.igrt.RecordStores;
import org.isocenter.igrt.TableTopCorrection;
import org.isocenter.registration.CouchCorrection;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.isocenter.igrt.AdaptiveRules;

/**
 * {@code register --record}: the fraction's decision on a matched daily image into the IGRT record store, through
 * {@link FractionRecording} (the rules the workbench records by too). The couch correction is IEC 61217 table-top
 * (mm, degrees).
 */
final class FractionRecorder {

    /** The plan and planning CT a course is made of. */
    record PlanContext(PatientIdentity patient, String planSopInstanceUid, RtPlan plan, String referenceSeriesUid,
            String referenceFrameOfReferenceUid) {
    }

    private FractionRecorder() {
    }

    static JsonObject record(AdaptiveRules rules, RecordOptions options, PlanContext plan, PatientIdentity dailyPatient, String dailySeriesUid,
            String dailyFrameOfReferenceUid, CouchCorrection correction, String match, String registrationFile,
            FractionObservations measured) throws Exception {
        FractionObservations observations = measured;
        if (options.imagingProtocol() != null) {
            ImagingDoseTable.Entry e;
            try {
                e = ImagingDoseTable.forHome(RecordStores.home()).require(options.imagingProtocol());
            } catch (IllegalArgumentException unknown) {
                throw new CliUsageException("--imaging-protocol: " + unknown.getMessage());
            }
            observations = observations.withImaging(e.id(), e.doseMGy());
        }
        try (RecordStore store = RecordStores.open(options.db(), rules)) {
            Course course = FractionRecording.course(store, plan.patient(), plan.planSopInstanceUid(), plan.plan(),
                    plan.referenceSeriesUid(), plan.referenceFrameOfReferenceUid(), options.site());
            FractionDecision d = FractionRecording.record(store, course, options.fraction(), dailyPatient.patientId(),
                    dailySeriesUid, dailyFrameOfReferenceUid, plan.referenceSeriesUid(), plan.referenceFrameOfReferenceUid(),
                    match, new TableTopCorrection(correction.lateralMm(), correction.longitudinalMm(),
                            correction.verticalMm(), correction.pitchDeg(), correction.rollDeg(), correction.yawDeg()),
                    correction.position(), correction.status().name(), correction.messages(), options.decision(),
                    options.user(), options.reason(), false, registrationFile, observations);
            JsonObject out = new JsonObject();
            out.addProperty("database", store.url());
            out.addProperty("courseId", course.id());
            out.addProperty("decisionId", d.id());
            out.addProperty("fraction", d.fraction());
            out.addProperty("decision", d.decision().name());
            out.addProperty("user", d.user());
            out.addProperty("time", d.time().toString());
            if (d.supersedesId() != null) {
                out.addProperty("supersedes", d.supersedesId());
            }
            out.addProperty("site", course.site());
            out.addProperty("imagingProtocol", d.observations().imagingProtocol());
            out.addProperty("imagingDoseMGy", d.observations().imagingDoseMGy());
            out.addProperty("softTissueMinusBoneMm", d.observations().softTissueMinusBoneMm());
            out.addProperty("outlineInwardMm", d.observations().outlineInwardMm());
            out.addProperty("outlineOutwardMm", d.observations().outlineOutwardMm());
            JsonArray alerts = new JsonArray();
            for (Alert a : store.alerts(course.id())) {
                if (a.fraction() == d.fraction()) {
                    alerts.add(CourseShow.toJson(a));
                }
            }
            out.add("alerts", alerts);
            return out;
        }
    }
}
