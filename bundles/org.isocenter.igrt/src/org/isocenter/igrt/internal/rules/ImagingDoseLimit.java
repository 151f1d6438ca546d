/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal.rules;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.isocenter.igrt.AdaptiveRule;
import org.isocenter.igrt.Alert;
import org.isocenter.igrt.AlertSettings;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.RuleInput;

/**
 * {@code imaging-dose-limit}: the course's cumulative imaging dose (mGy; each daily image counted once, rejected and
 * re-imaged ones too) is past the course limit. The site protocol's threshold is the limit in mGy; without one the
 * limit is 5 % of the prescribed dose, the level above which AAPM TG-180 recommends accounting for the imaging dose.
 */
public final class ImagingDoseLimit implements AdaptiveRule {

    /** Without a site threshold: this share of the prescribed dose. */
    public static final double DEFAULT_SHARE_OF_PRESCRIPTION = 0.05;

    @Override
    public String id() {
        return "imaging-dose-limit";
    }

    @Override
    public String description() {
        return "cumulative imaging dose of the course past its limit";
    }

    /** The threshold 0 stands for "5 % of the prescription" (resolved per course in {@link #limitMGy}). */
    @Override
    public AlertSettings.Rule defaults() {
        return new AlertSettings.Rule(0, 1);
    }

    /** The course's limit (mGy): the site's threshold, or 5 % of the prescribed dose. */
    public static double limitMGy(AlertSettings.Rule settings, Course course) {
        double t = settings.threshold();
        return t > 0 ? t : DEFAULT_SHARE_OF_PRESCRIPTION * course.prescription().doseGy() * 1000;
    }

    /** The cumulative imaging dose (mGy) of the decisions: each daily series counted once, at its largest estimate. */
    public static double cumulativeMGy(Iterable<FractionDecision> history) {
        Map<String, Double> bySeries = new HashMap<>();
        for (FractionDecision d : history) {
            Double dose = d.observations().imagingDoseMGy();
            if (dose != null) {
                bySeries.merge(d.dailySeriesUid(), dose, Math::max);
            }
        }
        return bySeries.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Override
    public Optional<Alert> evaluate(RuleInput in) {
        double total = cumulativeMGy(in.history());
        double limit = limitMGy(in.settings(), in.course());
        if (total <= limit) {
            return Optional.empty();
        }
        return Optional.of(new Alert(in.recorded().fraction(), id(), total, limit, "mGy", String.format(Locale.ROOT,
                "cumulative imaging dose %.0f mGy is past the course limit of %.0f mGy: review the imaging protocol "
                        + "(frequency, planar instead of CBCT)", total, limit)));
    }
}
