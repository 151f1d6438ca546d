/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.registration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.patient.PatientIdentity;

/**
 * A rigid spatial registration between Frames of Reference (DICOM Spatial Registration): the registration's
 * own (target) Frame of Reference and, for each registered frame, the rigid transform that maps its patient
 * LPS mm coordinates into the target frame. The identity for the target frame itself may be included.
 */
public record SpatialRegistration(PatientIdentity patient, String frameOfReferenceUid, String contentLabel,
        String contentDescription, List<RigidTransform> transforms) {

    public SpatialRegistration {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(frameOfReferenceUid, "frameOfReferenceUid");
        contentLabel = Objects.requireNonNullElse(contentLabel, "");
        contentDescription = Objects.requireNonNullElse(contentDescription, "");
        transforms = List.copyOf(transforms);
        if (transforms.isEmpty()) {
            throw new IllegalArgumentException("a spatial registration needs at least one transform");
        }
        for (RigidTransform t : transforms) {
            if (!t.toFrameUid().equals(frameOfReferenceUid)) {
                throw new IllegalArgumentException("transform from " + t.fromFrameUid() + " maps into "
                        + t.toFrameUid() + ", not the registration's Frame of Reference " + frameOfReferenceUid);
            }
        }
    }

    /** The transform that maps the given frame into the registration's frame. */
    public Optional<RigidTransform> transformFrom(String frameUid) {
        return transforms.stream().filter(t -> t.fromFrameUid().equals(frameUid)).findFirst();
    }
}
