/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.plan;

import java.util.List;
import java.util.Objects;

/**
 * A fraction group of a plan: how many fractions are planned and, per beam, the meterset (MU) and the beam
 * dose (Gy, {@code NaN} when not stated) delivered in one fraction.
 */
public record FractionGroup(int number, int fractionsPlanned, List<BeamMeterset> beams) {

    /** One beam's share of a fraction: meterset in MU (or minutes for sources) and dose in Gy. */
    public record BeamMeterset(int beamNumber, double metersetMu, double beamDoseGy) {
    }

    public FractionGroup {
        if (fractionsPlanned < 0) {
            throw new IllegalArgumentException("number of fractions planned must not be negative: " + fractionsPlanned);
        }
        beams = List.copyOf(Objects.requireNonNull(beams, "beams"));
    }
}
