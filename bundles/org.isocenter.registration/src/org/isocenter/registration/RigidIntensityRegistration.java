package org.isocenter.registration;

import java.util.Arrays;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.registration.internal.PyramidLevel;
import org.isocenter.registration.internal.SampledSimilarity;

/**
 * Rigid intensity-based registration of a daily image to the planning CT with the request's metric (mutual
 * information by default): a multi-resolution pyramid (block averages 4, 2, 1; translations only on the coarsest),
 * a fixed seeded sample of planning-CT points inside the region (box and optional mask), trilinear interpolation
 * in the daily image, and Powell's BOBYQA (derivative-free, bounded: ±10° and ±60 mm around the start) on the
 * rotations (degrees, about the region's centre, R = Rz Ry Rx) and translations (mm). Samples outside the daily
 * image's grid, or touching its padding outside the reconstructed field of view (see {@link #paddingValue}),
 * are left out. Deterministic for a given seed; cancellable through the monitor; the metric sum uses all cores.
 */
public final class RigidIntensityRegistration implements RegistrationAlgorithm {

    /** The algorithm's id in the registry of {@link RegistrationAlgorithm}s. */
    public static final String ID = "rigid-intensity";

    // the finest level runs twice: BOBYQA's restart from its own optimum removes most early stops on a noisy metric
    static final int[] LEVELS = { 4, 2, 1, 1 };
    static final int[] SAMPLES = { 15_000, 30_000, 60_000, 120_000 };
    static final double[] TRUST_START = { 4, 1, 0.4, 0.2 };
    static final double[] TRUST_STOP = { 0.05, 0.02, 0.005, 0.002 };
    static final double MAX_ROTATION_DEG = 10, MAX_TRANSLATION_MM = 60;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Rigid intensity match (mutual information, normalized correlation or mean squares)";
    }

    @Override
    public RegistrationResult register(RegistrationRequest request, ProgressMonitor monitor) {
        long start = System.nanoTime();
        monitor.begin("Matching " + request.daily().info().seriesDescription() + " to the planning CT", LEVELS.length + 1);
        boolean six = request.dof() == RegistrationRequest.DegreesOfFreedom.SIX;
        Vector3 centre = request.centreOfRotationMm();
        double[] startParams = request.start().eulerDegreesAbout(centre); // rx, ry, rz (deg), tx, ty, tz (mm)
        double[] params = startParams.clone();
        int padding = paddingValue(request.daily());
        monitor.worked(1);
        int evaluations = 0;
        double cost = 0, overlap = 0;
        RegistrationRegion region = request.region();
        PyramidLevel fixed = null, moving = null;
        for (int l = 0; l < LEVELS.length; l++) {
            monitor.checkCancelled();
            monitor.subTask("resolution 1/" + LEVELS[l] + (l == LEVELS.length - 1 ? " (refine)" : ""));
            if (l == 0 || LEVELS[l] != LEVELS[l - 1]) { // the refine pass reuses the finest level's images
                fixed = PyramidLevel.ofBox(request.planning(), LEVELS[l], PyramidLevel.NO_PADDING, region.minMm(),
                        region.maxMm(), 2);
                moving = PyramidLevel.of(request.daily(), LEVELS[l], padding);
            }
            SampledSimilarity similarity = new SampledSimilarity(request.metric(), fixed, moving, region, SAMPLES[l],
                    request.seed() + l, pose(request, params, centre));
            // the coarsest level finds the translation first: rotations are poorly determined there
            boolean rotate = six && l > 0;
            int n = rotate ? 6 : 3;
            double[] x0 = rotate ? params.clone() : Arrays.copyOfRange(params, 3, 6);
            double[] lower = new double[n], upper = new double[n];
            for (int i = 0; i < n; i++) {
                int p = rotate ? i : i + 3;
                double limit = p < 3 ? MAX_ROTATION_DEG : MAX_TRANSLATION_MM;
                lower[i] = startParams[p] - limit;
                upper[i] = startParams[p] + limit;
            }
            BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, TRUST_START[l], TRUST_STOP[l]);
            double[] keep = params.clone();
            PointValuePair best = optimizer.optimize(new MaxEval(3000), new ObjectiveFunction(p -> {
                monitor.checkCancelled();
                return similarity.cost(pose(request, full(p, rotate, keep), centre));
            }), GoalType.MINIMIZE, new InitialGuess(x0), new SimpleBounds(lower, upper));
            params = full(best.getPoint(), rotate, keep);
            evaluations += optimizer.getEvaluations();
            if (l == LEVELS.length - 1) { // the reported value and overlap: at the result, on the finest sample
                cost = similarity.cost(pose(request, params, centre));
                overlap = similarity.lastOverlap();
            }
            monitor.worked(1);
        }
        RigidTransform t = transform(request, params, centre);
        return new RegistrationResult(t, request.metric(), request.metric() == SimilarityMetric.MEAN_SQUARES ? cost : -cost,
                overlap, evaluations, (System.nanoTime() - start) / 1_000_000);
    }

    /** All six parameters from the optimised ones: translations only keep the current rotations. */
    private static double[] full(double[] p, boolean rotate, double[] current) {
        return rotate ? p : new double[] { current[0], current[1], current[2], p[0], p[1], p[2] };
    }

    private static RigidTransform transform(RegistrationRequest r, double[] p, Vector3 centre) {
        return RigidTransform.fromEulerDegrees(r.planning().frameOfReferenceUid(), r.daily().frameOfReferenceUid(), p[0],
                p[1], p[2], centre, new Vector3(p[3], p[4], p[5]));
    }

    private static double[] pose(RegistrationRequest r, double[] p, Vector3 centre) {
        return Arrays.copyOf(transform(r, p, centre).toRowMajorArray(), 12);
    }

    /**
     * The daily image's padding (the constant written outside the reconstructed field of view): its most frequent
     * stored value when that value is air-like (at most -900 in the image's units) and fills at least 5% of the
     * voxels — measured data has noise and never repeats one value that often; otherwise none.
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
        return airLike && counts[mode] >= 0.05 * v.storedValues().length ? value : PyramidLevel.NO_PADDING;
    }
}
