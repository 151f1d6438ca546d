/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.tests;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;

/**
 * Analytic structures contoured the way a planning system stores them: one closed polygon per image slice (patient
 * LPS mm). Circles are traced with enough points, on a radius scaled so that each polygon has the circle's exact
 * area, so the only discretisation left is the slicing.
 */
final class ContourPhantoms {

    static final int POINTS_PER_CIRCLE = 256;

    private ContourPhantoms() {
    }

    /** An axial image grid with the given spacing whose slices lie at {@code z0 + k * dz}. */
    static VolumeGeometry grid(double dx, double dz, double z0, int slices, double halfWidthMm) {
        int n = (int) Math.ceil(2 * halfWidthMm / dx) + 1;
        return VolumeGeometry.axial(n, n, slices, dx, dx, dz, new Vector3(-halfWidthMm, -halfWidthMm, z0));
    }

    /** A sphere of radius r around c, contoured on every slice of {@code grid} it cuts. */
    static Roi sphere(String name, Vector3 c, double r, VolumeGeometry grid) {
        List<Contour> contours = new ArrayList<>();
        for (int k = 0; k < grid.sizeZ(); k++) {
            double z = grid.indexToPatient(0, 0, k).z();
            double dz = z - c.z();
            if (Math.abs(dz) < r) {
                contours.add(circle(c.x(), c.y(), Math.sqrt(r * r - dz * dz), z));
            }
        }
        return new Roi(1, name, new int[] { 255, 0, 0 }, "CTV", contours);
    }

    /** The axis-aligned box [x0,x1] x [y0,y1] contoured on the slices whose centres lie within [z0, z1]. */
    static Roi box(String name, double x0, double x1, double y0, double y1, double z0, double z1, VolumeGeometry grid) {
        List<Contour> contours = new ArrayList<>();
        for (int k = 0; k < grid.sizeZ(); k++) {
            double z = grid.indexToPatient(0, 0, k).z();
            if (z >= z0 && z <= z1) {
                contours.add(new Contour(ContourGeometry.CLOSED_PLANAR, List.of(new Vector3(x0, y0, z),
                        new Vector3(x1, y0, z), new Vector3(x1, y1, z), new Vector3(x0, y1, z))));
            }
        }
        return new Roi(2, name, new int[] { 0, 255, 0 }, "ORGAN", contours);
    }

    /** A circle as a polygon with the circle's exact area. */
    static Contour circle(double cx, double cy, double r, double z) {
        int n = POINTS_PER_CIRCLE;
        double scale = Math.sqrt(2 * Math.PI / n / Math.sin(2 * Math.PI / n));
        List<Vector3> pts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            pts.add(new Vector3(cx + r * scale * Math.cos(a), cy + r * scale * Math.sin(a), z));
        }
        return new Contour(ContourGeometry.CLOSED_PLANAR, pts);
    }
}
