/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.List;
import java.util.Optional;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.registration.RegistrationRegion;

/**
 * Where a match looks and what its couch correction is about, all in the planning CT's Frame of Reference
 * (patient LPS mm): the treatment isocenter ({@link TreatmentIsocenter}; without a plan the centre of the final
 * match's region) and where it came from, the treatment patient position, the target centre (centroid of the
 * soft-tissue structure, else of the first target, else the bony box's centre) at which a 3-DOF couch's residual
 * and the soft-tissue − bony difference are reported, the bony box (target + margin) and the soft-tissue region
 * (structure + margin) when there is one. {@code notes} say what was assumed.
 */
public record MatchGeometry(Vector3 isocenterMm, String isocenterSource, boolean planIsocenter,
        PatientPosition position, String positionSource, Vector3 targetCentreMm, String targetName,
        RegistrationRegion bonyRegion, Optional<RegistrationRegion> softTissueRegion, List<String> notes) {

    public MatchGeometry {
        notes = List.copyOf(notes);
    }

    /** The region of the match that decides: the soft-tissue region when there is one, else the bony box. */
    public RegistrationRegion finalRegion() {
        return softTissueRegion.orElse(bonyRegion);
    }
}
