/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration;

/**
 * Clinic tolerances for applying a couch correction: the action level (apply only when a translation exceeds
 * it, mm, or a rotation exceeds {@code actionLevelDeg}) and the largest correction allowed (beyond it the
 * correction is refused: re-image or re-position instead).
 */
public record CorrectionLimits(double actionLevelMm, double actionLevelDeg, double maxTranslationMm, double maxRotationDeg) {

    public static final CorrectionLimits DEFAULT = new CorrectionLimits(3, 1, 20, 3);

    public CorrectionLimits {
        if (!(actionLevelMm >= 0 && actionLevelDeg >= 0 && maxTranslationMm > actionLevelMm && maxRotationDeg > actionLevelDeg)) {
            throw new IllegalArgumentException("limits must satisfy 0 <= action level < maximum (mm and degrees)");
        }
    }
}
