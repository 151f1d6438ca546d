/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.CancelledException;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.registration.RegistrationRegion;
import org.isocenter.registration.RegistrationRequest;
import org.isocenter.registration.RegistrationRequest.DegreesOfFreedom;
import org.isocenter.registration.RegistrationResult;
import org.isocenter.registration.RigidIntensityRegistration;
import org.isocenter.registration.SimilarityMetric;
import org.isocenter.registration.tests.phantom.ThoraxPhantom;
import org.isocenter.registration.tests.phantom.ThoraxPhantom.Imaging;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TG-132-style accuracy on analytic CT/CBCT pairs with known transforms: shifts up to 15 mm and rotations up to
 * 3°, CBCT noise, gain, offset, cupping and a shading gradient, a cylindrical field of view that crops the body,
 * and daily grids unlike the planning grid (1 mm in-plane, reversed slice order). The target registration error
 * is taken at the tumour and at the eight corners of a 10 cm box around it, against the construction truth.
 */
class SyntheticPairRegistrationTest {

    static final Vector3 ISO = ThoraxPhantom.TUMOUR_CENTRE;
    static ImageVolume planning;

    @BeforeAll
    static void planningCt() {
        // 1.2 x 1.2 x 3 mm, 300 x 230 x 120: the whole thorax cross-section, 360 mm long
        planning = ThoraxPhantom.planningCt(VolumeGeometry.axial(300, 230, 120, 1.2, 1.2, 3.0,
                new Vector3(-149.5 * 1.2, -114.5 * 1.2, -59.5 * 3.0)));
    }

    /** A CBCT grid of 1 x 1 x 1.25 mm around where the isocenter is in the daily frame, optionally slices reversed. */
    static VolumeGeometry dailyGrid(Vector3 centre, boolean reversedSlices) {
        int nx = 260, ny = 260, nz = 120;
        double dz = 1.25;
        Vector3 slice = new Vector3(0, 0, reversedSlices ? -1 : 1);
        Vector3 origin = centre.minus(new Vector3((nx - 1) / 2.0, (ny - 1) / 2.0, 0)).plus(slice.times(-(nz - 1) / 2.0 * dz));
        return new VolumeGeometry(nx, ny, nz, 1, 1, dz, origin, new Vector3(1, 0, 0), new Vector3(0, 1, 0), slice);
    }

    static RigidTransform truth(String frame, double tx, double ty, double tz, double rx, double ry, double rz) {
        // set-up errors about a point near the spine, not about the isocenter
        return RigidTransform.fromEulerDegrees(ThoraxPhantom.PLANNING_FRAME, frame, rx, ry, rz, new Vector3(0, 40, 0),
                new Vector3(tx, ty, tz));
    }

    /** Largest distance between estimated and true positions of the isocenter and the 10 cm box corners (mm). */
    static double worstTargetError(RigidTransform estimate, RigidTransform truth) {
        return estimate.worstDistanceAround(truth, ISO, 50);
    }

    static RegistrationRequest bonyRequest(ImageVolume daily, DegreesOfFreedom dof, long seed) {
        Vector3 half = new Vector3(100, 100, 80);
        return new RegistrationRequest(planning, daily, RegistrationRegion.box(ISO.minus(half), ISO.plus(half)), dof,
                SimilarityMetric.MUTUAL_INFORMATION, null, seed);
    }

    static Stream<Arguments> cases() {
        Imaging cropped = new Imaging(0.9, -30, 25, 60, 0.2, 100);
        return Stream.of(
                Arguments.of("15 mm, 3 deg yaw", truth("2.25.2001", 15, -8, 6, 2, -1, 3), false, Imaging.CBCT),
                Arguments.of("15 mm SI, reversed slices", truth("2.25.2002", -12, 10, -15, -3, 2, -1.5), true, Imaging.CBCT),
                Arguments.of("3 deg roll, 200 mm field of view", truth("2.25.2003", 4, 15, 9, 1, 3, -2.5), false, cropped));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sixDegreesOfFreedomWithinHalfAMillimetreAndAFifthOfADegree(String name, RigidTransform truth, boolean reversed,
            Imaging imaging) {
        ImageVolume daily = ThoraxPhantom.daily(dailyGrid(truth.apply(ISO), reversed), truth, Vector3.ZERO, imaging, 7);
        RegistrationResult r = new RigidIntensityRegistration().register(bonyRequest(daily, DegreesOfFreedom.SIX, 11),
                ProgressMonitor.NONE);
        double tre = worstTargetError(r.planningToDaily(), truth);
        double rot = r.planningToDaily().then(truth.inverse()).rotationAngleDegrees();
        System.out.printf("%s: TRE %.3f mm, rotation error %.3f deg, MI %.3f, overlap %.2f, %d evaluations, %d ms%n", name,
                tre, rot, r.metricValue(), r.overlap(), r.evaluations(), r.wallTimeMs());
        assertTrue(tre <= 0.5, name + ": target registration error " + tre + " mm");
        assertTrue(rot <= 0.2, name + ": rotation error " + rot + " deg");
        assertEquals(ThoraxPhantom.PLANNING_FRAME, r.planningToDaily().fromFrameUid());
        assertEquals(daily.frameOfReferenceUid(), r.planningToDaily().toFrameUid());
    }

    @Test
    void swappingTheImagesGivesTheInverseTransform() {
        RigidTransform truth = truth("2.25.2004", 9, -6, 11, 1.5, -2, 2);
        ImageVolume daily = ThoraxPhantom.daily(dailyGrid(truth.apply(ISO), false), truth, Vector3.ZERO, Imaging.CBCT, 3);
        RigidTransform forward = new RigidIntensityRegistration().register(bonyRequest(daily, DegreesOfFreedom.SIX, 5),
                ProgressMonitor.NONE).planningToDaily();
        // B to A: the CBCT is the fixed image, its region the same anatomy (the box mapped by the forward result)
        Vector3 c = forward.apply(ISO), half = new Vector3(90, 90, 60);
        RegistrationRequest swapped = new RegistrationRequest(daily, planning, RegistrationRegion.box(c.minus(half), c.plus(half)),
                DegreesOfFreedom.SIX, SimilarityMetric.MUTUAL_INFORMATION, null, 5);
        RigidTransform backward = new RigidIntensityRegistration().register(swapped, ProgressMonitor.NONE).planningToDaily();
        RigidTransform roundTrip = forward.then(backward);
        double worst = worstTargetError(roundTrip, RigidTransform.identity(ThoraxPhantom.PLANNING_FRAME, ThoraxPhantom.PLANNING_FRAME));
        System.out.printf("swap: round trip error %.3f mm, forward TRE %.3f mm%n", worst, worstTargetError(forward, truth));
        assertTrue(worst <= 0.2, "A->B then B->A moves points by " + worst + " mm");
    }

    @Test
    void softTissueMatchLandsOnTheTumourAndTheBonyMatchOnTheBones() {
        RigidTransform bones = truth("2.25.2005", 5, -3, 4, 1, 0.5, -1);
        Vector3 tumourShift = new Vector3(4, -5, 6); // the tumour moved relative to the bones (daily frame)
        ImageVolume daily = ThoraxPhantom.daily(dailyGrid(bones.apply(ISO), false), bones, tumourShift, Imaging.CBCT, 9);
        RegistrationResult bony = new RigidIntensityRegistration().register(bonyRequest(daily, DegreesOfFreedom.SIX, 21),
                ProgressMonitor.NONE);
        BinaryMask tumour = BinaryMask.of(planning.geometry(),
                p -> p.minus(ISO).norm() <= ThoraxPhantom.TUMOUR_RADIUS_MM);
        RegistrationRequest soft = bonyRequest(daily, DegreesOfFreedom.TRANSLATION_ONLY, 21)
                .withRegion(RegistrationRegion.aroundStructure(tumour, 8, "GTV")).withStart(bony.planningToDaily());
        RegistrationResult target = new RigidIntensityRegistration().register(soft, ProgressMonitor.NONE);

        double bonyError = worstTargetError(bony.planningToDaily(), bones);
        Vector3 tumourTruth = ThoraxPhantom.tumourInDaily(bones, tumourShift);
        double targetError = target.planningToDaily().apply(ISO).minus(tumourTruth).norm();
        Vector3 difference = target.planningToDaily().apply(ISO).minus(bony.planningToDaily().apply(ISO));
        System.out.printf("bony TRE %.3f mm, soft-tissue error at the tumour %.3f mm, difference %s%n", bonyError,
                targetError, difference);
        assertTrue(bonyError <= 0.5, "bony match error " + bonyError + " mm");
        assertTrue(targetError <= 0.5, "soft-tissue match error at the tumour " + targetError + " mm");
        assertTrue(difference.minus(tumourShift).norm() <= 0.7, "reported difference " + difference + " vs " + tumourShift);
    }

    @Test
    void sameSeedSameResultProgressReportedAndCancellable() {
        RigidTransform truth = truth("2.25.2007", 6, 2, -4, 0.5, 0, 1);
        ImageVolume daily = ThoraxPhantom.daily(dailyGrid(truth.apply(ISO), false), truth, Vector3.ZERO, Imaging.CBCT, 4);
        List<String> steps = new ArrayList<>();
        int[] worked = { 0 };
        ProgressMonitor recording = new ProgressMonitor() {
            public void begin(String task, int totalWork) {
                steps.add("begin " + task + " / " + totalWork);
            }

            public void worked(int work) {
                worked[0] += work;
            }

            public void subTask(String name) {
                steps.add(name);
            }

            public boolean isCancelled() {
                return false;
            }
        };
        RegistrationRequest request = bonyRequest(daily, DegreesOfFreedom.SIX, 99);
        RegistrationResult a = new RigidIntensityRegistration().register(request, recording);
        RegistrationResult b = new RigidIntensityRegistration().register(request, ProgressMonitor.NONE);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.planningToDaily().toRowMajorArray(),
                b.planningToDaily().toRowMajorArray(), 0.0, "deterministic: bit-identical for the same seed");
        assertTrue(steps.get(0).startsWith("begin Matching"), steps.toString());
        assertTrue(steps.stream().anyMatch(x -> x.startsWith("resolution 1/4")) && steps.stream().anyMatch(x -> x.startsWith("resolution 1/1")),
                steps.toString());
        assertEquals(Integer.parseInt(steps.get(0).replaceAll(".*/ ", "")), worked[0], "all announced work reported");

        int[] checks = { 0 };
        ProgressMonitor cancelling = new ProgressMonitor() {
            public void begin(String task, int totalWork) {
            }

            public void worked(int work) {
            }

            public void subTask(String name) {
            }

            public boolean isCancelled() {
                return ++checks[0] > 40; // the user presses Cancel during the coarse level
            }
        };
        long start = System.nanoTime();
        org.junit.jupiter.api.Assertions.assertThrows(CancelledException.class,
                () -> new RigidIntensityRegistration().register(request, cancelling));
        assertTrue((System.nanoTime() - start) / 1e6 < a.wallTimeMs(), "stops early");
    }

    @Test
    void normalizedCorrelationAndMeanSquaresMatchALinearlyRelatedImage() {
        RigidTransform truth = truth("2.25.2006", -7, 5, 3, 0, 1, 1.5);
        // an in-room CT: HU to HU (mean squares), and with gain and offset but no shading (normalized correlation)
        ImageVolume ct = ThoraxPhantom.daily(dailyGrid(truth.apply(ISO), false), truth, Vector3.ZERO,
                new Imaging(1, 0, 10, 0, 0, Double.POSITIVE_INFINITY), 13);
        ImageVolume scaled = ThoraxPhantom.daily(dailyGrid(truth.apply(ISO), false), truth, Vector3.ZERO,
                new Imaging(0.8, 60, 10, 0, 0, Double.POSITIVE_INFINITY), 13);
        for (var c : new Object[][] { { SimilarityMetric.MEAN_SQUARES, ct }, { SimilarityMetric.NORMALIZED_CORRELATION, scaled } }) {
            SimilarityMetric metric = (SimilarityMetric) c[0];
            RegistrationResult r = new RigidIntensityRegistration().register(
                    bonyRequest((ImageVolume) c[1], DegreesOfFreedom.SIX, 3).withMetric(metric), ProgressMonitor.NONE);
            double tre = worstTargetError(r.planningToDaily(), truth);
            System.out.printf("%s: TRE %.3f mm, value %.4f, %d ms%n", metric, tre, r.metricValue(), r.wallTimeMs());
            assertEquals(metric, r.metric());
            assertTrue(tre <= 0.5, metric + ": target registration error " + tre + " mm");
        }
    }
}
