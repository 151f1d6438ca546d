/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.image;

import java.util.Objects;

import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;

/**
 * Where an {@link ImageVolume} comes from: patient, study and series identity, modality, Frame of
 * Reference UID, patient position, acquisition date ({@code YYYYMMDD}) and a human description.
 */
public record ImageVolumeInfo(PatientIdentity patient, String studyInstanceUid, String seriesInstanceUid,
        String frameOfReferenceUid, String modality, PatientPosition patientPosition, String acquisitionDate,
        String seriesDescription) {

    public ImageVolumeInfo {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        Objects.requireNonNull(frameOfReferenceUid, "frameOfReferenceUid");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(patientPosition, "patientPosition");
        acquisitionDate = Objects.requireNonNullElse(acquisitionDate, "");
        seriesDescription = Objects.requireNonNullElse(seriesDescription, "");
    }
}
