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
import org.isocenter.igrt.FractionObservations;
import org.isocenter.igrt.RuleInput;

/**
 * {@code external-contour-change}: the body outline on the daily image, after the fraction's correction, moved at
 * least the threshold (mm, default 5) inward (weight loss) or outward (swelling) from the planning outline somewhere
 * in the treated region. Needs the fraction's outline comparison ({@link FractionObservations#outlineInwardMm()}).
 */
public final class ExternalContourChange implements AdaptiveRule {

    @Override
    public String id() {
        return "external-contour-change";
    }

    @Override
    public String description() {
        return "body outline moved inward (weight loss) or outward (swelling) against the planning outline";
    }

    @Override
    public AlertSettings.Rule defaults() {
        return new AlertSettings.Rule(5, 1);
    }

    @Override
    public Optional<Alert> evaluate(RuleInput in) {
        FractionObservations o = in.recorded().observations();
        if (o.outlineInwardMm() == null || o.outlineOutwardMm() == null) {
            return Optional.empty();
        }
        boolean inward = o.outlineInwardMm() >= o.outlineOutwardMm();
        double value = Math.max(o.outlineInwardMm(), o.outlineOutwardMm());
        double threshold = in.settings().threshold();
        if (value < threshold) {
            return Optional.empty();
        }
        return Optional.of(new Alert(in.recorded().fraction(), id(), value, threshold, "mm", String.format(Locale.ROOT,
                "body outline %.1f mm %s the planning outline in the treated region (threshold %.1f mm): %s; "
                        + "review the dose on the daily anatomy, consider a new plan",
                value, inward ? "inside" : "outside", threshold, inward ? "weight loss" : "swelling or weight gain")));
    }
}
