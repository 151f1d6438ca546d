package org.isocenter.registration;

import org.isocenter.core.geometry.RigidTransform;

/**
 * A registration's outcome: the transform from the planning CT's Frame of Reference to the daily image's
 * (LPS mm: p_daily = R p_planning + t), the metric and its final value (for mutual information bits and
 * normalized correlation −1..1, higher is better; mean squares in intensity units², lower is better), the share
 * of region samples that fell inside the daily image's reconstructed field of view at the end (0..1), the number
 * of metric evaluations and the wall time (ms).
 */
public record RegistrationResult(RigidTransform planningToDaily, SimilarityMetric metric, double metricValue,
        double overlap, int evaluations, long wallTimeMs) {
}
