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
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.RuleInput;
import org.isocenter.igrt.TableTopCorrection;

/**
 * {@code rotation-beyond-couch}: the matched rotation the couch cannot apply (all of it on a couch that corrects
 * translations only; what exceeds the couch's largest rotation on a 6-DOF couch; degrees) reaches the threshold
 * (default 2 degrees) on k fractions in a row (default 3): the patient is repeatedly rotated in a way the couch does
 * not correct, so the immobilisation or the set-up needs attention.
 */
public final class RotationBeyondCouch implements AdaptiveRule {

    @Override
    public String id() {
        return "rotation-beyond-couch";
    }

    @Override
    public String description() {
        return "rotation the couch cannot apply, on consecutive fractions";
    }

    @Override
    public AlertSettings.Rule defaults() {
        return new AlertSettings.Rule(2, 3);
    }

    /** The largest rotation (degrees, about any axis) of the decision that the couch does not apply. */
    static double unapplied(FractionDecision d, boolean sixDof, double maxDeg) {
        TableTopCorrection c = d.correction();
        double worst = 0;
        for (double r : new double[] { c.pitchDeg(), c.rollDeg(), c.yawDeg() }) {
            worst = Math.max(worst, sixDof ? Math.abs(r) - maxDeg : Math.abs(r));
        }
        return Math.max(0, worst);
    }

    @Override
    public Optional<Alert> evaluate(RuleInput in) {
        double threshold = in.settings().threshold();
        int k = in.settings().fractions();
        int run = Runs.endingAtRecorded(in,
                d -> unapplied(d, in.sixDofCouch(), in.couchMaxRotationDeg()) >= threshold);
        if (run < k) {
            return Optional.empty();
        }
        double value = unapplied(in.recorded(), in.sixDofCouch(), in.couchMaxRotationDeg());
        return Optional.of(new Alert(in.recorded().fraction(), id(), value, threshold, "deg", String.format(Locale.ROOT,
                "%.1f deg of rotation the couch cannot apply (%s), >= %.1f deg on %s in a row: check the "
                        + "immobilisation and set-up",
                value, in.sixDofCouch() ? "beyond its " + in.couchMaxRotationDeg() + " deg" : "translations-only couch",
                threshold, Runs.fractions(run))));
    }
}
