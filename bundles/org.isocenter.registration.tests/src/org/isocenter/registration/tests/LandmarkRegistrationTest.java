/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.registration.LandmarkRegistration;
import org.junit.jupiter.api.Test;

/** Point-based registration recovers a known transform; FRE behaves; degenerate input is refused. */
class LandmarkRegistrationTest {

    static final RigidTransform TRUTH = RigidTransform.fromEulerDegrees("ct", "cbct", 2, -1, 3, new Vector3(0, 10, -20),
            new Vector3(5, -3, 8));
    static final List<Vector3> FIDUCIALS = List.of(new Vector3(-30, 0, 0), new Vector3(30, 5, 0), new Vector3(0, 40, 10),
            new Vector3(0, -20, 35), new Vector3(15, 15, -30), new Vector3(-20, 25, 20));

    @Test
    void exactPointsGiveTheTransformAndZeroFre() {
        List<Vector3> moved = FIDUCIALS.stream().map(TRUTH::apply).toList();
        LandmarkRegistration.Result r = LandmarkRegistration.register("ct", FIDUCIALS, "cbct", moved);
        double[] a = TRUTH.toRowMajorArray(), b = r.transform().toRowMajorArray();
        for (int i = 0; i < 16; i++) {
            assertEquals(a[i], b[i], 1e-9, "matrix element " + i);
        }
        assertEquals(0, r.fiducialRegistrationErrorMm(), 1e-9);
        assertEquals("cbct", r.transform().toFrameUid());
    }

    @Test
    void noisyPointsGiveASmallTargetError() {
        Random noise = new Random(11);
        List<Vector3> moved = new ArrayList<>();
        for (Vector3 f : FIDUCIALS) {
            moved.add(TRUTH.apply(f).plus(new Vector3(noise.nextGaussian(), noise.nextGaussian(), noise.nextGaussian()).times(0.5)));
        }
        LandmarkRegistration.Result r = LandmarkRegistration.register("ct", FIDUCIALS, "cbct", moved);
        assertTrue(r.fiducialRegistrationErrorMm() > 0.1 && r.fiducialRegistrationErrorMm() < 1.2,
                "FRE " + r.fiducialRegistrationErrorMm());
        assertTrue(r.maxResidualMm() >= r.fiducialRegistrationErrorMm());
        // target registration error at the fiducials' centre stays below the localisation noise
        Vector3 target = new Vector3(0, 10, 5);
        assertTrue(r.transform().apply(target).minus(TRUTH.apply(target)).norm() < 0.5);
    }

    @Test
    void mirroredPointsStillGiveAProperRotation() {
        List<Vector3> mirrored = FIDUCIALS.stream().map(p -> new Vector3(-p.x(), p.y(), p.z())).toList();
        LandmarkRegistration.Result r = LandmarkRegistration.register("a", FIDUCIALS, "b", mirrored);
        // RigidTransform refuses improper rotations, so a result exists only with det = +1; the mismatch shows in FRE
        assertTrue(r.fiducialRegistrationErrorMm() > 5, "FRE " + r.fiducialRegistrationErrorMm());
    }

    @Test
    void degenerateInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LandmarkRegistration.register("a", FIDUCIALS.subList(0, 2), "b",
                FIDUCIALS.subList(0, 2)));
        List<Vector3> line = List.of(new Vector3(0, 0, 0), new Vector3(0, 0, 10), new Vector3(0, 0, 20));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LandmarkRegistration.register("a", line, "b", line));
        assertTrue(e.getMessage().contains("collinear"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LandmarkRegistration.register("a", FIDUCIALS, "b", FIDUCIALS.subList(0, 5)));
    }
}
