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
 * {@code target-volume-change}: the target contoured (or propagated) on the daily image differs in volume from the
 * planning target by at least the threshold (%, default 10) either way: shrinkage or growth. Silent until a daily
 * target volume is measured ({@code targetVolumeChangePercent}).
 */
public final class TargetVolumeChange implements AdaptiveRule {

    @Override
    public String id() {
        return "target-volume-change";
    }

    @Override
    public String description() {
        return "daily target volume against the planning target volume";
    }

    @Override
    public AlertSettings.Rule defaults() {
        return new AlertSettings.Rule(10, 1);
    }

    @Override
    public Optional<Alert> evaluate(RuleInput in) {
        Double change = in.recorded().observations().targetVolumeChangePercent();
        double threshold = in.settings().threshold();
        if (change == null || Math.abs(change) < threshold) {
            return Optional.empty();
        }
        return Optional.of(new Alert(in.recorded().fraction(), id(), Math.abs(change), threshold, "%",
                String.format(Locale.ROOT, "target volume %+.1f %% against planning (threshold %.1f %%): %s; consider "
                        + "a new plan", change, threshold, change < 0 ? "shrinkage" : "growth")));
    }
}
