/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

import org.isocenter.core.geometry.Vector3;

/**
 * The patient-direction letters shown at the four edges of a slice view (L/R, A/P, S/I: "L" means the patient's
 * left lies that way). Derived from the view's LPS display directions, so they stay right for any patient
 * position (HFS, FFS, HFP, ...) and any voxel-grid orientation; oblique directions get up to three letters,
 * most dominant first (e.g. "LA").
 */
public record OrientationLabels(String left, String right, String top, String bottom) {

    /** Labels of a viewport's edges. */
    public static OrientationLabels of(SlicePlane plane) {
        return new OrientationLabels(letters(plane.right().times(-1)), letters(plane.right()),
                letters(plane.down().times(-1)), letters(plane.down()));
    }

    /** The letters of an LPS direction: components above 0.25 of the vector's length, largest first. */
    public static String letters(Vector3 direction) {
        Vector3 d = direction.normalized();
        double[] c = { d.x(), d.y(), d.z() };
        String[] positive = { "L", "P", "S" };
        String[] negative = { "R", "A", "I" };
        Integer[] order = { 0, 1, 2 };
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(c[b]), Math.abs(c[a])));
        StringBuilder s = new StringBuilder();
        for (int axis : order) {
            if (Math.abs(c[axis]) > 0.25) {
                s.append(c[axis] > 0 ? positive[axis] : negative[axis]);
            }
        }
        return s.toString();
    }
}
