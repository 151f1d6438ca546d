package org.isocenter.registration;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;

/**
 * Rigid intensity-based registration by mutual information (robust to CBCT gain, offset, shading and noise):
 * a three-level pyramid (block averages 4, 2, 1; translations only on the coarsest), a fixed seeded sample of planning-CT voxels inside the region
 * of interest, trilinear interpolation in the daily image, a 32 × 32 joint histogram with bilinear bin splitting (a first-order Parzen window),
 * and Powell's BOBYQA (derivative-free, bounded: ±10° and ±60 mm) on rotations (degrees, about the region's
 * centre, x then y then z) and translations (mm). Samples that fall outside the daily image's grid, or touch its
 * padding outside the reconstructed field of view (see {@link #paddingValue}), are left out; a pose that leaves
 * fewer than 30% of them scores zero.
 */
public final class MutualInformationRegistration implements RegistrationAlgorithm {

    static final int BINS = 32;
    // the finest level runs twice: BOBYQA's restart from its own optimum removes most early stops on a noisy metric
    static final int[] LEVELS = { 4, 2, 1, 1 };
    static final int[] SAMPLES = { 15_000, 30_000, 60_000, 120_000 };
    static final double[] TRUST_START = { 4, 1, 0.4, 0.2 };
    static final double[] TRUST_STOP = { 0.05, 0.02, 0.005, 0.002 };

    @Override
    public String id() {
        return "mattes-mi-rigid";
    }

    @Override
    public RegistrationResult register(RegistrationRequest request, ProgressMonitor monitor) {
        long start = System.nanoTime();
        monitor.begin("Matching " + request.daily().info().seriesDescription() + " to the planning CT", LEVELS.length);
        boolean six = request.dof() == RegistrationRequest.DegreesOfFreedom.SIX;
        double[] params = new double[6]; // rx, ry, rz (deg), tx, ty, tz (mm)
        int evaluations = 0;
        double metric = 0;
        int padding = paddingValue(request.daily());
        for (int l = 0; l < LEVELS.length; l++) {
            monitor.checkCancelled();
            monitor.subTask("level 1/" + LEVELS[l]);
            Level fixed = Level.of(request.planning(), LEVELS[l]);
            Level moving = Level.of(request.daily(), LEVELS[l], padding);
            Metric m = new Metric(fixed, moving, request, SAMPLES[l], request.seed() + l, monitor);
            // the coarsest level finds the translation first: rotations are poorly determined there
            boolean rotate = six && l > 0;
            int n = rotate ? 6 : 3;
            double[] x0 = rotate ? params.clone() : Arrays.copyOfRange(params, 3, 6);
            double[] lower = new double[n], upper = new double[n];
            for (int i = 0; i < n; i++) {
                boolean rotation = rotate && i < 3;
                lower[i] = rotation ? -10 : -60;
                upper[i] = rotation ? 10 : 60;
            }
            BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, TRUST_START[l], TRUST_STOP[l]);
            double[] keep = params.clone();
            PointValuePair best = optimizer.optimize(new MaxEval(3000),
                    new ObjectiveFunction(p -> -m.value(full(p, rotate, keep))), GoalType.MINIMIZE, new InitialGuess(x0),
                    new SimpleBounds(lower, upper));
            params = full(best.getPoint(), rotate, keep);
            evaluations += optimizer.getEvaluations();
            metric = -best.getValue();
            monitor.worked(1);
        }
        RigidTransform t = transform(request, params);
        return new RegistrationResult(t, metric, evaluations, (System.nanoTime() - start) / 1_000_000);
    }

    /** All six parameters from the optimised ones: translations only keep the current rotations. */
    /**
     * The daily image's padding (the constant written outside the reconstructed field of view): its most frequent
     * stored value when that value is air-like (at most -900 in the image's units) and fills at least 5% of the
     * voxels — measured data has noise and never repeats one value that often; otherwise none
     * ({@code Integer.MIN_VALUE}).
     */
    static int paddingValue(ImageVolume v) {
        int[] counts = new int[65536];
        for (short x : v.storedValues()) {
            counts[x + 32768]++;
        }
        int mode = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[mode]) {
                mode = i;
            }
        }
        int value = mode - 32768;
        boolean airLike = value * v.rescaleSlope() + v.rescaleIntercept() <= -900;
        return airLike && counts[mode] >= 0.05 * v.storedValues().length ? value : Integer.MIN_VALUE;
    }

    private static double[] full(double[] p, boolean rotate, double[] current) {
        return rotate ? p : new double[] { current[0], current[1], current[2], p[0], p[1], p[2] };
    }

    static RigidTransform transform(RegistrationRequest r, double[] p) {
        return RigidTransform.fromEulerDegrees(r.planning().frameOfReferenceUid(), r.daily().frameOfReferenceUid(), p[0],
                p[1], p[2], r.roiCentreMm(), new Vector3(p[3], p[4], p[5]));
    }

    /** A pyramid level: block-averaged physical values and the affine that maps patient mm to voxel index. */
    record Level(float[] values, float[] valid, int nx, int ny, int nz, double[] toIndex, VolumeGeometry geometry) {

        static Level of(ImageVolume v, int f) {
            return of(v, f, Integer.MIN_VALUE);
        }

        /**
         * Block averages of factor {@code f}; voxels whose stored value equals {@code padding} (outside the
         * reconstructed field of view) count as no data: a block's validity is its share of real voxels.
         */
        static Level of(ImageVolume v, int f, int padding) {
            VolumeGeometry g = v.geometry();
            int nx = Math.max(1, g.sizeX() / f), ny = Math.max(1, g.sizeY() / f), nz = Math.max(1, g.sizeZ() / f);
            float[] out = new float[nx * ny * nz];
            float[] valid = padding == Integer.MIN_VALUE ? null : new float[out.length];
            short[] s = v.storedValues();
            double slope = v.rescaleSlope(), intercept = v.rescaleIntercept();
            for (int k = 0; k < nz; k++) {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        double sum = 0;
                        int real = 0;
                        for (int c = 0; c < f; c++) {
                            for (int b = 0; b < f; b++) {
                                int row = ((k * f + c) * g.sizeY() + j * f + b) * g.sizeX() + i * f;
                                for (int a = 0; a < f; a++) {
                                    sum += s[row + a];
                                    real += s[row + a] == padding ? 0 : 1;
                                }
                            }
                        }
                        out[(k * ny + j) * nx + i] = (float) (sum / (f * f * f) * slope + intercept);
                        if (valid != null) {
                            valid[(k * ny + j) * nx + i] = real / (float) (f * f * f);
                        }
                    }
                }
            }
            Vector3 origin = g.indexToPatient((f - 1) / 2.0, (f - 1) / 2.0, (f - 1) / 2.0);
            VolumeGeometry lg = new VolumeGeometry(nx, ny, nz, g.spacingXMm() * f, g.spacingYMm() * f, g.spacingZMm() * f,
                    origin, g.rowDirection(), g.columnDirection(), g.sliceDirection());
            // index = A p + b, from the geometry's own (linear) patientToIndex
            Vector3 b = lg.patientToIndex(new Vector3(0, 0, 0));
            Vector3 ax = lg.patientToIndex(new Vector3(1, 0, 0)).minus(b);
            Vector3 ay = lg.patientToIndex(new Vector3(0, 1, 0)).minus(b);
            Vector3 az = lg.patientToIndex(new Vector3(0, 0, 1)).minus(b);
            double[] a = { ax.x(), ay.x(), az.x(), b.x(), ax.y(), ay.y(), az.y(), b.y(), ax.z(), ay.z(), az.z(), b.z() };
            return new Level(out, valid, nx, ny, nz, a, lg);
        }

        /** Trilinear value at a continuous index, or NaN outside the grid. */
        double sample(double x, double y, double z) {
            if (x < 0 || y < 0 || z < 0 || x > nx - 1 || y > ny - 1 || z > nz - 1) {
                return Double.NaN;
            }
            int i = Math.min((int) x, nx - 2), j = Math.min((int) y, ny - 2), k = Math.min((int) z, nz - 2);
            if (nx < 2 || ny < 2 || nz < 2) {
                return values[0];
            }
            double fx = x - i, fy = y - j, fz = z - k;
            int o = (k * ny + j) * nx + i, sy = nx, sz = nx * ny;
            if (valid != null && (valid[o] < 1 || valid[o + 1] < 1 || valid[o + sy] < 1 || valid[o + sy + 1] < 1
                    || valid[o + sz] < 1 || valid[o + sz + 1] < 1 || valid[o + sz + sy] < 1 || valid[o + sz + sy + 1] < 1)) {
                return Double.NaN; // touches the padding outside the field of view
            }
            double c00 = values[o] + fx * (values[o + 1] - values[o]);
            double c10 = values[o + sy] + fx * (values[o + sy + 1] - values[o + sy]);
            double c01 = values[o + sz] + fx * (values[o + sz + 1] - values[o + sz]);
            double c11 = values[o + sz + sy] + fx * (values[o + sz + sy + 1] - values[o + sz + sy]);
            double c0 = c00 + fy * (c10 - c00), c1 = c01 + fy * (c11 - c01);
            return c0 + fz * (c1 - c0);
        }
    }

    /** Mutual information between the fixed samples and the moving image under a pose. */
    static final class Metric {
        private final double[] px, py, pz; // sample positions, planning mm
        private final int[] fixedBin;
        private final float[] fixedWeight; // share of the sample in fixedBin + 1 (linear bin splitting)
        private final Level moving;
        private final double movingMin, movingScale;
        private final RegistrationRequest request;
        private final ProgressMonitor monitor;
        private final double[] joint = new double[BINS * BINS];

        Metric(Level fixed, Level moving, RegistrationRequest request, int samples, long seed, ProgressMonitor monitor) {
            this.moving = moving;
            this.request = request;
            this.monitor = monitor;
            VolumeGeometry g = fixed.geometry();
            Vector3 lo = g.patientToIndex(request.roiMinMm()), hi = g.patientToIndex(request.roiMaxMm());
            int i0 = clamp(Math.min(lo.x(), hi.x()), fixed.nx()), i1 = clamp(Math.max(lo.x(), hi.x()), fixed.nx());
            int j0 = clamp(Math.min(lo.y(), hi.y()), fixed.ny()), j1 = clamp(Math.max(lo.y(), hi.y()), fixed.ny());
            int k0 = clamp(Math.min(lo.z(), hi.z()), fixed.nz()), k1 = clamp(Math.max(lo.z(), hi.z()), fixed.nz());
            SplittableRandom random = new SplittableRandom(seed);
            px = new double[samples];
            py = new double[samples];
            pz = new double[samples];
            double[] fv = new double[samples];
            for (int s = 0; s < samples; s++) {
                int i = i0 + random.nextInt(i1 - i0 + 1), j = j0 + random.nextInt(j1 - j0 + 1), k = k0 + random.nextInt(k1 - k0 + 1);
                // jitter within the voxel: samples off the grid avoid interpolation artefacts in the metric
                Vector3 p = g.indexToPatient(i + random.nextDouble() - 0.5, j + random.nextDouble() - 0.5,
                        k + random.nextDouble() - 0.5);
                px[s] = p.x();
                py[s] = p.y();
                pz[s] = p.z();
                Vector3 index = g.patientToIndex(p);
                fv[s] = fixed.sample(Math.max(0, Math.min(fixed.nx() - 1, index.x())),
                        Math.max(0, Math.min(fixed.ny() - 1, index.y())), Math.max(0, Math.min(fixed.nz() - 1, index.z())));
            }
            double[] fr = range(fv);
            fixedBin = new int[samples];
            fixedWeight = new float[samples];
            for (int s = 0; s < samples; s++) {
                double b = Math.max(0, Math.min(BINS - 1.000001, (fv[s] - fr[0]) / (fr[1] - fr[0]) * (BINS - 1)));
                fixedBin[s] = (int) b;
                fixedWeight[s] = (float) (b - fixedBin[s]);
            }
            double[] movingSample = new double[20_000];
            for (int s = 0; s < movingSample.length; s++) {
                movingSample[s] = moving.values()[random.nextInt(moving.values().length)];
            }
            double[] mr = range(movingSample);
            movingMin = mr[0];
            movingScale = (BINS - 1) / (mr[1] - mr[0]);
        }

        private static int clamp(double v, int n) {
            return (int) Math.max(0, Math.min(n - 1, Math.round(v)));
        }

        /** 0.5th to 99.5th percentile: the histogram range, robust to outliers. */
        private static double[] range(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            double lo = s[(int) (0.005 * (s.length - 1))], hi = s[(int) (0.995 * (s.length - 1))];
            return new double[] { lo, hi > lo ? hi : lo + 1 };
        }

        double value(double[] p) {
            monitor.checkCancelled();
            RigidTransform t = transform(request, p);
            double[] m = t.toRowMajorArray(), a = moving.toIndex();
            // combined affine: moving index = A (R q + t) + b
            double[] c = new double[12];
            for (int r = 0; r < 3; r++) {
                for (int col = 0; col < 4; col++) {
                    double v = a[r * 4] * m[col] + a[r * 4 + 1] * m[4 + col] + a[r * 4 + 2] * m[8 + col];
                    c[r * 4 + col] = col == 3 ? v + a[r * 4 + 3] : v;
                }
            }
            Arrays.fill(joint, 0);
            int valid = 0;
            for (int s = 0; s < px.length; s++) {
                double x = c[0] * px[s] + c[1] * py[s] + c[2] * pz[s] + c[3];
                double y = c[4] * px[s] + c[5] * py[s] + c[6] * pz[s] + c[7];
                double z = c[8] * px[s] + c[9] * py[s] + c[10] * pz[s] + c[11];
                double v = moving.sample(x, y, z);
                if (Double.isNaN(v)) {
                    continue;
                }
                double b = Math.max(0, Math.min(BINS - 1.000001, (v - movingMin) * movingScale));
                int b0 = (int) b;
                double w = b - b0;
                int row = fixedBin[s] * BINS;
                double fw = fixedWeight[s];
                joint[row + b0] += (1 - fw) * (1 - w);
                joint[row + b0 + 1] += (1 - fw) * w;
                joint[row + BINS + b0] += fw * (1 - w);
                joint[row + BINS + b0 + 1] += fw * w;
                valid++;
            }
            if (valid < 0.3 * px.length) {
                return 0;
            }
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
}
