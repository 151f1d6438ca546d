/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.patient;

/**
 * Patient position on the table as DICOM Patient Position (0018,5100) codes it: head or feet first
 * towards the gantry, and supine, prone or decubitus. It decides how patient LPS axes relate to the
 * room (IEC 61217) and how views label their edges.
 */
public enum PatientPosition {
    HFS("head first, supine"),
    FFS("feet first, supine"),
    HFP("head first, prone"),
    FFP("feet first, prone"),
    HFDR("head first, decubitus right"),
    HFDL("head first, decubitus left"),
    FFDR("feet first, decubitus right"),
    FFDL("feet first, decubitus left");

    private final String description;

    PatientPosition(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Parses a DICOM code; fails with a message naming the value when it is not one. */
    public static PatientPosition fromDicom(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        for (PatientPosition p : values()) {
            if (p.name().equals(c)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown Patient Position '" + code + "'");
    }
}
