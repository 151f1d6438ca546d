/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.structure;

import java.util.List;
import java.util.Objects;

/**
 * A region of interest of a structure set: ROI number and name, display colour (RGB 0–255), RT ROI
 * Interpreted Type (EXTERNAL, PTV, CTV, GTV, ORGAN, AVOIDANCE, BONE, MARKER, ...) and its contours in
 * patient LPS mm.
 */
public record Roi(int number, String name, int[] colorRgb, String interpretedType, List<Contour> contours) {

    public Roi {
        Objects.requireNonNull(name, "name");
        if (colorRgb == null || colorRgb.length != 3) {
            throw new IllegalArgumentException("ROI colour needs 3 components");
        }
        for (int c : colorRgb) {
            if (c < 0 || c > 255) {
                throw new IllegalArgumentException("ROI colour component out of 0..255: " + c);
            }
        }
        colorRgb = colorRgb.clone();
        interpretedType = Objects.requireNonNullElse(interpretedType, "");
        contours = List.copyOf(contours);
    }

    @Override
    public int[] colorRgb() {
        return colorRgb.clone();
    }

    /** Total number of contour points (a measure of the ROI's size on disk). */
    public int pointCount() {
        return contours.stream().mapToInt(c -> c.pointsMm().size()).sum();
    }
}
