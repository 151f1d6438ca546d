/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.scan;

import java.util.List;

import org.isocenter.core.patient.PatientIdentity;

/** One patient found by a folder scan (grouped by Patient ID), with the patient's studies. */
public record PatientRecord(PatientIdentity identity, List<StudyRecord> studies) {

    public PatientRecord {
        studies = List.copyOf(studies);
    }

    /** Number of series over all studies. */
    public int seriesCount() {
        return studies.stream().mapToInt(s -> s.series().size()).sum();
    }
}
