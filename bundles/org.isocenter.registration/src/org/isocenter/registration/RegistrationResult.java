/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration;

import org.isocenter.core.geometry.RigidTransform;

/**
 * A registration's outcome: the transform from the planning CT's Frame of Reference to the daily image's
 * (LPS mm: p_daily = R p_planning + t), the metric and its final value (for mutual information bits and
 * normalized correlation −1..1, higher is better; mean squares in intensity units², lower is better), the share
 * of region samples that fell inside the daily image's reconstructed field of view at the end (0..1), the number
 * of metric evaluations, the wall time (ms) and the match's repeatability: per LPS axis, how far (mm) the
 * translation moved when the finest level was re-optimised with independent samples of the region (null when not
 * measured) — a poorly determined match (low contrast, small region) moves.
 */
public record RegistrationResult(RigidTransform planningToDaily, SimilarityMetric metric, double metricValue,
        double overlap, int evaluations, long wallTimeMs, org.isocenter.core.geometry.Vector3 repeatabilityMm) {

    /**
     * Above this repeatability (mm, on any axis) a match is reported as uncertain. Repeatability measures the
     * sampling's share of the error only: on the demo pelvis's soft-tissue matches the error at the target was 2 to 3
     * times the repeatability (0.73-0.81 mm repeatability with 1.8-2.5 mm errors for the CTV + 10 mm, 0.24-0.65 mm with
     * 0.4-0.9 mm errors for the CTV + 20 mm).
     */
    public static final double UNCERTAIN_MM = 0.7;

    /** A result without a repeatability measurement. */
    public RegistrationResult(RigidTransform planningToDaily, SimilarityMetric metric, double metricValue, double overlap,
            int evaluations, long wallTimeMs) {
        this(planningToDaily, metric, metricValue, overlap, evaluations, wallTimeMs, null);
    }

    /**
     * A warning when the match is poorly determined by the images: re-optimised with independent samples of the
     * region, its translation moved more than {@link #UNCERTAIN_MM} on some axis (LPS x, y, z in mm); else null.
     */
    public String uncertaintyWarning() {
        if (repeatabilityMm == null) {
            return null;
        }
        double worst = Math.max(repeatabilityMm.x(), Math.max(repeatabilityMm.y(), repeatabilityMm.z()));
        return worst <= UNCERTAIN_MM ? null : String.format(java.util.Locale.ROOT, "uncertain match: repeated with "
                + "independent samples of the region it moves up to %.1f mm (LR %.1f, AP %.1f, SI %.1f mm); the images "
                + "determine this match poorly: check it visually or use a larger region", worst, repeatabilityMm.x(),
                repeatabilityMm.y(), repeatabilityMm.z());
    }
}
