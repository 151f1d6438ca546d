/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.Objects;

/**
 * The patient a treatment course belongs to, as DICOM names them: Patient ID (0010,0020) and Patient's Name
 * (0010,0010). No frame or unit: identification only.
 */
public record Patient(String id, String name) {

    public Patient {
        Objects.requireNonNull(id, "patient id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a patient needs a non-blank id");
        }
        name = name == null ? "" : name;
    }
}
