/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dose.internal;

/**
 * Collects volume (cc) by dose for one part of a structure: a differential histogram with bins of
 * {@code binWidth} dose units starting at 0, filled with pieces of volume whose dose runs linearly from one value to
 * another (spread uniformly over that dose interval), plus the exact sums behind the mean, the extremes and the
 * volume outside the dose grid. Parts are merged in a fixed order so that results do not depend on threads.
 */
public final class DoseAccumulator {

    private final double binWidth;
    private final double perBin;
    private final double[] bins;
    /** Difference array: a constant volume per bin added to a run of whole bins (prefix-summed at the end). */
    private final double[] ramp;
    private double insideCc;
    private double doseTimesCc;
    private double outsideCc;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private long samples;

    public DoseAccumulator(double binWidth, int binCount) {
        this.binWidth = binWidth;
        perBin = 1 / binWidth;
        bins = new double[binCount];
        ramp = new double[binCount + 1];
    }

    /**
     * Adds {@code cc} of volume whose dose runs linearly from {@code d0} to {@code d1} (any order): uniformly spread
     * over [min, max]. Doses below 0 go to the first bin, doses beyond the last bin to the last one.
     */
    public void addLinear(double cc, double d0, double d1) {
        double lo, hi;
        if (d0 <= d1) {
            lo = d0;
            hi = d1;
        } else {
            lo = d1;
            hi = d0;
        }
        insideCc += cc;
        doseTimesCc += cc * 0.5 * (d0 + d1);
        samples++;
        if (lo < min) {
            min = lo;
        }
        if (hi > max) {
            max = hi;
        }
        int last = bins.length - 1;
        if (lo >= 0) {
            int bl = (int) (lo * perBin), bh = (int) (hi * perBin);
            if (bl == bh && bh <= last) { // the usual case: within one bin
                bins[bl] += cc;
                return;
            }
        }
        double span = hi - lo;
        if (span <= 1e-12 * Math.max(1, hi)) {
            bins[bin(0.5 * (lo + hi), last)] += cc;
            return;
        }
        double density = cc / span;
        if (lo < 0) {
            bins[0] += density * (Math.min(hi, 0) - lo);
            if (hi <= 0) {
                return;
            }
            lo = 0;
        }
        double top = (last + 1) * binWidth;
        if (hi > top) {
            bins[last] += density * (hi - Math.max(lo, top));
            if (lo >= top) {
                return;
            }
            hi = top;
        }
        int bl = bin(lo, last), bh = bin(hi, last);
        if (bl == bh) {
            bins[bl] += density * (hi - lo);
            return;
        }
        bins[bl] += density * ((bl + 1) * binWidth - lo);
        bins[bh] += density * (hi - bh * binWidth);
        if (bh > bl + 1) {
            double perWholeBin = density * binWidth;
            ramp[bl + 1] += perWholeBin;
            ramp[bh] -= perWholeBin;
        }
    }

    /**
     * Adds a column of {@code ccPerMm} cc per mm whose dose is piecewise linear: {@code doses[q]} at
     * {@code zMm[q]}, q = 0 .. n-1 (increasing z). Same as {@link #addLinear} per part, but a column whose doses all
     * fall in one bin (most of a large structure) goes there at once.
     */
    public void addPiecewise(double ccPerMm, double[] zMm, double[] doses, int n) {
        double lo = doses[0], hi = doses[0];
        for (int q = 1; q < n; q++) {
            double d = doses[q];
            if (d < lo) {
                lo = d;
            } else if (d > hi) {
                hi = d;
            }
        }
        int last = bins.length - 1;
        if (lo >= 0 && (int) (lo * perBin) == (int) (hi * perBin) && (int) (hi * perBin) <= last) {
            double cc = 0, doseCc = 0;
            for (int q = 1; q < n; q++) {
                double part = (zMm[q] - zMm[q - 1]) * ccPerMm;
                cc += part;
                doseCc += part * 0.5 * (doses[q - 1] + doses[q]);
            }
            bins[(int) (lo * perBin)] += cc;
            insideCc += cc;
            doseTimesCc += doseCc;
            samples += n - 1;
            if (lo < min) {
                min = lo;
            }
            if (hi > max) {
                max = hi;
            }
            return;
        }
        for (int q = 1; q < n; q++) {
            double length = zMm[q] - zMm[q - 1];
            if (length > 0) {
                addLinear(length * ccPerMm, doses[q - 1], doses[q]);
            }
        }
    }

    private int bin(double dose, int last) {
        int b = (int) (dose * perBin);
        return b < 0 ? 0 : Math.min(b, last);
    }

    /** Adds volume that lies outside the dose grid (no dose). */
    public void addOutside(double cc) {
        outsideCc += cc;
    }

    /** Adds another part's sums (call in a fixed order for reproducible results). */
    public void merge(DoseAccumulator other) {
        for (int b = 0; b < bins.length; b++) {
            bins[b] += other.bins[b];
        }
        for (int b = 0; b < ramp.length; b++) {
            ramp[b] += other.ramp[b];
        }
        insideCc += other.insideCc;
        doseTimesCc += other.doseTimesCc;
        outsideCc += other.outsideCc;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        samples += other.samples;
    }

    /** The differential histogram: volume (cc) per bin. */
    public double[] differentialCc() {
        double[] out = bins.clone();
        double run = 0;
        for (int b = 0; b < out.length; b++) {
            run += ramp[b];
            out[b] = Math.max(0, out[b] + run); // the ramp's +/- pairs cancel to rounding, never below 0
        }
        return out;
    }

    public double insideCc() {
        return insideCc;
    }

    public double outsideCc() {
        return outsideCc;
    }

    /** Volume-weighted mean dose (exact for the linear pieces added), NaN when nothing was added. */
    public double meanDose() {
        return insideCc > 0 ? doseTimesCc / insideCc : Double.NaN;
    }

    public double minDose() {
        return samples > 0 ? min : Double.NaN;
    }

    public double maxDose() {
        return samples > 0 ? max : Double.NaN;
    }

    /** Number of linear pieces added. */
    public long samples() {
        return samples;
    }
}
