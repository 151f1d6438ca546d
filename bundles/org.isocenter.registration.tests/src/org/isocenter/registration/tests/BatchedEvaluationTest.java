/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.demo.DemoPatient;
import org.isocenter.registration.RegistrationRegion;
import org.isocenter.registration.SimilarityMetric;
import org.isocenter.registration.internal.ImagePyramid;
import org.isocenter.registration.internal.PyramidLevel;
import org.isocenter.registration.internal.QuadraticModelSearch;
import org.isocenter.registration.internal.SamplePoints;
import org.isocenter.registration.internal.SampledSimilarity;
import org.junit.jupiter.api.Test;

/**
 * A search's first points are evaluated together, in one pass over the samples: the values must be exactly those
 * of one evaluation per pose (same sums in the same order), for every metric, with padding in the daily image and
 * with poses that leave too little overlap; and the search must come to the same point with the same number of
 * evaluations as one that evaluates its points one by one. Demo planning CT and its first CBCT (250 mm field of
 * view, padded outside it), poses in planning → daily LPS mm.
 */
class BatchedEvaluationTest {

    private static final Vector3 MIN = new Vector3(-90, -80, -60), MAX = new Vector3(90, 80, 60);

    @Test
    void posesEvaluatedTogetherCostExactlyWhatEachCostsAlone() {
        ImageVolume planning = DemoPatient.planningCt();
        ImageVolume daily = DemoPatient.dailyImage(DemoPatient.DAILY_IMAGES.get(0));
        int padding = daily.storedValues()[0]; // a corner of the grid: outside the cylindrical field of view
        PyramidLevel fixed = ImagePyramid.ofBox(planning, PyramidLevel.NO_PADDING, MIN, MAX, 8).level(1);
        PyramidLevel moving = ImagePyramid.of(daily, padding).level(1);
        SamplePoints points = SamplePoints.draw(planning.geometry(), RegistrationRegion.box(MIN, MAX), 20_000, 77);
        RigidTransform truth = DemoPatient.planningToDaily(DemoPatient.DAILY_IMAGES.get(0));
        List<double[]> poses = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // around the true pose, as a search's first points are
            double s = (i % 2 == 0 ? 1 : -1) * (0.5 + i);
            poses.add(pose(planning, daily, i % 6 < 3 ? s : 0, 0, i % 6 >= 3 ? s : 0, truth.apply(Vector3.ZERO), i));
        }
        poses.add(pose(planning, daily, 0, 0, 0, new Vector3(0, 0, 400), 0)); // off the daily image: too little overlap
        for (SimilarityMetric metric : SimilarityMetric.values()) {
            SampledSimilarity similarity = new SampledSimilarity(metric, fixed, moving, points, truth.toRowMajorArray(), 5);
            double[] together = similarity.costs(poses.toArray(double[][]::new));
            double lastTogether = similarity.lastOverlap();
            double[] alone = new double[poses.size()];
            double[] overlaps = new double[poses.size()];
            for (int p = 0; p < poses.size(); p++) {
                alone[p] = similarity.cost(poses.get(p));
                overlaps[p] = similarity.lastOverlap();
            }
            assertArrayEquals(alone, together, 0, metric + ": " + Arrays.toString(together));
            assertEquals(overlaps[overlaps.length - 1], lastTogether, 0, metric + ": overlap of the last pose");
            assertTrue(overlaps[overlaps.length - 1] < SampledSimilarity.MIN_OVERLAP && overlaps[0] > 0.9,
                    metric + ": the poses reach both cases " + Arrays.toString(overlaps));
            assertTrue(Arrays.stream(together).distinct().count() == together.length,
                    metric + ": every pose has its own value " + Arrays.toString(together));
        }
    }

    @Test
    void aSearchWhoseObjectiveEvaluatesItsFirstPointsTogetherEndsWhereAnUnbatchedOneDoes() {
        // a smooth bowl with coupled terms, its minimum inside the box at (1.3, -0.7, 2.1, 0.4)
        double[] centre = { 1.3, -0.7, 2.1, 0.4 };
        QuadraticModelSearch.Objective one = x -> {
            double v = 0;
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - centre[i];
                v += (i + 1) * d * d + 0.3 * d * (x[(i + 1) % x.length] - centre[(i + 1) % x.length]);
            }
            return v;
        };
        List<Integer> batches = new ArrayList<>();
        QuadraticModelSearch.Objective batched = new QuadraticModelSearch.Objective() {
            @Override
            public double applyAsDouble(double[] x) {
                return one.applyAsDouble(x);
            }

            @Override
            public double[] applyAll(double[][] points) {
                batches.add(points.length);
                double[] v = new double[points.length];
                for (int i = points.length - 1; i >= 0; i--) { // another order than the default's
                    v[i] = one.applyAsDouble(points[i]);
                }
                return v;
            }
        };
        double[] lower = { -5, -5, -5, -5 }, upper = { 5, 5, 5, 0.5 }; // the last axis starts at its upper bound
        double[] x0 = { 0, 0, 0, 0.5 };
        QuadraticModelSearch.Result a = QuadraticModelSearch.minimise(one, x0, lower, upper, 1, 1e-6, 2000);
        QuadraticModelSearch.Result b = QuadraticModelSearch.minimise(batched, x0, lower, upper, 1, 1e-6, 2000);
        assertEquals(9, batches.get(0), "the first 2n + 1 points in one call");
        assertArrayEquals(a.point(), b.point(), 0);
        assertEquals(a.value(), b.value(), 0);
        assertEquals(a.evaluations(), b.evaluations());
        for (int i = 0; i < 4; i++) {
            assertEquals(centre[i], b.point()[i], 1e-4, "axis " + i + " of " + Arrays.toString(b.point()));
        }
    }

    /** Planning → daily pose: rotations (deg) about the planning origin, then a shift; i varies the shift a little. */
    private static double[] pose(ImageVolume planning, ImageVolume daily, double rxDeg, double ryDeg, double rzDeg,
            Vector3 shift, int i) {
        return RigidTransform.fromEulerDegrees(planning.frameOfReferenceUid(), daily.frameOfReferenceUid(), rxDeg, ryDeg,
                rzDeg, Vector3.ZERO, shift.plus(new Vector3(0.1 * i, -0.05 * i, 0.02 * i))).toRowMajorArray();
    }
}
