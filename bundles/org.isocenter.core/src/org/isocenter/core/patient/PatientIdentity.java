/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.patient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who a dataset belongs to, as DICOM states it: Patient ID, Patient's Name (DICOM PN form,
 * {@code Family^Given}), birth date ({@code YYYYMMDD} or empty) and sex. Wherever two datasets meet, their
 * identities are compared with {@link #differencesFrom(PatientIdentity)} and a mismatch is refused.
 */
public record PatientIdentity(String patientId, String patientName, String birthDate, String sex) {

    public PatientIdentity {
        patientId = Objects.requireNonNullElse(patientId, "").strip();
        patientName = Objects.requireNonNullElse(patientName, "").strip();
        birthDate = Objects.requireNonNullElse(birthDate, "").strip();
        sex = Objects.requireNonNullElse(sex, "").strip();
    }

    /**
     * The fields in which the two identities differ, described for a user ("Patient ID 'A' vs 'B'"). Empty
     * when they are the same patient. A birth date missing on either side is not a difference.
     */
    public List<String> differencesFrom(PatientIdentity other) {
        List<String> diffs = new ArrayList<>();
        if (!patientId.equals(other.patientId)) {
            diffs.add("Patient ID '" + patientId + "' vs '" + other.patientId + "'");
        }
        if (!normalizedName(patientName).equals(normalizedName(other.patientName))) {
            diffs.add("Patient's Name '" + patientName + "' vs '" + other.patientName + "'");
        }
        if (!birthDate.isEmpty() && !other.birthDate.isEmpty() && !birthDate.equals(other.birthDate)) {
            diffs.add("Birth Date '" + birthDate + "' vs '" + other.birthDate + "'");
        }
        return diffs;
    }

    /** Whether both identities name the same patient (see {@link #differencesFrom(PatientIdentity)}). */
    public boolean isSamePatient(PatientIdentity other) {
        return differencesFrom(other).isEmpty();
    }

    private static String normalizedName(String pn) {
        // trailing empty components are insignificant in DICOM PN: "Doe^John^^^" == "Doe^John"
        return pn.replaceAll("\\^+$", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** "Name (ID)" for display in viewers and messages. */
    public String displayLabel() {
        return patientName.replace('^', ' ').strip() + " (" + patientId + ")";
    }
}
