/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.dose;

import java.util.Objects;

import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.patient.PatientIdentity;

/**
 * A 3D dose distribution (DICOM RT Dose) on a regular grid in patient LPS mm: dose values in {@link #units()}
 * ({@code GY}, or {@code RELATIVE} for relative doses) with the grid scaling already applied, stored x fastest
 * then y then z like {@link org.isocenter.core.image.ImageVolume}. It also says what it sums
 * ({@code PLAN}, {@code FRACTION}, {@code BEAM}, ...), whether it is {@code PHYSICAL} or {@code EFFECTIVE}
 * dose, the Frame of Reference it lies in and the plan it was computed for.
 */
public final class DoseGrid {

    private final VolumeGeometry geometry;
    private final float[] dose;
    private final String units;
    private final String summationType;
    private final String doseType;
    private final PatientIdentity patient;
    private final String frameOfReferenceUid;
    private final String referencedPlanUid;
    private volatile double max = Double.NaN;

    public DoseGrid(VolumeGeometry geometry, float[] dose, String units, String summationType, String doseType,
            PatientIdentity patient, String frameOfReferenceUid, String referencedPlanUid) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        if (dose.length != geometry.voxelCount()) {
            throw new IllegalArgumentException("dose grid has " + dose.length + " values for " + geometry.voxelCount() + " voxels");
        }
        this.dose = dose;
        this.units = Objects.requireNonNull(units, "units");
        this.summationType = Objects.requireNonNullElse(summationType, "");
        this.doseType = Objects.requireNonNullElse(doseType, "");
        this.patient = Objects.requireNonNull(patient, "patient");
        this.frameOfReferenceUid = Objects.requireNonNull(frameOfReferenceUid, "frameOfReferenceUid");
        this.referencedPlanUid = Objects.requireNonNullElse(referencedPlanUid, "");
    }

    public VolumeGeometry geometry() {
        return geometry;
    }

    /** The dose values (not copied: callers must not modify them). */
    public float[] values() {
        return dose;
    }

    /** Dose at voxel (i, j, k) in {@link #units()}. */
    public double doseAt(int i, int j, int k) {
        return dose[geometry.linearIndex(i, j, k)];
    }

    /** The largest dose value in the grid. */
    public double max() {
        double m = max;
        if (Double.isNaN(m)) { // computed once (the grid is immutable); a race computes the same value twice
            m = 0;
            for (float d : dose) {
                if (d > m) {
                    m = d;
                }
            }
            max = m;
        }
        return m;
    }

    public String units() {
        return units;
    }

    public String summationType() {
        return summationType;
    }

    public String doseType() {
        return doseType;
    }

    public PatientIdentity patient() {
        return patient;
    }

    public String frameOfReferenceUid() {
        return frameOfReferenceUid;
    }

    public String referencedPlanUid() {
        return referencedPlanUid;
    }
}
