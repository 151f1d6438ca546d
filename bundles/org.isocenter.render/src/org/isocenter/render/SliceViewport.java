/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

import java.util.Objects;

import org.isocenter.core.geometry.Vector3;

/**
 * Where a slice view looks: its {@link SlicePlane}, the patient point (LPS mm) at the centre of the view (its
 * component along the plane normal is the slice position), the zoom in mm per screen pixel (square pixels)
 * and the view size in pixels. Pixel (x, y) has its centre at {@code x + 0.5, y + 0.5}; x grows to the
 * right, y downwards.
 */
public record SliceViewport(SlicePlane plane, Vector3 centreMm, double mmPerPixel, int widthPx, int heightPx) {

    public SliceViewport {
        Objects.requireNonNull(plane, "plane");
        Objects.requireNonNull(centreMm, "centreMm");
        if (!(mmPerPixel > 0) || Double.isInfinite(mmPerPixel)) {
            throw new IllegalArgumentException("mm per pixel must be positive, was " + mmPerPixel);
        }
        if (widthPx < 1 || heightPx < 1) {
            throw new IllegalArgumentException("viewport must be at least 1x1 pixels, was " + widthPx + "x" + heightPx);
        }
    }

    /** The patient point (LPS mm) at continuous pixel coordinates (pixel centres at +0.5). */
    public Vector3 pixelToPatient(double x, double y) {
        return centreMm.plus(plane.right().times((x - widthPx / 2.0) * mmPerPixel))
                .plus(plane.down().times((y - heightPx / 2.0) * mmPerPixel));
    }

    /** The centre of pixel (x, y) in patient LPS mm. */
    public Vector3 pixelCentre(int x, int y) {
        return pixelToPatient(x + 0.5, y + 0.5);
    }

    /** Continuous pixel coordinates {x, y} of a patient point projected onto the plane. */
    public double[] patientToPixel(Vector3 pointMm) {
        Vector3 d = pointMm.minus(centreMm);
        return new double[] { d.dot(plane.right()) / mmPerPixel + widthPx / 2.0,
                d.dot(plane.down()) / mmPerPixel + heightPx / 2.0 };
    }

    /** Signed distance (mm) of a patient point from the plane, along the plane normal. */
    public double distanceFromPlaneMm(Vector3 pointMm) {
        return pointMm.minus(centreMm).dot(plane.normal());
    }

    /** Slice position (mm along the plane normal). */
    public double slicePositionMm() {
        return plane.positionOf(centreMm);
    }

    /** The same view moved to another slice position (mm along the normal). */
    public SliceViewport atSlicePosition(double positionMm) {
        return new SliceViewport(plane, centreMm.plus(plane.normal().times(positionMm - slicePositionMm())), mmPerPixel,
                widthPx, heightPx);
    }

    /** The same view with another size in pixels (same centre and zoom). */
    public SliceViewport withSize(int width, int height) {
        return new SliceViewport(plane, centreMm, mmPerPixel, width, height);
    }
}
