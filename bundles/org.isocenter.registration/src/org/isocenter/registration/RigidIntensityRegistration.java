/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.registration.internal.ImagePyramid;
import org.isocenter.registration.internal.PyramidLevel;
import org.isocenter.registration.internal.QuadraticModelSearch;
import org.isocenter.registration.internal.SamplePoints;
import org.isocenter.registration.internal.SampledSimilarity;
import org.osgi.service.component.annotations.Component;

/**
 * Rigid intensity-based registration of a daily image to the planning CT with the request's metric (mutual
 * information by default): a multi-resolution pyramid (block averages 4, 2, 1; translations only on the coarsest),
 * at each level a seeded stratified sample of planning-CT points inside the region (box and optional mask; more
 * points for a weak match, see {@link #sampleFactor}), trilinear interpolation in the daily image (the finest
 * level's passes and the repeatability check keep the first finest pass's histogram range), and a
 * derivative-free bounded quadratic-model trust-region search after Powell's NEWUOA / BOBYQA (±10° and ±60 mm
 * around the start) on the rotations (degrees, about the region's centre, R = Rz Ry Rx) and translations (mm).
 * Samples outside the daily image's grid, or touching its padding outside the reconstructed field of view (see
 * {@link #paddingValue}), are left out. Deterministic for a given seed; cancellable through the monitor; the metric
 * sum uses all cores.
 */
@Component(service = RegistrationAlgorithm.class,
        property = RegistrationAlgorithm.ID_PROPERTY + "=" + RigidIntensityRegistration.ID)
public final class RigidIntensityRegistration implements RegistrationAlgorithm {

    /** The algorithm's id in the registry of {@link RegistrationAlgorithm}s. */
    public static final String ID = "rigid-intensity";

    // the finest level runs twice: a fresh search on a fresh, larger sample from the first pass's optimum
    static final int[] LEVELS = { 4, 2, 1, 1 };
    static final int[] SAMPLES = { 15_000, 15_000, 30_000, 120_000 };
    /** First and last trust radius of each level (degrees and mm alike). */
    static final double[] TRUST_START = { 4, 1, 0.4, 0.08 };
    static final double[] TRUST_STOP = { 0.25, 0.05, 0.01, 0.005 };
    /** Most extra sampling for a weak match: see {@link #sampleFactor}. */
    static final double MAX_SAMPLE_FACTOR = 4;
    static final double MAX_ROTATION_DEG = 10, MAX_TRANSLATION_MM = 60;
    static final int MAX_EVALUATIONS = 3000;

    /** The tunables, with the values above as defaults. */
    static final List<AlgorithmParameter> PARAMETERS = List.of(
            new AlgorithmParameter("searchRotationDeg", "Rotation search range", "deg", MAX_ROTATION_DEG, 1, 30, false,
                    "the largest rotation about each axis, from the starting pose, the search may reach"),
            new AlgorithmParameter("searchTranslationMm", "Translation search range", "mm", MAX_TRANSLATION_MM, 2, 150,
                    false, "the largest shift along each axis, from the starting pose, the search may reach"),
            new AlgorithmParameter("sampleScale", "Sample count factor", "", 1, 0.25, 8, false,
                    "scales the number of voxels sampled at every resolution: more is slower and less noisy"),
            new AlgorithmParameter("maxEvaluations", "Evaluations per resolution", "", MAX_EVALUATIONS, 100, 20_000, true,
                    "the most similarity evaluations the search may spend at one resolution"));

    @Override
    public List<AlgorithmParameter> parameters() {
        return PARAMETERS;
    }

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
        Map<String, Double> tuned = AlgorithmParameter.resolve(ID, PARAMETERS, request.parameters());
        double maxRotationDeg = tuned.get("searchRotationDeg"), maxTranslationMm = tuned.get("searchTranslationMm");
        double sampleScale = tuned.get("sampleScale");
        int maxEvaluations = (int) Math.round(tuned.get("maxEvaluations"));
        monitor.begin("Matching " + request.daily().info().seriesDescription() + " to the planning CT", LEVELS.length + 1);
        boolean six = request.dof() == RegistrationRequest.DegreesOfFreedom.SIX;
        Vector3 centre = request.centreOfRotationMm();
        double[] startParams = request.start().eulerDegreesAbout(centre); // rx, ry, rz (deg), tx, ty, tz (mm)
        double[] params = startParams.clone();
        int padding = paddingValue(request.daily());
        monitor.worked(1);
        int evaluations = 0;
        double cost = 0, overlap = 0, factor = 1;
        Vector3 repeatability = null;
        RegistrationRegion region = request.region();
        // levels are built when first used, each from the next finer one; the planning CT's only around the region
        ImagePyramid movingPyramid = ImagePyramid.of(request.daily(), padding);
        ImagePyramid fixedPyramid = ImagePyramid.ofBox(request.planning(), PyramidLevel.NO_PADDING, region.minMm(),
                region.maxMm(), 2 * max(LEVELS));
        SampledSimilarity previous = null;
        for (int l = 0; l < LEVELS.length; l++) {
            monitor.checkCancelled();
            monitor.subTask("resolution 1/" + LEVELS[l] + (l == LEVELS.length - 1 ? " (refine)" : ""));
            PyramidLevel moving = movingPyramid.level(LEVELS[l]);
            PyramidLevel fixed = fixedPyramid.level(LEVELS[l]);
            SamplePoints points = SamplePoints.draw(request.planning().geometry(), region,
                    (int) Math.round(SAMPLES[l] * sampleScale * factor), request.seed() + l);
            if (points.count() < 1000) {
                throw new IllegalArgumentException("the region of interest (" + region.description()
                        + ") holds too few planning-CT voxels to match on");
            }
            // a level's second pass keeps the first pass's moving histogram range (and binned daily image)
            SampledSimilarity similarity = new SampledSimilarity(request.metric(), fixed, moving, points,
                    pose(request, params, centre), request.seed() + l,
                    l > 0 && LEVELS[l] == LEVELS[l - 1] ? previous : null);
            previous = similarity;
            // the coarsest level finds the translation first: rotations are poorly determined there
            boolean rotate = six && l > 0;
            int n = rotate ? 6 : 3;
            double[] x0 = rotate ? params.clone() : Arrays.copyOfRange(params, 3, 6);
            double[] lower = new double[n], upper = new double[n];
            for (int i = 0; i < n; i++) {
                int p = rotate ? i : i + 3;
                double limit = p < 3 ? maxRotationDeg : maxTranslationMm;
                lower[i] = startParams[p] - limit;
                upper[i] = startParams[p] + limit;
            }
            double[] keep = params.clone();
            QuadraticModelSearch.Result best = QuadraticModelSearch.minimise(p -> {
                monitor.checkCancelled();
                return similarity.cost(pose(request, full(p, rotate, keep), centre));
            }, x0, lower, upper, TRUST_START[l], TRUST_STOP[l], maxEvaluations);
            params = full(best.point(), rotate, keep);
            evaluations += best.evaluations();
            factor = sampleFactor(request.metric(), best.value());
            if (l == LEVELS.length - 1) { // the reported value and overlap: at the result, on the finest sample
                cost = similarity.cost(pose(request, params, centre));
                overlap = similarity.lastOverlap();
                repeatability = repeatability(request, fixed, moving, similarity, params, centre,
                        (int) Math.round(SAMPLES[l] * sampleScale * factor),
                        l, monitor);
            }
            monitor.worked(1);
        }
        RigidTransform t = transform(request, params, centre);
        return new RegistrationResult(t, request.metric(), request.metric() == SimilarityMetric.MEAN_SQUARES ? cost : -cost,
                overlap, evaluations, (System.nanoTime() - start) / 1_000_000, repeatability);
    }

    /** Independent sample draws for the repeatability of the finest level. */
    static final int REPEATS = 2;

    /**
     * How well the images determine the translation: the finest level's translations re-optimised from the result
     * with {@link #REPEATS} independent sample draws of the region (rotations held); per LPS axis the largest distance
     * (mm) of those optima from the result.
     */
    private static Vector3 repeatability(RegistrationRequest request, PyramidLevel fixed, PyramidLevel moving,
            SampledSimilarity finest, double[] params, Vector3 centre, int samples, int level, ProgressMonitor monitor) {
        double dx = 0, dy = 0, dz = 0;
        for (int k = 1; k <= REPEATS; k++) {
            long seed = request.seed() + 7919L * k + level;
            SamplePoints points = SamplePoints.draw(request.planning().geometry(), request.region(), samples, seed);
            SampledSimilarity similarity = new SampledSimilarity(request.metric(), fixed, moving, points,
                    pose(request, params, centre), seed, finest);
            double[] keep = params.clone();
            double[] x0 = Arrays.copyOfRange(params, 3, 6);
            double[] lower = new double[3], upper = new double[3];
            for (int i = 0; i < 3; i++) {
                lower[i] = x0[i] - 10;
                upper[i] = x0[i] + 10;
            }
            QuadraticModelSearch.Result r = QuadraticModelSearch.minimise(p -> {
                monitor.checkCancelled();
                return similarity.cost(pose(request, full(p, false, keep), centre));
            }, x0, lower, upper, TRUST_START[LEVELS.length - 2], TRUST_STOP[LEVELS.length - 1], MAX_EVALUATIONS);
            // the translation parameters are about the centre of rotation; compare where the region's centre lands
            Vector3 a = transform(request, params, centre).apply(centre);
            Vector3 b = transform(request, full(r.point(), false, keep), centre).apply(centre);
            dx = Math.max(dx, Math.abs(a.x() - b.x()));
            dy = Math.max(dy, Math.abs(a.y() - b.y()));
            dz = Math.max(dz, Math.abs(a.z() - b.z()));
        }
        return new Vector3(dx, dy, dz);
    }

    /**
     * How many times {@link #SAMPLES} the next level draws, from the cost a level ended on: the optimum of a sampled
     * metric scatters more when the images depend on each other only weakly, so below one bit of mutual information
     * the next level takes 1 / MI times as many points (at most {@link #MAX_SAMPLE_FACTOR}). The demo pelvis's
     * CBCTs (about 0.5 bits) get twice as many; a CBCT of the thorax phantom (about 2 bits) none extra.
     */
    static double sampleFactor(SimilarityMetric metric, double cost) {
        if (metric != SimilarityMetric.MUTUAL_INFORMATION) {
            return 1;
        }
        double bits = -cost;
        return bits >= 1 ? 1 : Math.min(MAX_SAMPLE_FACTOR, 1 / Math.max(bits, 1 / MAX_SAMPLE_FACTOR));
    }

    private static int max(int[] values) {
        int m = values[0];
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
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
