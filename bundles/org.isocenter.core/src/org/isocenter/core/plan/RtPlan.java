/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.isocenter.core.patient.PatientIdentity;

/**
 * An external-beam treatment plan (DICOM RT Plan): label and name, patient, the Frame of Reference its
 * isocenters are in (patient LPS mm), the structure set it was planned on (SOP Instance UID, may be empty),
 * prescriptions, fraction groups with per-beam MU, beams and patient setups. Numbers are checked for
 * consistency: every beam's setup and every meterset's beam must exist.
 */
public record RtPlan(String label, String name, PatientIdentity patient, String frameOfReferenceUid,
        String referencedStructureSetUid, List<Prescription> prescriptions, List<FractionGroup> fractionGroups,
        List<Beam> beams, List<PatientSetup> patientSetups) {

    public RtPlan {
        label = Objects.requireNonNullElse(label, "");
        name = Objects.requireNonNullElse(name, "");
        Objects.requireNonNull(patient, "patient");
        frameOfReferenceUid = Objects.requireNonNullElse(frameOfReferenceUid, "");
        referencedStructureSetUid = Objects.requireNonNullElse(referencedStructureSetUid, "");
        prescriptions = List.copyOf(prescriptions);
        fractionGroups = List.copyOf(fractionGroups);
        beams = List.copyOf(beams);
        patientSetups = List.copyOf(patientSetups);
        for (Beam b : beams) {
            if (patientSetups.stream().noneMatch(s -> s.number() == b.referencedPatientSetupNumber())) {
                throw new IllegalArgumentException("beam " + b.number() + " references patient setup "
                        + b.referencedPatientSetupNumber() + ", which the plan does not define");
            }
        }
        for (FractionGroup g : fractionGroups) {
            for (FractionGroup.BeamMeterset m : g.beams()) {
                if (beams.stream().noneMatch(b -> b.number() == m.beamNumber())) {
                    throw new IllegalArgumentException("fraction group " + g.number() + " references beam "
                            + m.beamNumber() + ", which the plan does not define");
                }
            }
        }
    }

    public Optional<Beam> beam(int number) {
        return beams.stream().filter(b -> b.number() == number).findFirst();
    }

    /** The beam's meterset (MU) in the first fraction group that lists it, or NaN. */
    public double metersetMu(int beamNumber) {
        for (FractionGroup g : fractionGroups) {
            for (FractionGroup.BeamMeterset m : g.beams()) {
                if (m.beamNumber() == beamNumber) {
                    return m.metersetMu();
                }
            }
        }
        return Double.NaN;
    }
}
