/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

import java.util.Objects;
import java.util.Set;

/**
 * How a {@link SliceScene} is drawn: windows of the primary and secondary image (HU for CT), interpolation,
 * fusion (null: primary only), structure style and the ROI numbers hidden, dose display (null: no dose) and
 * whether the isocenter marker is drawn.
 */
public record DisplaySettings(WindowLevel primaryWindow, WindowLevel secondaryWindow, Interpolation interpolation,
        FusionSettings fusion, StructureStyle structureStyle, Set<Integer> hiddenRois, DoseDisplay dose,
        boolean showIsocenter) {

    public DisplaySettings {
        Objects.requireNonNull(primaryWindow, "primaryWindow");
        Objects.requireNonNull(secondaryWindow, "secondaryWindow");
        Objects.requireNonNull(interpolation, "interpolation");
        Objects.requireNonNull(structureStyle, "structureStyle");
        hiddenRois = Set.copyOf(hiddenRois);
    }

    /** Soft-tissue window on both images, nearest voxel, outlines, no fusion, no dose, isocenter shown. */
    public static DisplaySettings defaults() {
        return new DisplaySettings(WindowLevel.SOFT_TISSUE, WindowLevel.SOFT_TISSUE, Interpolation.NEAREST, null,
                StructureStyle.OUTLINE, Set.of(), null, true);
    }

    public DisplaySettings withPrimaryWindow(WindowLevel w) {
        return new DisplaySettings(w, secondaryWindow, interpolation, fusion, structureStyle, hiddenRois, dose, showIsocenter);
    }

    public DisplaySettings withSecondaryWindow(WindowLevel w) {
        return new DisplaySettings(primaryWindow, w, interpolation, fusion, structureStyle, hiddenRois, dose, showIsocenter);
    }

    public DisplaySettings withInterpolation(Interpolation i) {
        return new DisplaySettings(primaryWindow, secondaryWindow, i, fusion, structureStyle, hiddenRois, dose, showIsocenter);
    }

    public DisplaySettings withFusion(FusionSettings f) {
        return new DisplaySettings(primaryWindow, secondaryWindow, interpolation, f, structureStyle, hiddenRois, dose, showIsocenter);
    }

    public DisplaySettings withStructureStyle(StructureStyle s) {
        return new DisplaySettings(primaryWindow, secondaryWindow, interpolation, fusion, s, hiddenRois, dose, showIsocenter);
    }

    public DisplaySettings withHiddenRois(Set<Integer> hidden) {
        return new DisplaySettings(primaryWindow, secondaryWindow, interpolation, fusion, structureStyle, hidden, dose, showIsocenter);
    }

    public DisplaySettings withDose(DoseDisplay d) {
        return new DisplaySettings(primaryWindow, secondaryWindow, interpolation, fusion, structureStyle, hiddenRois, d, showIsocenter);
    }

    public DisplaySettings withIsocenter(boolean show) {
        return new DisplaySettings(primaryWindow, secondaryWindow, interpolation, fusion, structureStyle, hiddenRois, dose, show);
    }
}
