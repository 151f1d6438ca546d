/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration.internal;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.isocenter.registration.SimilarityMetric;

/**
 * A similarity metric between the planning CT at a fixed set of points ({@link SamplePoints}) and the daily image
 * under a pose, both read at one pyramid level. The same points are used for every pose, so the metric is a
 * deterministic, continuous function of the pose. Values are trilinear; points whose daily value is NaN (outside
 * the daily image or its field of view) are left out. Mutual information reads the daily image binned
 * ({@link BinnedLevel}: its positions on the histogram's bin axis, one byte per voxel), made once per level and
 * histogram range. The sum runs in fixed chunks on the common fork-join pool and the chunks are combined in order,
 * so results do not depend on thread scheduling.
 */
public final class SampledSimilarity {

    /** Joint histogram bins per image (mutual information). */
    public static final int BINS = 32;
    /** Poses that leave fewer than this share of the points inside the daily image score worst. */
    public static final double MIN_OVERLAP = 0.3;
    private static final int CHUNKS = 16;

    private final SimilarityMetric metric;
    private final float[] px, py, pz; // sample positions, planning mm
    private final float[] fixedValue;
    private final int[] fixedBin;
    private final float[] fixedWeight; // share of the sample in fixedBin + 1 (linear bin splitting)
    private final PyramidLevel moving;
    private final BinnedLevel binned; // mutual information: the daily image on the histogram's bin axis
    private double lastOverlap;

    /**
     * @param fixed the planning CT at this level (without padding)
     * @param moving the daily image at this level
     * @param points where the metric looks (planning mm); fewer than 1000 is refused
     * @param startPose row-major 3×4 planning → daily matrix the optimisation starts from (sets the moving
     *            histogram's range)
     * @param seed for the moving histogram's range when too few points fall inside the daily image at the start
     */
    public SampledSimilarity(SimilarityMetric metric, PyramidLevel fixed, PyramidLevel moving, SamplePoints points,
            double[] startPose, long seed) {
        this(metric, fixed, moving, points, startPose, seed, null);
    }

    /**
     * As above; with {@code sameLevel} (a similarity of the same metric on the same daily level), its binned daily
     * image (and so its moving histogram range) is taken over instead of made again.
     */
    public SampledSimilarity(SimilarityMetric metric, PyramidLevel fixed, PyramidLevel moving, SamplePoints points,
            double[] startPose, long seed, SampledSimilarity sameLevel) {
        this.metric = metric;
        this.moving = moving;
        int n = points.count();
        if (n < 1000) {
            throw new IllegalArgumentException("the region of interest holds too few planning-CT voxels to match on");
        }
        px = points.x;
        py = points.y;
        pz = points.z;
        boolean reuse = sameLevel != null && sameLevel.moving == moving && sameLevel.metric == metric;
        double[] mr = reuse ? null : movingRange(startPose, seed); // first: the JIT's first profile sees padding too
        fixedValue = fixedValues(fixed);
        double[] fr = range(fixedValue, n);
        fixedBin = new int[n];
        fixedWeight = new float[n];
        for (int s = 0; s < n; s++) {
            double bin = Math.max(0, Math.min(BINS - 1.000001, (fixedValue[s] - fr[0]) / (fr[1] - fr[0]) * (BINS - 1)));
            fixedBin[s] = (int) bin;
            fixedWeight[s] = (float) (bin - fixedBin[s]);
        }
        if (reuse) {
            binned = sameLevel.binned;
        } else if (metric == SimilarityMetric.MUTUAL_INFORMATION) { // the moving histogram's range, widened
            double widen = 0.1 * (mr[1] - mr[0]);
            binned = new BinnedLevel(moving, mr[0] - widen, (BINS - 1) / (mr[1] - mr[0] + 2 * widen), BINS);
        } else {
            binned = null;
        }
    }

    /** The planning CT's values at the points on this level (clamped into its grid: points near the crop edge). */
    private float[] fixedValues(PyramidLevel fixed) {
        double[] a = fixed.toIndex();
        float[] v = new float[px.length];
        for (int s = 0; s < v.length; s++) {
            v[s] = (float) fixed.sampleNearest(a[0] * px[s] + a[1] * py[s] + a[2] * pz[s] + a[3],
                    a[4] * px[s] + a[5] * py[s] + a[6] * pz[s] + a[7], a[8] * px[s] + a[9] * py[s] + a[10] * pz[s] + a[11]);
        }
        return v;
    }

    /** The daily value at point s under the combined affine c (see {@link #combine}), or NaN. */
    private double movingAt(double[] c, int s) {
        double x = px[s], y = py[s], z = pz[s];
        return moving.sample(c[0] * x + c[1] * y + c[2] * z + c[3], c[4] * x + c[5] * y + c[6] * z + c[7],
                c[8] * x + c[9] * y + c[10] * z + c[11]);
    }

    /**
     * The moving histogram's range: the daily values the region sees at the start pose (widened by a tenth each
     * side for the motion still to come), so a soft-tissue region is not squeezed into the few bins its
     * intensities take in an air-to-bone range; random voxels of the whole image when too few points overlap.
     */
    private double[] movingRange(double[] startPose, long seed) {
        double[] c = combine(moving.toIndex(), startPose);
        float[] seen = new float[px.length];
        int m = 0;
        for (int s = 0; s < px.length; s++) {
            double v = movingAt(c, s);
            if (!Double.isNaN(v)) {
                seen[m++] = (float) v;
            }
        }
        if (m < 1000) {
            SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
            m = 0;
            seen = new float[20_000];
            for (int attempt = 0; m < seen.length && attempt < 200_000; attempt++) {
                int index = random.nextInt(moving.voxelCount());
                if (moving.isReal(index)) {
                    seen[m++] = (float) moving.valueAt(index);
                }
            }
        }
        return range(seen, Math.max(1, m));
    }

    /** 0.5th to 99.5th percentile of v[0..n): the histogram range, robust to outliers. */
    private static double[] range(float[] v, int n) {
        float[] s = java.util.Arrays.copyOf(v, n);
        double lo = select(s, (int) (0.005 * (n - 1))), hi = select(s, (int) (0.995 * (n - 1)));
        return new double[] { lo, hi > lo ? hi : lo + 1 };
    }

    /** The k-th smallest value of a (0-based; Hoare's selection, reorders a). */
    static float select(float[] a, int k) {
        int lo = 0, hi = a.length - 1;
        while (lo < hi) {
            float x = a[lo], y = a[(lo + hi) >>> 1], z = a[hi];
            float pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z)); // median of three
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    public int sampleCount() {
        return px.length;
    }

    /** Share of the points that fell inside the daily image at the last evaluation (0..1). */
    public double lastOverlap() {
        return lastOverlap;
    }

    /**
     * The metric for a pose given as a row-major 3×4 matrix mapping planning mm to daily mm, as a cost to
     * minimise: −MI, −NC or MS. Poses with too little overlap cost {@code +∞}-like (a large finite value).
     */
    public double cost(double[] planningToDaily) {
        double[] c = combine(moving.toIndex(), planningToDaily);
        int per = (px.length + CHUNKS - 1) / CHUNKS;
        double[][] partial = new double[CHUNKS][];
        IntStream.range(0, CHUNKS).parallel().forEach(chunk -> partial[chunk] = accumulate(c, chunk * per,
                Math.min(px.length, (chunk + 1) * per)));
        double[] total = sum(partial);
        double valid = total[total.length - 1];
        lastOverlap = valid / px.length;
        if (valid < MIN_OVERLAP * px.length) {
            return metric == SimilarityMetric.MEAN_SQUARES ? 1e12 : 1e3;
        }
        return switch (metric) {
            case MUTUAL_INFORMATION -> -mutualInformation(total, valid);
            case NORMALIZED_CORRELATION -> {
                double mf = total[0] / valid, mm = total[1] / valid;
                double vf = total[2] / valid - mf * mf, vm = total[3] / valid - mm * mm, cov = total[4] / valid - mf * mm;
                yield vf > 0 && vm > 0 ? -cov / Math.sqrt(vf * vm) : 0;
            }
            case MEAN_SQUARES -> total[0] / valid;
        };
    }

    /** The chunks' sums added up in chunk order (into the first). */
    private static double[] sum(double[][] partial) {
        double[] total = partial[0];
        for (int chunk = 1; chunk < partial.length; chunk++) {
            for (int i = 0; i < total.length; i++) {
                total[i] += partial[chunk][i];
            }
        }
        return total;
    }

    /** The metric's own value (bits, correlation, or units²) from a cost. */
    public double metricValue(double cost) {
        return metric == SimilarityMetric.MEAN_SQUARES ? cost : -cost;
    }

    /** moving index = A (M p) + b for the 3×4 pose M: the combined row-major 3×4 affine. */
    private static double[] combine(double[] a, double[] m) {
        double[] c = new double[12];
        for (int r = 0; r < 3; r++) {
            for (int col = 0; col < 4; col++) {
                double v = a[r * 4] * m[col] + a[r * 4 + 1] * m[4 + col] + a[r * 4 + 2] * m[8 + col];
                c[r * 4 + col] = col == 3 ? v + a[r * 4 + 3] : v;
            }
        }
        return c;
    }

    /** Sums over samples [from, to): the histogram or moments, with the valid count last. */
    private double[] accumulate(double[] c, int from, int to) {
        return switch (metric) {
            case MUTUAL_INFORMATION -> histogram(c, from, to);
            case NORMALIZED_CORRELATION -> moments(c, from, to, true);
            case MEAN_SQUARES -> moments(c, from, to, false);
        };
    }

    /** The joint histogram, both values split linearly between their two nearest bins. */
    private double[] histogram(double[] c, int from, int to) {
        double[] acc = new double[BINS * BINS + 1];
        BinnedLevel m = binned;
        int valid = 0;
        for (int s = from; s < to; s++) {
            double x = px[s], y = py[s], z = pz[s];
            double v = m.binAt(c[0] * x + c[1] * y + c[2] * z + c[3], c[4] * x + c[5] * y + c[6] * z + c[7],
                    c[8] * x + c[9] * y + c[10] * z + c[11]);
            if (Double.isNaN(v)) {
                continue;
            }
            valid++;
            double b = Math.min(BINS - 1.000001, v);
            int b0 = (int) b;
            double w = b - b0;
            int row = fixedBin[s] * BINS + b0;
            double fw = fixedWeight[s];
            acc[row] += (1 - fw) * (1 - w);
            acc[row + 1] += (1 - fw) * w;
            acc[row + BINS] += fw * (1 - w);
            acc[row + BINS + 1] += fw * w;
        }
        acc[acc.length - 1] = valid;
        return acc;
    }

    /** Sums of f, m, f², m², f·m (correlation) or of (f − m)² (mean squares). */
    private double[] moments(double[] c, int from, int to, boolean correlation) {
        double[] acc = new double[correlation ? 6 : 2];
        int valid = 0;
        for (int s = from; s < to; s++) {
            double v = movingAt(c, s);
            if (Double.isNaN(v)) {
                continue;
            }
            valid++;
            double f = fixedValue[s];
            if (correlation) {
                acc[0] += f;
                acc[1] += v;
                acc[2] += f * f;
                acc[3] += v * v;
                acc[4] += f * v;
            } else {
                acc[0] += (f - v) * (f - v);
            }
        }
        acc[acc.length - 1] = valid;
        return acc;
    }

    private static double mutualInformation(double[] joint, double valid) {
        double[] pf = new double[BINS], pm = new double[BINS];
        for (int i = 0; i < BINS; i++) {
            for (int j = 0; j < BINS; j++) {
                double q = joint[i * BINS + j] / valid;
                joint[i * BINS + j] = q;
                pf[i] += q;
                pm[j] += q;
            }
        }
        double mi = 0;
        for (int i = 0; i < BINS; i++) {
            for (int j = 0; j < BINS; j++) {
                double q = joint[i * BINS + j];
                if (q > 0) {
                    mi += q * Math.log(q / (pf[i] * pm[j]));
                }
            }
        }
        return mi / Math.log(2);
    }
}
