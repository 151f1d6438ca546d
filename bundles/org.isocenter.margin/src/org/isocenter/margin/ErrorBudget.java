/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.util.List;
import java.util.Objects;

/**
 * The geometric uncertainties a margin must cover, per axis (mm, one standard deviation): systematic
 * (treatment preparation) components such as set-up, delineation and organ motion, and random (treatment
 * execution) components such as daily set-up and motion; independent components add in quadrature. The
 * penumbra width {@code penumbraSigmaMm} (σp, SD of the Gaussian fitted to the beam penumbra, ≈ 3.2 mm for
 * a photon beam in water) is used by the full van Herk form.
 */
public record ErrorBudget(List<Component> systematic, List<Component> random, double penumbraSigmaMm) {

    /** A named error component: its standard deviation per axis (mm). */
    public record Component(String name, AxisValues sdMm) {
        public Component {
            Objects.requireNonNull(name, "name");
            if (sdMm.lr() < 0 || sdMm.ap() < 0 || sdMm.si() < 0) {
                throw new IllegalArgumentException("component '" + name + "': a standard deviation cannot be negative");
            }
        }
    }

    public static final double PHOTON_PENUMBRA_SIGMA_MM = 3.2;

    public ErrorBudget {
        systematic = List.copyOf(systematic);
        random = List.copyOf(random);
        if (!(penumbraSigmaMm >= 0)) {
            throw new IllegalArgumentException("penumbra sigma must be >= 0 mm");
        }
    }

    /** A budget of one total systematic Σ and one total random σ per axis. */
    public static ErrorBudget of(AxisValues sigmaSystematic, AxisValues sigmaRandom) {
        return new ErrorBudget(List.of(new Component("systematic", sigmaSystematic)),
                List.of(new Component("random", sigmaRandom)), PHOTON_PENUMBRA_SIGMA_MM);
    }

    /** Σ: all systematic components in quadrature. */
    public AxisValues totalSystematic() {
        return AxisValues.quadrature(systematic.stream().map(Component::sdMm).toList());
    }

    /** σ: all random components in quadrature. */
    public AxisValues totalRandom() {
        return AxisValues.quadrature(random.stream().map(Component::sdMm).toList());
    }
}
