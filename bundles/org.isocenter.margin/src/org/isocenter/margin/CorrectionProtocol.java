/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.util.Optional;

/**
 * A set-up correction protocol: which fractions are imaged and how the measured shifts become couch
 * corrections. {@link #correctionFor} is called once per fraction in order, before treatment, with the
 * shift measured on that fraction when {@link #imaged} says so; it returns the correction (mm per axis) that
 * is applied to this and, for offline protocols, later fractions. Residual errors are evaluated over the
 * fractions from {@link #firstEvaluatedFraction()} on (after the initial imaging phase of offline protocols).
 * A protocol instance keeps per-patient state: {@link #newPatient()} gives a fresh one.
 */
public interface CorrectionProtocol {

    String id();

    String description();

    /** A fresh instance for the next patient (protocols hold per-patient state). */
    CorrectionProtocol newPatient();

    /** Whether fraction {@code fraction} (0-based) is imaged. */
    boolean imaged(int fraction);

    /**
     * The correction to apply (mm), given the uncorrected position measured this fraction (null when the
     * fraction is not imaged) and the correction currently in force.
     */
    AxisValues correctionFor(int fraction, AxisValues uncorrectedPositionMm, AxisValues currentCorrectionMm);

    /** Whether a correction lasts for one fraction only (online protocols) rather than for all later ones. */
    boolean online();

    int firstEvaluatedFraction();

    /** Closed-form residuals for the population (Σ, σ per axis), when the protocol has them. */
    Optional<Residuals> analyticResiduals(AxisValues systematic, AxisValues random, int fractions);
}
