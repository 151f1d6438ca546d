/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.session;

import java.util.List;
import java.util.Optional;

import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.SeriesRecord;

/**
 * What {@link PlanResolver} found for one planning image series: the RT Structure Set, RT Plan and RT Dose chosen
 * for it (each with every candidate and why the choice fell as it did) and the patient's Spatial Registrations.
 * References only: nothing is read beyond the folder scan's headers.
 */
public record PlanObjects(Choice structureSet, Choice plan, Choice dose, List<Found> registrations) {

    public PlanObjects {
        registrations = List.copyOf(registrations);
    }

    /** One object found by a folder scan: its series and its instance (file, SOP Instance UID). */
    public record Found(SeriesRecord series, InstanceRecord instance) {

        public String sopInstanceUid() {
            return instance.sopInstanceUid();
        }
    }

    /**
     * The choice among the candidates of one kind: {@code chosen} is empty when there is none, or when several
     * remain that no rule tells apart ({@link #ambiguous()}: the caller refuses, or shows the first and says so);
     * {@code how} says why, for messages.
     */
    public record Choice(Optional<Found> chosen, List<Found> candidates, String how) {

        public Choice {
            candidates = List.copyOf(candidates);
        }

        /** Several candidates and no rule that picks one. */
        public boolean ambiguous() {
            return chosen.isEmpty() && candidates.size() > 1;
        }
    }
}
