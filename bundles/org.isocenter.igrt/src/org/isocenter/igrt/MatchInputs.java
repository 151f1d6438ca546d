/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.Objects;

import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.structure.StructureSet;

/**
 * What one IGRT match is run on: the planning CT and the daily image (each in its own Frame of Reference, patient
 * LPS mm), the planning CT's structure set and plan when there are (null: none), the structure a soft-tissue match
 * aligns (null: the first target), and how the plan was found ({@code planSource}, for reports).
 */
public record MatchInputs(ImageVolume planning, ImageVolume daily, StructureSet structures, RtPlan plan,
        String planSource, String softTissueStructure) {

    public MatchInputs {
        Objects.requireNonNull(planning, "planning CT");
        Objects.requireNonNull(daily, "daily image");
        planSource = planSource == null ? "" : planSource;
    }
}
