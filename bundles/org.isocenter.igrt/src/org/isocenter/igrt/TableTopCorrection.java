/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.patient.TableTopAxes;
import org.isocenter.margin.AxisValues;

/**
 * A couch correction in IEC 61217 table-top terms at couch angle 0: translations (mm) along X lateral,
 * Y longitudinal and Z vertical, and rotations (degrees) pitch (about X), roll (about Y) and yaw (about Z).
 */
public record TableTopCorrection(double lateralMm, double longitudinalMm, double verticalMm, double pitchDeg,
        double rollDeg, double yawDeg) {

    public static final TableTopCorrection NONE = new TableTopCorrection(0, 0, 0, 0, 0, 0);

    public TableTopCorrection {
        for (double v : new double[] { lateralMm, longitudinalMm, verticalMm, pitchDeg, rollDeg, yawDeg }) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a couch correction must be finite, got " + v);
            }
        }
    }

    /**
     * The set-up error this correction undoes, in patient axes (mm): LR = x, AP = y, SI = z of DICOM LPS, i.e.
     * {@code -correction} mapped through {@link TableTopAxes} for the patient position (rotations ignored), the
     * same mapping as the fraction log's.
     */
    public AxisValues setupErrorMm(PatientPosition position) {
        Vector3 lps = TableTopAxes.of(position).toLps(new Vector3(lateralMm, longitudinalMm, verticalMm));
        return new AxisValues(-lps.x(), -lps.y(), -lps.z());
    }
}
