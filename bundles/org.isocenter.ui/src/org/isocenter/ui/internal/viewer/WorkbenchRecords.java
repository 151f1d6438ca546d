/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.viewer;

import java.util.Optional;

import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.Decision;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.FractionObservations;
import org.isocenter.igrt.FractionRecording;
import org.isocenter.igrt.RecordStore;
import org.isocenter.igrt.RecordStores;
import org.isocenter.igrt.TableTopCorrection;
import org.isocenter.registration.CouchCorrection;
import org.isocenter.session.WorkingSessions;
import org.isocenter.ui.internal.IsocenterUiPlugin;
import org.isocenter.ui.internal.preferences.PreferenceDefaults;

/**
 * The workbench's decisions into the IGRT record store, by the same rules as {@code register --record}
 * ({@link FractionRecording}): the course of the plan of the working session's plan context (the planning CT's RT
 * Plan as {@link org.isocenter.session.PlanResolver} chose it: same patient and Frame of Reference), the daily image's fraction, the couch correction (IEC 61217 table-top, mm and degrees).
 */
public final class WorkbenchRecords {

    private static final java.util.List<Runnable> LISTENERS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private WorkbenchRecords() {
    }

    /** Told (on the recording thread) after a decision was recorded. */
    public static void addListener(Runnable r) {
        LISTENERS.add(r);
    }

    public static void removeListener(Runnable r) {
        LISTENERS.remove(r);
    }

    /** The store's JDBC URL: the preference, else the default shared with the command line. */
    public static String url() {
        String pref = IsocenterUiPlugin.get().getPreferenceStore().getString(PreferenceDefaults.RECORD_DB);
        return pref == null || pref.isBlank() ? RecordStores.defaultUrl() : pref.strip();
    }

    /** Records a decision; returns what was recorded (throws when nothing was). */
    public static FractionDecision record(ImageVolume planning, SeriesRecord planningSeries, ImageVolume daily,
            CouchCorrection c, String match, Decision decision, boolean unmatchedConfirmed, String reason,
            String registrationFile, FractionObservations observations) throws Exception {
        Plan plan = planFor(planning).orElseThrow(() -> new IllegalStateException(Messages.WorkbenchRecords_noPlan));
        String imaging = IsocenterUiPlugin.get().getPreferenceStore().getString(PreferenceDefaults.IMAGING_PROTOCOL);
        if (imaging != null && !imaging.isBlank()) {
            var entry = org.isocenter.igrt.ImagingDoseTable.forHome(RecordStores.home()).require(imaging);
            observations = observations.withImaging(entry.id(), entry.doseMGy());
        }
        try (RecordStore store = RecordStores.open(url(), IsocenterUiPlugin.service(org.isocenter.igrt.AdaptiveRules.class))) {
            Course course = FractionRecording.course(store, planning.patient(), plan.sopInstanceUid(), plan.plan(),
                    planningSeries.seriesInstanceUid(), planning.frameOfReferenceUid());
            FractionDecision d = FractionRecording.record(store, course, null, daily.patient().patientId(),
                    daily.info().seriesInstanceUid(), daily.frameOfReferenceUid(), planningSeries.seriesInstanceUid(),
                    planning.frameOfReferenceUid(), match, new TableTopCorrection(c.lateralMm(), c.longitudinalMm(),
                            c.verticalMm(), c.pitchDeg(), c.rollDeg(), c.yawDeg()),
                    c.position(), c.status().name(), c.messages(), decision, System.getProperty("user.name", "unknown"),
                    reason, unmatchedConfirmed, registrationFile, observations);
            LISTENERS.forEach(Runnable::run);
            return d;
        }
    }

    private record Plan(String sopInstanceUid, RtPlan plan) {
    }

    /** The plan of the working session's plan context when its image is the planning CT (same patient and frame). */
    private static Optional<Plan> planFor(ImageVolume planning) {
        return WorkingSessions.current().planContext()
                .filter(c -> c.image() == planning && c.plan() != null)
                .filter(c -> c.plan().patient().patientId().equals(planning.patient().patientId())
                        && c.plan().frameOfReferenceUid().equals(planning.frameOfReferenceUid()))
                .map(c -> new Plan(c.planSopInstanceUid(), c.plan()));
    }
}
