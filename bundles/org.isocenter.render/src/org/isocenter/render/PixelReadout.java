/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

import org.isocenter.core.geometry.Vector3;

/**
 * The cursor readout at one pixel of a slice view: the patient point (LPS mm, primary frame), the primary
 * image's voxel there (index, or null outside) and its value in the image unit (HU for CT; the stored voxel,
 * not interpolated), the secondary image's value at the transformed point and the dose (trilinear, grid unit);
 * NaN where there is no data.
 */
public record PixelReadout(Vector3 pointMm, int[] primaryVoxel, double primaryValue, String primaryUnit,
        double secondaryValue, double dose, String doseUnit) {

    /** One line for the status bar, e.g. "(12.5, -40.0, 3.0) mm  [128, 96, 50]  HU 35  CBCT HU 41  Dose 74.20 Gy". */
    public String describe() {
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT, "(%.1f, %.1f, %.1f) mm", pointMm.x(),
                pointMm.y(), pointMm.z()));
        if (primaryVoxel != null) {
            s.append(String.format(java.util.Locale.ROOT, "  [%d, %d, %d]  %.0f %s", primaryVoxel[0], primaryVoxel[1],
                    primaryVoxel[2], primaryValue, primaryUnit));
        } else {
            s.append("  outside image");
        }
        if (!Double.isNaN(secondaryValue)) {
            s.append(String.format(java.util.Locale.ROOT, "  secondary %.0f", secondaryValue));
        }
        if (!Double.isNaN(dose)) {
            s.append(String.format(java.util.Locale.ROOT, "  dose %.2f %s", dose, doseUnit));
        }
        return s.toString();
    }
}
