/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.image;

import java.util.Objects;

import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.patient.PatientIdentity;

/**
 * A 3D image (CT, CBCT, MR, PET) on a {@link VolumeGeometry} in patient LPS mm. Voxels are kept as stored
 * 16-bit integers, x fastest, with a linear rescale to the physical value in {@link #unit()} (Hounsfield
 * units for CT): {@code value = stored * rescaleSlope + rescaleIntercept}. Carries the patient identity and
 * Frame of Reference UID so that every consumer can check them.
 */
public final class ImageVolume {

    private final VolumeGeometry geometry;
    private final short[] storedValues;
    private final double rescaleSlope;
    private final double rescaleIntercept;
    private final String unit;
    private final ImageVolumeInfo info;

    public ImageVolume(VolumeGeometry geometry, short[] storedValues, double rescaleSlope, double rescaleIntercept,
            String unit, ImageVolumeInfo info) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.storedValues = Objects.requireNonNull(storedValues, "storedValues");
        if (storedValues.length != geometry.voxelCount()) {
            throw new IllegalArgumentException(
                    "voxel array has " + storedValues.length + " values, geometry needs " + geometry.voxelCount());
        }
        if (rescaleSlope == 0 || !Double.isFinite(rescaleSlope) || !Double.isFinite(rescaleIntercept)) {
            throw new IllegalArgumentException("invalid rescale " + rescaleSlope + " / " + rescaleIntercept);
        }
        this.rescaleSlope = rescaleSlope;
        this.rescaleIntercept = rescaleIntercept;
        this.unit = Objects.requireNonNull(unit, "unit");
        this.info = Objects.requireNonNull(info, "info");
    }

    /** Physical value (e.g. HU) of voxel (i, j, k). */
    public double valueAt(int i, int j, int k) {
        return storedValues[geometry.linearIndex(i, j, k)] * rescaleSlope + rescaleIntercept;
    }

    /** The stored voxel array itself (not a copy: hot rendering paths read it directly; do not modify). */
    public short[] storedValues() {
        return storedValues;
    }

    /** Smallest and largest physical value in the volume (the stored values scanned in parallel chunks). */
    public double[] valueRange() {
        int chunk = 1 << 20;
        int chunks = (storedValues.length + chunk - 1) / chunk;
        int[] range = java.util.stream.IntStream.range(0, Math.max(1, chunks)).parallel().mapToObj(c -> {
            int lo = Short.MAX_VALUE, hi = Short.MIN_VALUE;
            for (int p = c * chunk, end = Math.min(storedValues.length, p + chunk); p < end; p++) {
                int s = storedValues[p];
                lo = Math.min(lo, s);
                hi = Math.max(hi, s);
            }
            return new int[] { lo, hi };
        }).reduce(new int[] { Short.MAX_VALUE, Short.MIN_VALUE },
                (x, y) -> new int[] { Math.min(x[0], y[0]), Math.max(x[1], y[1]) });
        int min = range[0], max = range[1];
        double a = min * rescaleSlope + rescaleIntercept, b = max * rescaleSlope + rescaleIntercept;
        return new double[] { Math.min(a, b), Math.max(a, b) };
    }

    public VolumeGeometry geometry() { return geometry; }
    public double rescaleSlope() { return rescaleSlope; }
    public double rescaleIntercept() { return rescaleIntercept; }
    /** Unit of physical values, e.g. "HU". */
    public String unit() { return unit; }
    public ImageVolumeInfo info() { return info; }
    public PatientIdentity patient() { return info.patient(); }
    public String frameOfReferenceUid() { return info.frameOfReferenceUid(); }
}
