/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour;

import java.util.Arrays;

import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.structure.RoiSlabs;

/**
 * Where a computed structure gets its contours: the axial planes (patient z, mm, increasing) and the in-plane
 * sampling step (mm) on which outlines are traced before they become polygons. Normally the planes of the
 * image the structure set references, so that new contours sit on image slices like drawn ones.
 */
public record OutputPlanes(double[] zMm, double inPlaneStepMm) {

    /** In-plane sampling never coarser than this (mm), whatever the image's pixel size. */
    public static final double MAX_STEP_MM = 1.0;

    public OutputPlanes {
        zMm = zMm.clone();
        Arrays.sort(zMm);
        if (zMm.length == 0) {
            throw new IllegalArgumentException("no output planes");
        }
        if (!(inPlaneStepMm > 0)) {
            throw new IllegalArgumentException("in-plane step must be positive: " + inPlaneStepMm);
        }
    }

    @Override
    public double[] zMm() {
        return zMm.clone();
    }

    /** The slices of an axial image grid, sampled in plane at its pixel size or {@link #MAX_STEP_MM}, whichever is finer. */
    public static OutputPlanes onImage(VolumeGeometry image) {
        if (Math.abs(image.sliceDirection().z()) < 0.9999) {
            throw new IllegalArgumentException("contours are computed on axial images only, not " + image);
        }
        double[] z = new double[image.sizeZ()];
        for (int k = 0; k < z.length; k++) {
            z[k] = image.indexToPatient(0, 0, k).z();
        }
        double step = Math.min(MAX_STEP_MM, Math.min(image.spacingXMm(), image.spacingYMm()));
        return new OutputPlanes(z, step);
    }

    /**
     * The source structure's own contour spacing, continued beyond its ends far enough for {@code reachMm} of
     * margin, sampled in plane at {@code stepMm}: for structures without an image at hand.
     */
    public static OutputPlanes likeSource(RoiSlabs source, double reachMm, double stepMm) {
        if (source.slabCount() == 0) {
            throw new IllegalArgumentException("structure " + source.roi().name() + " has no axial contours");
        }
        double spacing = 2 * source.halfThicknessMm();
        double first = source.slabZMm(0), last = source.slabZMm(source.slabCount() - 1);
        int extra = (int) Math.ceil((reachMm + spacing) / spacing);
        int n = (int) Math.round((last - first) / spacing) + 1 + 2 * extra;
        double[] z = new double[n];
        for (int k = 0; k < n; k++) {
            z[k] = first + (k - extra) * spacing;
        }
        return new OutputPlanes(z, stepMm);
    }

    /** The planes' typical spacing (mm): the median gap between neighbours, 0 for a single plane. */
    public double spacingMm() {
        if (zMm.length < 2) {
            return 0;
        }
        double[] gaps = new double[zMm.length - 1];
        for (int k = 0; k < gaps.length; k++) {
            gaps[k] = zMm[k + 1] - zMm[k];
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }

    /** Number of planes. */
    public int count() {
        return zMm.length;
    }

    /** Plane k's z (mm). */
    public double z(int k) {
        return zMm[k];
    }
}
