/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.Objects;

/**
 * One IGRT treatment course: a patient treated with one plan whose geometry is defined on the reference (planning
 * CT) series, in the reference Frame of Reference (DICOM patient LPS, mm); daily images are matched to that
 * reference. {@code id} is the record store's key, 0 for a course not stored yet ({@link #draft}).
 */
public record Course(long id, Patient patient, Plan plan, String referenceSeriesUid, String referenceFrameOfReferenceUid,
        Prescription prescription, String site) {

    public Course {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(prescription, "prescription");
        if (referenceSeriesUid == null || referenceSeriesUid.isBlank()) {
            throw new IllegalArgumentException("a course needs the reference (planning CT) Series Instance UID");
        }
        if (referenceFrameOfReferenceUid == null || referenceFrameOfReferenceUid.isBlank()) {
            throw new IllegalArgumentException("a course needs the reference Frame of Reference UID");
        }
    }

    /** A course to be created by {@link RecordStore#createCourse}: id 0. */
    public static Course draft(Patient patient, Plan plan, String referenceSeriesUid, String referenceFrameOfReferenceUid,
            Prescription prescription) {
        return new Course(0, patient, plan, referenceSeriesUid, referenceFrameOfReferenceUid, prescription, null);
    }

    /** This course for treatment site {@code site} (a site protocol's name; null: none). */
    public Course withSite(String site) {
        return new Course(id, patient, plan, referenceSeriesUid, referenceFrameOfReferenceUid, prescription,
                site == null || site.isBlank() ? null : site);
    }
}
