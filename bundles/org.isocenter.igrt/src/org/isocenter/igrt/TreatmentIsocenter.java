/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.PatientSetup;
import org.isocenter.core.plan.RtPlan;

/**
 * The one rule for the point an IGRT couch correction is about, used by the command line and the workbench: the
 * isocenter (planning CT frame, DICOM LPS mm) of the plan's first TREATMENT beam (else its first beam), and the
 * patient position of that beam's Patient Setup (else the planning image's). {@code notes} say what was chosen over
 * what (other isocenters in the plan, a setup position that differs from the image's).
 */
public record TreatmentIsocenter(Vector3 mm, PatientPosition position, Beam beam, String positionSource,
        List<String> notes) {

    public TreatmentIsocenter {
        notes = List.copyOf(notes);
    }

    /** The plan's treatment isocenter; empty when the plan has no beams. */
    public static Optional<TreatmentIsocenter> of(RtPlan plan, PatientPosition imagePosition) {
        if (plan == null) {
            return Optional.empty();
        }
        Optional<Beam> first = plan.beams().stream().filter(b -> b.deliveryType().equals("TREATMENT")).findFirst()
                .or(() -> plan.beams().stream().findFirst());
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Beam b = first.get();
        List<String> notes = new ArrayList<>();
        if (plan.beams().stream().anyMatch(x -> x.deliveryType().equals(b.deliveryType())
                && x.isocenterMm().distanceTo(b.isocenterMm()) > 0.01)) {
            notes.add("the plan has beams with other isocenters; the couch correction is for beam " + b.number()
                    + "'s isocenter");
        }
        Optional<PatientSetup> setup = plan.patientSetups().stream()
                .filter(s -> s.number() == b.referencedPatientSetupNumber()).findFirst();
        if (setup.isEmpty()) {
            return Optional.of(new TreatmentIsocenter(b.isocenterMm(), imagePosition, b, "planning CT", notes));
        }
        if (setup.get().position() != imagePosition) {
            notes.add("the plan's patient position " + setup.get().position() + " differs from the planning CT's "
                    + imagePosition + "; the plan's is used for the couch correction");
        }
        return Optional.of(new TreatmentIsocenter(b.isocenterMm(), setup.get().position(), b,
                "RTPLAN patient setup " + setup.get().number(), notes));
    }
}
