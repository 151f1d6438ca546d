/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.plan;

import java.util.List;
import java.util.Objects;

/**
 * One treatment or setup beam of an external-beam plan: identity (number, name), delivery
 * ({@code TREATMENT}/{@code SETUP}), radiation type and nominal energy of the first control point (MV for photons,
 * MeV for electrons and protons, MeV per nucleon for heavier ions),
 * machine name, source-axis distance (mm), the patient setup it uses, MLC leaf boundaries (mm, empty
 * without MLC) and its control points (at least one; the first gives the static geometry).
 */
public record Beam(int number, String name, String description, String deliveryType, String radiationType,
        double nominalEnergy, String treatmentMachineName, double sourceAxisDistanceMm, int referencedPatientSetupNumber,
        double[] mlcLeafBoundariesMm, List<ControlPoint> controlPoints) {

    public Beam {
        name = Objects.requireNonNullElse(name, "");
        description = Objects.requireNonNullElse(description, "");
        deliveryType = Objects.requireNonNullElse(deliveryType, "TREATMENT");
        radiationType = Objects.requireNonNullElse(radiationType, "");
        treatmentMachineName = Objects.requireNonNullElse(treatmentMachineName, "");
        mlcLeafBoundariesMm = mlcLeafBoundariesMm == null ? new double[0] : mlcLeafBoundariesMm.clone();
        controlPoints = List.copyOf(controlPoints);
        if (controlPoints.isEmpty()) {
            throw new IllegalArgumentException("beam " + number + " '" + name + "' has no control points");
        }
        if (sourceAxisDistanceMm <= 0) {
            throw new IllegalArgumentException("beam " + number + ": source-axis distance must be positive");
        }
        int leaves = mlcLeafBoundariesMm.length == 0 ? 0 : 2 * (mlcLeafBoundariesMm.length - 1);
        for (ControlPoint cp : controlPoints) {
            if (cp.mlcLeafPositionsMm().length != 0 && cp.mlcLeafPositionsMm().length != leaves) {
                throw new IllegalArgumentException("beam " + number + " control point " + cp.index() + ": "
                        + cp.mlcLeafPositionsMm().length + " leaf positions for " + leaves + " leaves");
            }
        }
    }

    /**
     * The radiation source position (patient LPS mm) of the first control point, for a patient lying in
     * {@code position}: IEC 61217 gantry angle (0 = source above, 90 = source at +X of the fixed system) and
     * patient support angle (positive counter-clockwise seen from above) about the isocenter, at the source-axis
     * distance.
     */
    public org.isocenter.core.geometry.Vector3 sourcePositionMm(org.isocenter.core.patient.PatientPosition position) {
        double g = Math.toRadians(gantryDeg()), c = Math.toRadians(couchDeg());
        double fx = sourceAxisDistanceMm * Math.sin(g), fz = sourceAxisDistanceMm * Math.cos(g);
        // fixed system -> table-top system rotated by the patient support angle about the vertical axis
        var tableTop = new org.isocenter.core.geometry.Vector3(Math.cos(c) * fx, -Math.sin(c) * fx, fz);
        return isocenterMm().plus(org.isocenter.core.patient.TableTopAxes.of(position).toLps(tableTop));
    }

    /** The first control point: the static geometry of the beam (start of an arc). */
    public ControlPoint first() {
        return controlPoints.get(0);
    }

    public double gantryDeg() {
        return first().gantryDeg();
    }

    public double collimatorDeg() {
        return first().collimatorDeg();
    }

    public double couchDeg() {
        return first().couchDeg();
    }

    public org.isocenter.core.geometry.Vector3 isocenterMm() {
        return first().isocenterMm();
    }

    @Override
    public double[] mlcLeafBoundariesMm() {
        return mlcLeafBoundariesMm.clone();
    }
}
