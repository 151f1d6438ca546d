/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.List;

/**
 * A course as shown: the course, the current decision of each fraction (superseded ones left out) in fraction
 * order, the set-up error (patient axes, mm) over the current accepted decisions, the alerts of the current
 * decisions, the reference corrections applied (oldest first) and the cumulative imaging dose (mGy, each daily image
 * once).
 */
public record CourseView(Course course, List<FractionDecision> fractions, SetupError setupError, List<Alert> alerts,
        List<ReferenceCorrection> referenceCorrections, double imagingDoseMGy) {

    public CourseView {
        fractions = List.copyOf(fractions);
        alerts = List.copyOf(alerts);
        referenceCorrections = List.copyOf(referenceCorrections);
    }
}
