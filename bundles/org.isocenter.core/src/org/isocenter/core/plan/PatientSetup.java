/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.plan;

import java.util.Objects;

import org.isocenter.core.patient.PatientPosition;

/**
 * How the patient lies for a plan (DICOM Patient Setup Sequence item): patient position, setup technique
 * ({@code ISOCENTRIC}, {@code FIXED_SSD}, ...) and the table-top setup displacements in mm (vertical,
 * longitudinal, lateral, IEC 61217 table-top frame) from the setup reference point; 0 when not stated.
 */
public record PatientSetup(int number, PatientPosition position, String setupTechnique, double tableTopVerticalMm,
        double tableTopLongitudinalMm, double tableTopLateralMm) {

    public PatientSetup {
        Objects.requireNonNull(position, "position");
        setupTechnique = Objects.requireNonNullElse(setupTechnique, "");
    }
}
