package org.isocenter.registration.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.registration.RegistrationRegion;
import org.isocenter.registration.SimilarityMetric;

/**
 * A similarity metric between a fixed seeded sample of planning-CT points inside the region and the daily image
 * under a pose. Points are voxel positions jittered within their voxel (off-grid samples keep interpolation
 * artefacts out of the metric); the same points are used for every pose, so the metric is a deterministic,
 * continuous function of the pose. Moving values are trilinear; points whose moving value is NaN (outside the
 * daily image or its field of view) are left out. The sum runs in fixed chunks on the common fork-join pool and
 * the chunks are combined in order, so results do not depend on thread scheduling.
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
    private final double movingMin, movingScale;
    private double lastOverlap;

    /**
     * @param startPose row-major 3×4 planning → daily matrix the optimisation starts from (sets the moving
     *            histogram's range)
     */
    public SampledSimilarity(SimilarityMetric metric, PyramidLevel fixed, PyramidLevel moving, RegistrationRegion region,
            int samples, long seed, double[] startPose) {
        this.metric = metric;
        this.moving = moving;
        VolumeGeometry g = fixed.geometry();
        Vector3 a = g.patientToIndex(region.minMm()), b = g.patientToIndex(region.maxMm());
        int i0 = clamp(Math.min(a.x(), b.x()), g.sizeX()), i1 = clamp(Math.max(a.x(), b.x()), g.sizeX());
        int j0 = clamp(Math.min(a.y(), b.y()), g.sizeY()), j1 = clamp(Math.max(a.y(), b.y()), g.sizeY());
        int k0 = clamp(Math.min(a.z(), b.z()), g.sizeZ()), k1 = clamp(Math.max(a.z(), b.z()), g.sizeZ());
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[samples], y = new float[samples], z = new float[samples], fv = new float[samples];
        int n = 0;
        for (int attempt = 0; n < samples && attempt < 50L * samples; attempt++) {
            int i = i0 + random.nextInt(i1 - i0 + 1), j = j0 + random.nextInt(j1 - j0 + 1), k = k0 + random.nextInt(k1 - k0 + 1);
            Vector3 p = g.indexToPatient(i + random.nextDouble() - 0.5, j + random.nextDouble() - 0.5,
                    k + random.nextDouble() - 0.5);
            if (!region.contains(p)) {
                continue;
            }
            Vector3 index = g.patientToIndex(p);
            double v = fixed.sample(Math.max(0, Math.min(g.sizeX() - 1, index.x())),
                    Math.max(0, Math.min(g.sizeY() - 1, index.y())), Math.max(0, Math.min(g.sizeZ() - 1, index.z())));
            if (Double.isNaN(v)) {
                continue;
            }
            x[n] = (float) p.x();
            y[n] = (float) p.y();
            z[n] = (float) p.z();
            fv[n] = (float) v;
            n++;
        }
        if (n < 1000) {
            throw new IllegalArgumentException("the region of interest (" + region.description()
                    + ") holds too few planning-CT voxels to match on");
        }
        px = Arrays.copyOf(x, n);
        py = Arrays.copyOf(y, n);
        pz = Arrays.copyOf(z, n);
        fixedValue = Arrays.copyOf(fv, n);
        double[] fr = range(fixedValue);
        fixedBin = new int[n];
        fixedWeight = new float[n];
        for (int s = 0; s < n; s++) {
            double bin = Math.max(0, Math.min(BINS - 1.000001, (fixedValue[s] - fr[0]) / (fr[1] - fr[0]) * (BINS - 1)));
            fixedBin[s] = (int) bin;
            fixedWeight[s] = (float) (bin - fixedBin[s]);
        }
        // the moving histogram's range: the daily values the region sees at the start pose (widened by a tenth each
        // side for the motion still to come), so a soft-tissue region is not squeezed into the few bins its
        // intensities take in an air-to-bone range; random voxels of the whole image when too few points overlap
        double[] c = combine(moving.toIndex(), startPose);
        float[] seen = new float[n];
        int m = 0;
        for (int s = 0; s < n; s++) {
            double v = moving.sample(c[0] * px[s] + c[1] * py[s] + c[2] * pz[s] + c[3],
                    c[4] * px[s] + c[5] * py[s] + c[6] * pz[s] + c[7], c[8] * px[s] + c[9] * py[s] + c[10] * pz[s] + c[11]);
            if (!Double.isNaN(v)) {
                seen[m++] = (float) v;
            }
        }
        if (m < 1000) {
            m = 0;
            seen = new float[20_000];
            for (int attempt = 0; m < seen.length && attempt < 200_000; attempt++) {
                int index = random.nextInt(moving.voxelCount());
                if (moving.isReal(index)) {
                    seen[m++] = moving.valueAt(index);
                }
            }
        }
        double[] mr = range(Arrays.copyOf(seen, Math.max(1, m)));
        double widen = 0.1 * (mr[1] - mr[0]);
        mr[0] -= widen;
        mr[1] += widen;
        movingMin = mr[0];
        movingScale = (BINS - 1) / (mr[1] - mr[0]);
    }

    private static int clamp(double v, int n) {
        return (int) Math.max(0, Math.min(n - 1, Math.round(v)));
    }

    /** 0.5th to 99.5th percentile: the histogram range, robust to outliers. */
    private static double[] range(float[] v) {
        float[] s = v.clone();
        Arrays.sort(s);
        double lo = s[(int) (0.005 * (s.length - 1))], hi = s[(int) (0.995 * (s.length - 1))];
        return new double[] { lo, hi > lo ? hi : lo + 1 };
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
        double[] total = partial[0];
        for (int chunk = 1; chunk < CHUNKS; chunk++) {
            for (int i = 0; i < total.length; i++) {
                total[i] += partial[chunk][i];
            }
        }
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
        double[] acc = new double[metric == SimilarityMetric.MUTUAL_INFORMATION ? BINS * BINS + 1
                : metric == SimilarityMetric.NORMALIZED_CORRELATION ? 6 : 2];
        int valid = 0;
        for (int s = from; s < to; s++) {
            double x = c[0] * px[s] + c[1] * py[s] + c[2] * pz[s] + c[3];
            double y = c[4] * px[s] + c[5] * py[s] + c[6] * pz[s] + c[7];
            double z = c[8] * px[s] + c[9] * py[s] + c[10] * pz[s] + c[11];
            double v = moving.sample(x, y, z);
            if (Double.isNaN(v)) {
                continue;
            }
            valid++;
            switch (metric) {
                case MUTUAL_INFORMATION -> {
                    double b = Math.max(0, Math.min(BINS - 1.000001, (v - movingMin) * movingScale));
                    int b0 = (int) b;
                    double w = b - b0;
                    int row = fixedBin[s] * BINS;
                    double fw = fixedWeight[s];
                    acc[row + b0] += (1 - fw) * (1 - w);
                    acc[row + b0 + 1] += (1 - fw) * w;
                    acc[row + BINS + b0] += fw * (1 - w);
                    acc[row + BINS + b0 + 1] += fw * w;
                }
                case NORMALIZED_CORRELATION -> {
                    double f = fixedValue[s];
                    acc[0] += f;
                    acc[1] += v;
                    acc[2] += f * f;
                    acc[3] += v * v;
                    acc[4] += f * v;
                }
                case MEAN_SQUARES -> {
                    double d = fixedValue[s] - v;
                    acc[0] += d * d;
                }
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
