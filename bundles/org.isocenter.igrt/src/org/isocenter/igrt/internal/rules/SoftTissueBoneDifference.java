/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal.rules;

import java.util.Locale;
import java.util.Optional;

import org.isocenter.igrt.AdaptiveRule;
import org.isocenter.igrt.Alert;
import org.isocenter.igrt.AlertSettings;
import org.isocenter.igrt.RuleInput;

/**
 * {@code soft-tissue-bone-difference}: the soft-tissue match differs from the bony match at the target by at least
 * the threshold (mm, default 5) on k fractions in a row (default 3) ending with the recorded one: the target moves
 * against the bones (organ filling), which bony set-up does not correct.
 */
public final class SoftTissueBoneDifference implements AdaptiveRule {

    @Override
    public String id() {
        return "soft-tissue-bone-difference";
    }

    @Override
    public String description() {
        return "soft-tissue match differs from the bony match at the target on consecutive fractions";
    }

    @Override
    public AlertSettings.Rule defaults() {
        return new AlertSettings.Rule(5, 3);
    }

    @Override
    public Optional<Alert> evaluate(RuleInput in) {
        double threshold = in.settings().threshold();
        int k = in.settings().fractions();
        int run = Runs.endingAtRecorded(in, d -> d.observations().softTissueMinusBoneMm() != null
                && d.observations().softTissueMinusBoneMm() >= threshold);
        if (run < k) {
            return Optional.empty();
        }
        double value = in.recorded().observations().softTissueMinusBoneMm();
        return Optional.of(new Alert(in.recorded().fraction(), id(), value, threshold, "mm", String.format(Locale.ROOT,
                "soft tissue %.1f mm from bone at the target, >= %.1f mm on %s in a row: the target moves against the "
                        + "bones (filling?); match on soft tissue, review the margins or replan",
                value, threshold, Runs.fractions(run))));
    }
}
