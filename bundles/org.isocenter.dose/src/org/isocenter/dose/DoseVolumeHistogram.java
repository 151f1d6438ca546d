/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dose;

import java.util.List;
import java.util.Objects;

/**
 * The dose-volume histogram of one structure on one dose grid, as {@link DvhCalculator} computes it: a differential
 * histogram (volume in cc per dose bin of {@link #binWidth()}, bins starting at dose 0) and the cumulative one
 * derived from it, with the exact sample statistics (minimum, mean, maximum dose) beside them.
 * <p>
 * Doses are in {@link #doseUnits()}: {@code GY} for absolute dose, or the RT Dose's relative units (then
 * {@link #isRelativeDose()} and no value is in Gy). Volumes are in cm³, percentages are of {@link #volumeCc()}, the
 * part of the structure inside the dose grid. When the structure reaches beyond the dose grid,
 * {@link #partlyOutsideDoseGrid()} is true, {@link #outsideDoseGridCc()} says how much has no dose, and that part is
 * in no bin and no statistic (a warning says so).
 * <p>
 * D(x %) and V(dose) interpolate linearly within a bin (the calculator spreads volume uniformly within the dose range
 * of each sample, so the cumulative curve is piecewise linear); the minimum, mean and maximum come from the samples,
 * not from the bins.
 */
public final class DoseVolumeHistogram {

    private final String structureName;
    private final String doseUnits;
    private final double binWidth;
    private final double[] differentialCc;
    /** cumulativeCc[b] = volume receiving at least b × binWidth; one more entry than bins (the last is 0). */
    private final double[] cumulativeCc;
    private final double volumeCc;
    private final double outsideDoseGridCc;
    private final double minDose;
    private final double meanDose;
    private final double maxDose;
    private final double inPlaneStepMm;
    private final long samples;
    private final List<String> warnings;

    /**
     * @param differentialCc volume (cc) per bin, bin b covering [b × binWidth, (b + 1) × binWidth)
     * @param outsideDoseGridCc volume of the structure outside the dose grid (cc)
     * @param minDose smallest sampled dose, mean and max likewise (dose units)
     * @param inPlaneStepMm the sampling step used in the axial plane
     * @param samples number of dose samples (linear pieces) that made the histogram
     */
    public DoseVolumeHistogram(String structureName, String doseUnits, double binWidth, double[] differentialCc,
            double outsideDoseGridCc, double minDose, double meanDose, double maxDose, double inPlaneStepMm, long samples,
            List<String> warnings) {
        this.structureName = Objects.requireNonNull(structureName, "structureName");
        this.doseUnits = Objects.requireNonNull(doseUnits, "doseUnits");
        if (!(binWidth > 0)) {
            throw new IllegalArgumentException("bin width must be positive: " + binWidth);
        }
        if (differentialCc.length == 0) {
            throw new IllegalArgumentException("a dose-volume histogram needs at least one bin");
        }
        this.binWidth = binWidth;
        this.differentialCc = differentialCc.clone();
        cumulativeCc = new double[differentialCc.length + 1];
        for (int b = differentialCc.length - 1; b >= 0; b--) {
            if (!(differentialCc[b] >= 0)) {
                throw new IllegalArgumentException("negative or undefined volume in bin " + b + ": " + differentialCc[b]);
            }
            cumulativeCc[b] = cumulativeCc[b + 1] + differentialCc[b];
        }
        volumeCc = cumulativeCc[0];
        if (!(volumeCc > 0)) {
            throw new IllegalArgumentException("a dose-volume histogram needs a positive volume");
        }
        this.outsideDoseGridCc = outsideDoseGridCc;
        this.minDose = minDose;
        this.meanDose = meanDose;
        this.maxDose = maxDose;
        this.inPlaneStepMm = inPlaneStepMm;
        this.samples = samples;
        this.warnings = List.copyOf(warnings);
    }

    public String structureName() {
        return structureName;
    }

    /** The dose units of the RT Dose: {@code GY} or {@code RELATIVE}. */
    public String doseUnits() {
        return doseUnits;
    }

    /** Whether the doses are relative (not in Gy). */
    public boolean isRelativeDose() {
        return !doseUnits.equalsIgnoreCase("GY");
    }

    /** Width of a dose bin, in {@link #doseUnits()}. */
    public double binWidth() {
        return binWidth;
    }

    public int binCount() {
        return differentialCc.length;
    }

    /** Differential DVH: volume (cc) in bin b, i.e. receiving a dose in [b × binWidth, (b + 1) × binWidth). */
    public double[] differentialCc() {
        return differentialCc.clone();
    }

    /**
     * Cumulative DVH at the bin edges: entry b is the volume (cc) receiving at least b × binWidth; binCount + 1
     * entries, the first is {@link #volumeCc()}, the last 0.
     */
    public double[] cumulativeCc() {
        return cumulativeCc.clone();
    }

    /** Cumulative DVH at the bin edges in percent of {@link #volumeCc()}. */
    public double[] cumulativePercent() {
        double[] p = new double[cumulativeCc.length];
        for (int b = 0; b < p.length; b++) {
            p[b] = 100.0 * cumulativeCc[b] / volumeCc;
        }
        return p;
    }

    /** Volume (cc) of the structure inside the dose grid: the histogram's total, 100 % of every percentage. */
    public double volumeCc() {
        return volumeCc;
    }

    /** Volume (cc) of the structure as contoured (slab convention), inside and outside the dose grid. */
    public double structureVolumeCc() {
        return volumeCc + outsideDoseGridCc;
    }

    /** Volume (cc) of the structure outside the dose grid, in no bin. */
    public double outsideDoseGridCc() {
        return outsideDoseGridCc;
    }

    /** Whether a part of the structure (more than a millionth of it) lies outside the dose grid. */
    public boolean partlyOutsideDoseGrid() {
        return outsideDoseGridCc > 1e-6 * structureVolumeCc();
    }

    /** Smallest dose of the samples (dose units). */
    public double minDose() {
        return minDose;
    }

    /** Volume-weighted mean dose of the samples (dose units). */
    public double meanDose() {
        return meanDose;
    }

    /** Largest dose of the samples (dose units). */
    public double maxDose() {
        return maxDose;
    }

    public double inPlaneStepMm() {
        return inPlaneStepMm;
    }

    public long sampleCount() {
        return samples;
    }

    /** What the user should know about this histogram: structure outside the dose grid, relative dose, ... */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * D(x %): the dose (dose units) that the hottest {@code percent} % of the volume receives at least, e.g.
     * {@code doseAtVolumePercent(95)} is D95. 0 % gives the maximum, 100 % the minimum.
     */
    public double doseAtVolumePercent(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("volume percentage must be in 0..100: " + percent);
        }
        return doseAtVolumeCc(percent / 100.0 * volumeCc);
    }

    /** D(x cc): the dose (dose units) that the hottest {@code cc} cm³ receive at least; beyond the volume, the minimum. */
    public double doseAtVolumeCc(double cc) {
        if (!(cc >= 0)) {
            throw new IllegalArgumentException("volume must not be negative: " + cc + " cc");
        }
        if (cc <= 0) {
            return maxDose;
        }
        if (cc >= volumeCc) {
            return minDose;
        }
        // the last edge b with cumulative[b] >= cc; cumulative[b + 1] < cc
        int lo = 0, hi = cumulativeCc.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeCc[mid] >= cc) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double inBin = cumulativeCc[lo] - cumulativeCc[lo + 1];
        double dose = (lo + (inBin > 0 ? (cumulativeCc[lo] - cc) / inBin : 0)) * binWidth;
        return Math.min(Math.max(dose, minDose), maxDose);
    }

    /** V(dose): volume (cc) receiving at least {@code dose} (dose units). */
    public double volumeCcAtDose(double dose) {
        if (Double.isNaN(dose)) {
            throw new IllegalArgumentException("dose is not a number");
        }
        if (dose <= 0) {
            return volumeCc;
        }
        double edge = dose / binWidth;
        int b = (int) Math.floor(edge);
        if (b >= differentialCc.length) {
            return 0;
        }
        return cumulativeCc[b] - (edge - b) * differentialCc[b];
    }

    /** V(dose) in percent of {@link #volumeCc()}. */
    public double volumePercentAtDose(double dose) {
        return 100.0 * volumeCcAtDose(dose) / volumeCc;
    }

    /** The standard metrics (D98, D95, D50, D2, minimum, mean, maximum, volumes). */
    public DoseMetrics metrics() {
        return DoseMetrics.of(this);
    }
}
