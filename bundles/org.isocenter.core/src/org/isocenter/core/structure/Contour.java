/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.structure;

import java.util.List;
import java.util.Objects;

import org.isocenter.core.geometry.Vector3;

/**
 * One contour of a region of interest: points in patient LPS mm, as DICOM Contour Data holds them.
 * A {@link ContourGeometry#CLOSED_PLANAR} contour is a polygon lying in one plane (normally one image slice).
 */
public record Contour(ContourGeometry geometry, List<Vector3> pointsMm) {

    public Contour {
        Objects.requireNonNull(geometry, "geometry");
        pointsMm = List.copyOf(pointsMm);
        if (pointsMm.isEmpty()) {
            throw new IllegalArgumentException("a contour needs at least one point");
        }
        if (geometry == ContourGeometry.CLOSED_PLANAR && pointsMm.size() < 3) {
            throw new IllegalArgumentException("a closed planar contour needs at least 3 points, has " + pointsMm.size());
        }
    }

    /**
     * Signed area in mm² of a closed planar contour projected on the axial (x, y) plane; positive when the
     * points run counter-clockwise seen from +z.
     */
    public double signedAxialAreaMm2() {
        double a = 0;
        int n = pointsMm.size();
        for (int p = 0; p < n; p++) {
            Vector3 u = pointsMm.get(p), v = pointsMm.get((p + 1) % n);
            a += u.x() * v.y() - v.x() * u.y();
        }
        return a / 2;
    }
}
