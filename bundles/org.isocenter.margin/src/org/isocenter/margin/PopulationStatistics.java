/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Population statistics of set-up errors, per axis (mm), after van Herk (2004): group mean M (mean of the
 * patients' mean shifts), systematic error Σ (standard deviation of the patients' means) and random error σ
 * (root mean square of the patients' standard deviations). 95% confidence intervals: Σ from the χ²
 * distribution with (patients − 1) degrees of freedom, σ from χ² with Σ(fractions − 1) degrees of freedom
 * (treating the pooled variance as one sample variance). Needs at least two patients with at least two fractions each.
 */
public record PopulationStatistics(int patients, int fractions, AxisValues groupMean, AxisValues systematic,
        AxisValues random, AxisValues systematicLow95, AxisValues systematicHigh95, AxisValues randomLow95,
        AxisValues randomHigh95) {

    public static PopulationStatistics of(List<ShiftRecord> shifts) {
        Map<String, List<AxisValues>> byPatient = new LinkedHashMap<>();
        for (ShiftRecord s : shifts) {
            byPatient.computeIfAbsent(s.patientId(), k -> new ArrayList<>()).add(s.shiftMm());
        }
        if (byPatient.size() < 2) {
            throw new IllegalArgumentException("population statistics need at least 2 patients, got " + byPatient.size());
        }
        for (var e : byPatient.entrySet()) {
            if (e.getValue().size() < 2) {
                throw new IllegalArgumentException("patient '" + e.getKey() + "' has only one fraction: a random "
                        + "error (SD within the patient) needs at least two");
            }
        }
        int p = byPatient.size();
        double[][] means = new double[p][3];
        double[][] variances = new double[p][3];
        int dfRandom = 0;
        int i = 0;
        for (List<AxisValues> v : byPatient.values()) {
            int n = v.size();
            dfRandom += n - 1;
            for (Axis a : Axis.values()) {
                double mean = v.stream().mapToDouble(x -> x.get(a)).average().orElseThrow();
                double ss = v.stream().mapToDouble(x -> (x.get(a) - mean) * (x.get(a) - mean)).sum();
                means[i][a.ordinal()] = mean;
                variances[i][a.ordinal()] = ss / (n - 1);
            }
            i++;
        }
        double[] m = new double[3], sys = new double[3], rnd = new double[3];
        for (Axis a : Axis.values()) {
            int k = a.ordinal();
            double sum = 0;
            for (double[] mean : means) {
                sum += mean[k];
            }
            m[k] = sum / p;
            double ss = 0, varSum = 0;
            for (int j = 0; j < p; j++) {
                ss += (means[j][k] - m[k]) * (means[j][k] - m[k]);
                varSum += variances[j][k];
            }
            sys[k] = Math.sqrt(ss / (p - 1));
            rnd[k] = Math.sqrt(varSum / p);
        }
        AxisValues systematic = new AxisValues(sys[0], sys[1], sys[2]);
        AxisValues random = new AxisValues(rnd[0], rnd[1], rnd[2]);
        double[] sysCi = sdInterval(p - 1);
        double[] rndCi = sdInterval(dfRandom);
        return new PopulationStatistics(p, shifts.size(), new AxisValues(m[0], m[1], m[2]), systematic, random,
                systematic.times(sysCi[0]), systematic.times(sysCi[1]), random.times(rndCi[0]), random.times(rndCi[1]));
    }

    /** Factors (low, high) that turn a sample SD with {@code df} degrees of freedom into its 95% interval. */
    static double[] sdInterval(int df) {
        ChiSquaredDistribution chi = new ChiSquaredDistribution(null, df);
        return new double[] { Math.sqrt(df / chi.inverseCumulativeProbability(0.975)),
                Math.sqrt(df / chi.inverseCumulativeProbability(0.025)) };
    }
}
