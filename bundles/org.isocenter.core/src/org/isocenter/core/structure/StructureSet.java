/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.structure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.isocenter.core.patient.PatientIdentity;

/**
 * A set of regions of interest delineated on one image series (DICOM RT Structure Set): its label, the
 * patient, the Frame of Reference its contours are in (patient LPS mm) and the series it references.
 */
public record StructureSet(String label, PatientIdentity patient, String frameOfReferenceUid,
        String referencedSeriesInstanceUid, List<Roi> rois) {

    public StructureSet {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(frameOfReferenceUid, "frameOfReferenceUid");
        Objects.requireNonNull(referencedSeriesInstanceUid, "referencedSeriesInstanceUid");
        rois = List.copyOf(rois);
        long distinct = rois.stream().mapToInt(Roi::number).distinct().count();
        if (distinct != rois.size()) {
            throw new IllegalArgumentException("ROI numbers must be unique within a structure set");
        }
    }

    /** The first contoured target ({@link StructureRoles#firstTarget}: PTV, then ITV, CTV, GTV). */
    public Optional<Roi> firstTarget() {
        return StructureRoles.firstTarget(this);
    }

    /**
     * The ROI with this name, compared ignoring case. Refuses (IllegalArgumentException) a name that several ROIs
     * share: taking the first of them would be a silent guess.
     */
    public Optional<Roi> roi(String name) {
        List<Roi> matches = rois.stream().filter(r -> r.name().equalsIgnoreCase(name)).toList();
        if (matches.size() > 1) {
            throw new IllegalArgumentException("structure set '" + label + "' has " + matches.size() + " ROIs named '"
                    + name + "' (ROI numbers " + String.join(", ", matches.stream().map(r -> Integer.toString(r.number()))
                            .toList()) + "); rename them so that the name says which one is meant");
        }
        return matches.stream().findFirst();
    }
}
