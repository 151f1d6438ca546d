package org.isocenter.registration;

import org.isocenter.core.geometry.RigidTransform;

/**
 * A registration's outcome: the transform from the planning CT's Frame of Reference to the daily image's
 * (LPS mm), the final metric value (for mutual information: bits, higher is better), the number of metric
 * evaluations and the wall time (ms).
 */
public record RegistrationResult(RigidTransform planningToDaily, double metric, int evaluations, long wallTimeMs) {
}
