/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Monte Carlo check of a correction protocol: virtual patients with a systematic error drawn from N(0, Σ) and
 * daily errors from N(0, σ) per axis, treated with the protocol; the residual errors over the evaluated
 * fractions give Σ_res (between-patient SD of the patients' mean residuals, with the σ²/n contribution of the
 * finite number of fractions removed) and σ_res (RMS of the patients' residual SDs). Seeded: the same inputs
 * give the same result.
 */
public final class ProtocolSimulation {

    private ProtocolSimulation() {
    }

    public static Residuals simulate(CorrectionProtocol protocol, AxisValues systematic, AxisValues random, int patients,
            int fractions, long seed) {
        if (patients < 2 || fractions <= protocol.firstEvaluatedFraction() + 1) {
            throw new IllegalArgumentException("simulation needs >= 2 patients and more fractions ("
                    + fractions + ") than the protocol's imaging phase (" + protocol.firstEvaluatedFraction() + ") + 1");
        }
        RandomGenerator rng = new Well19937c(seed);
        int evaluated = fractions - protocol.firstEvaluatedFraction();
        double[] sumMean = new double[3], sumMeanSq = new double[3], sumVar = new double[3];
        long imaged = 0;
        for (int p = 0; p < patients; p++) {
            CorrectionProtocol patient = protocol.newPatient();
            AxisValues s = new AxisValues(systematic.lr() * rng.nextGaussian(), systematic.ap() * rng.nextGaussian(),
                    systematic.si() * rng.nextGaussian());
            AxisValues correction = AxisValues.ZERO;
            double[] sum = new double[3], sumSq = new double[3];
            for (int f = 0; f < fractions; f++) {
                AxisValues x = s.plus(new AxisValues(random.lr() * rng.nextGaussian(), random.ap() * rng.nextGaussian(),
                        random.si() * rng.nextGaussian()));
                boolean image = patient.imaged(f);
                imaged += image ? 1 : 0;
                AxisValues applied = patient.correctionFor(f, image ? x : null, correction);
                if (!patient.online()) {
                    correction = applied;
                }
                if (f >= patient.firstEvaluatedFraction()) {
                    AxisValues r = x.minus(applied);
                    for (Axis a : Axis.values()) {
                        double v = r.get(a);
                        sum[a.ordinal()] += v;
                        sumSq[a.ordinal()] += v * v;
                    }
                }
            }
            for (int k = 0; k < 3; k++) {
                double mean = sum[k] / evaluated;
                sumMean[k] += mean;
                sumMeanSq[k] += mean * mean;
                sumVar[k] += (sumSq[k] - evaluated * mean * mean) / (evaluated - 1);
            }
        }
        double[] sys = new double[3], rnd = new double[3];
        for (int k = 0; k < 3; k++) {
            double grand = sumMean[k] / patients;
            double varOfMeans = (sumMeanSq[k] - patients * grand * grand) / (patients - 1);
            double meanVar = sumVar[k] / patients;
            sys[k] = Math.sqrt(Math.max(0, varOfMeans - meanVar / evaluated));
            rnd[k] = Math.sqrt(meanVar);
        }
        return new Residuals(new AxisValues(sys[0], sys[1], sys[2]), new AxisValues(rnd[0], rnd[1], rnd[2]),
                imaged / ((double) patients * fractions));
    }
}
