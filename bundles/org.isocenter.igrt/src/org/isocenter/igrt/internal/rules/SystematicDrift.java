/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.isocenter.igrt.AdaptiveRule;
import org.isocenter.igrt.Alert;
import org.isocenter.igrt.AlertSettings;
import org.isocenter.igrt.Decision;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.ReferenceCorrection;
import org.isocenter.igrt.RuleInput;
import org.isocenter.margin.AxisValues;

/**
 * {@code systematic-drift}: after at least N accepted, matched fractions (default 3) since the last reference
 * correction, the running mean of the set-up error (patient axes, mm) on some axis reaches the threshold (default
 * 3 mm): a systematic error the daily corrections keep undoing, which the reference (or the plan) should absorb.
 */
public final class SystematicDrift implements AdaptiveRule {

    private static final String[] AXES = { "LR", "AP", "SI" };

    @Override
    public String id() {
        return "systematic-drift";
    }

    @Override
    public String description() {
        return "running mean of the set-up error since the last reference correction, after N fractions";
    }

    @Override
    public AlertSettings.Rule defaults() {
        return new AlertSettings.Rule(3, 3);
    }

    @Override
    public Optional<Alert> evaluate(RuleInput in) {
        FractionDecision recorded = in.recorded();
        if (recorded.decision() != Decision.ACCEPTED || recorded.unmatched()) {
            return Optional.empty();
        }
        int since = in.referenceCorrections().stream().filter(c -> c.fromFraction() <= recorded.fraction())
                .mapToInt(ReferenceCorrection::fromFraction).max().orElse(1);
        List<AxisValues> errors = new ArrayList<>();
        for (FractionDecision d : in.upToRecorded()) {
            if (d.fraction() >= since && d.decision() == Decision.ACCEPTED && !d.unmatched()) {
                errors.add(d.correction().setupErrorMm(d.position()));
            }
        }
        int n = in.settings().fractions();
        if (errors.size() < n) {
            return Optional.empty();
        }
        double[] mean = new double[3];
        for (AxisValues e : errors) {
            mean[0] += e.lr() / errors.size();
            mean[1] += e.ap() / errors.size();
            mean[2] += e.si() / errors.size();
        }
        int axis = 0;
        for (int a = 1; a < 3; a++) {
            if (Math.abs(mean[a]) > Math.abs(mean[axis])) {
                axis = a;
            }
        }
        double value = Math.abs(mean[axis]);
        double threshold = in.settings().threshold();
        if (value < threshold) {
            return Optional.empty();
        }
        return Optional.of(new Alert(recorded.fraction(), id(), value, threshold, "mm", String.format(Locale.ROOT,
                "mean set-up error %s %+.1f mm over %d accepted fractions (threshold %.1f mm): a systematic error; "
                        + "check the set-up reference and the offline protocol's proposal",
                AXES[axis], mean[axis], errors.size(), threshold)));
    }
}
