/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a margin policy: the set-up errors as measured (Σ, σ per axis, mm), what the correction
 * protocol leaves of them (closed form when it exists, and by simulation), the full error budget (residual
 * set-up plus the components imaging does not see), the recipe's margin per axis (mm) and warnings (margin
 * above the site's limit, simulation disagreeing with the closed form).
 */
public record MarginReport(MarginRecipe recipe, CorrectionProtocol protocol, int fractions, AxisValues setupSystematic,
        AxisValues setupRandom, Optional<Residuals> analytic, Residuals simulated, ErrorBudget budget, AxisValues margin,
        List<String> warnings) {

    /** Virtual patients per simulation: statistical error of Σ_res about 1%. */
    public static final int SIMULATED_PATIENTS = 20_000;

    public static MarginReport evaluate(MarginRecipe recipe, CorrectionProtocol protocol, int fractions,
            AxisValues setupSystematic, AxisValues setupRandom, List<ErrorBudget.Component> otherSystematic,
            List<ErrorBudget.Component> otherRandom, AxisValues maxMarginMm, long seed) {
        Optional<Residuals> analytic = protocol.analyticResiduals(setupSystematic, setupRandom, fractions);
        Residuals simulated = ProtocolSimulation.simulate(protocol, setupSystematic, setupRandom, SIMULATED_PATIENTS,
                fractions, seed);
        Residuals used = analytic.orElse(simulated);
        List<ErrorBudget.Component> sys = new ArrayList<>(otherSystematic);
        sys.add(0, new ErrorBudget.Component("residual set-up (" + protocol.id() + ")", used.systematic()));
        List<ErrorBudget.Component> rnd = new ArrayList<>(otherRandom);
        rnd.add(0, new ErrorBudget.Component("residual set-up (" + protocol.id() + ")", used.random()));
        ErrorBudget budget = new ErrorBudget(sys, rnd, ErrorBudget.PHOTON_PENUMBRA_SIGMA_MM);
        AxisValues margin = recipe.margin(budget);
        List<String> warnings = new ArrayList<>();
        if (maxMarginMm != null) {
            for (Axis a : Axis.values()) {
                if (margin.get(a) > maxMarginMm.get(a)) {
                    warnings.add(String.format(java.util.Locale.ROOT, "%s margin %.1f mm exceeds the site's limit of %.1f mm",
                            a, margin.get(a), maxMarginMm.get(a)));
                }
            }
        }
        analytic.ifPresent(an -> {
            for (Axis a : Axis.values()) {
                double expected = an.systematic().get(a), got = simulated.systematic().get(a);
                if (Math.abs(expected - got) > 0.05 * expected + 0.05) {
                    warnings.add(String.format(java.util.Locale.ROOT,
                            "%s: simulated residual Σ %.2f mm differs from the closed form %.2f mm", a, got, expected));
                }
            }
        });
        return new MarginReport(recipe, protocol, fractions, setupSystematic, setupRandom, analytic, simulated, budget,
                margin, warnings);
    }
}
