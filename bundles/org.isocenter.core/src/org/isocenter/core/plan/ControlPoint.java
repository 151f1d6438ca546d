/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.plan;

import java.util.Objects;

import org.isocenter.core.geometry.Vector3;

/**
 * Machine state at one control point of a beam (IEC 61217 angles in degrees, positions in mm): cumulative
 * meterset weight, gantry, collimator (beam limiting device) and couch (patient support) angles, the
 * isocenter in patient LPS mm of the plan's Frame of Reference, the jaws and, when the beam has an MLC, the
 * leaf positions (bank A then bank B, mm at isocenter; empty when there is no MLC).
 * A control point inherits from the previous one what DICOM lets it omit; readers fill that in.
 */
public record ControlPoint(int index, double cumulativeMetersetWeight, double gantryDeg, double collimatorDeg,
        double couchDeg, Vector3 isocenterMm, Jaws jaws, double[] mlcLeafPositionsMm) {

    public ControlPoint {
        Objects.requireNonNull(isocenterMm, "isocenterMm");
        Objects.requireNonNull(jaws, "jaws");
        mlcLeafPositionsMm = mlcLeafPositionsMm == null ? new double[0] : mlcLeafPositionsMm.clone();
        checkAngle("gantry", gantryDeg);
        checkAngle("collimator", collimatorDeg);
        checkAngle("couch", couchDeg);
    }

    private static void checkAngle(String what, double deg) {
        if (!(deg >= 0 && deg < 360)) {
            throw new IllegalArgumentException(what + " angle " + deg + " deg is outside [0, 360)");
        }
    }

    @Override
    public double[] mlcLeafPositionsMm() {
        return mlcLeafPositionsMm.clone();
    }
}
