/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

/**
 * A display window in the image's physical unit (HU for CT): values at or below {@code centre - width/2}
 * are black, at or above {@code centre + width/2} white, linear in between (DICOM PS3.3 C.11.2.1.2 uses a
 * slightly different half-voxel convention; the difference is below one grey level).
 */
public record WindowLevel(String name, double centre, double width) {

    public static final WindowLevel SOFT_TISSUE = new WindowLevel("Soft tissue", 40, 400);
    public static final WindowLevel LUNG = new WindowLevel("Lung", -600, 1500);
    public static final WindowLevel BONE = new WindowLevel("Bone", 400, 1800);
    public static final WindowLevel BRAIN = new WindowLevel("Brain", 40, 80);

    public WindowLevel {
        if (!(width >= 1)) {
            throw new IllegalArgumentException("window width must be at least 1, was " + width);
        }
    }

    /** The presets offered in viewers. */
    public static WindowLevel[] presets() {
        return new WindowLevel[] { SOFT_TISSUE, LUNG, BONE, BRAIN };
    }

    /** Grey level 0..255 of a physical value. */
    public int grey(double value) {
        double g = (value - (centre - width / 2)) / width * 255.0;
        return g <= 0 ? 0 : g >= 255 ? 255 : (int) Math.round(g);
    }

    /** The same window moved by a mouse drag: centre and width change by the given HU (width stays ≥ 1). */
    public WindowLevel adjusted(double centreDeltaHu, double widthDeltaHu) {
        return new WindowLevel("Custom", centre + centreDeltaHu, Math.max(1, width + widthDeltaHu));
    }
}
