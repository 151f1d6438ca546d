/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.demo.DemoPatient;
import org.isocenter.igrt.AcceptedRegistration;
import org.junit.jupiter.api.Test;

/** The one Spatial Registration convention for accepted matches, and reading either convention back. */
class AcceptedRegistrationTest {

    private static final String PLANNING = DemoPatient.PLANNING_FRAME_UID, DAILY = DemoPatient.dailyFrameUid(2);
    private static final RigidTransform MATCH = RigidTransform.fromEulerDegrees(PLANNING, DAILY, 1.0, -0.5, 1.5,
            new Vector3(0, 0, 0), new Vector3(-6.0, 2.0, -5.5));

    @Test
    void anAcceptedMatchIsWrittenInThePlanningFrameAndReadsBackAsTheMatch() {
        ImageVolume planning = DemoPatient.planningCt();
        ImageVolume daily = DemoPatient.dailyImage(DemoPatient.DAILY_IMAGES.get(1));
        SpatialRegistration reg = AcceptedRegistration.of(planning, daily, MATCH, "bony match");
        assertEquals(PLANNING, reg.frameOfReferenceUid());
        assertArrayEquals(RigidTransform.identity(PLANNING, PLANNING).toRowMajorArray(),
                reg.transformFrom(PLANNING).orElseThrow().toRowMajorArray(), 0);
        Vector3 p = new Vector3(12, -30, 44);
        // daily -> planning: a planning point moved by the match comes back to itself
        assertEquals(0, reg.transformFrom(DAILY).orElseThrow().apply(MATCH.apply(p)).distanceTo(p), 1e-9);
        assertArrayEquals(MATCH.toRowMajorArray(),
                AcceptedRegistration.planningToDaily(reg, PLANNING, DAILY).orElseThrow().toRowMajorArray(), 1e-12);
        assertTrue(AcceptedRegistration.involves(reg, PLANNING) && AcceptedRegistration.involves(reg, DAILY));
        assertThrows(IllegalArgumentException.class, () -> AcceptedRegistration.of(planning, planning, MATCH, "x"),
                "one frame cannot hold a match");
        assertThrows(IllegalArgumentException.class, () -> AcceptedRegistration.of(planning, daily, MATCH.inverse(), "x"),
                "a transform the wrong way round is refused");
    }

    @Test
    void registrationsInTheDailyFrameOrAThirdFrameAreReadToo() {
        SpatialRegistration inDaily = new SpatialRegistration(DemoPatient.PATIENT, DAILY, "", "", List.of(MATCH,
                RigidTransform.identity(DAILY, DAILY)));
        assertArrayEquals(MATCH.toRowMajorArray(),
                AcceptedRegistration.planningToDaily(inDaily, PLANNING, DAILY).orElseThrow().toRowMajorArray(), 1e-12);
        String third = "1.2.3.4";
        RigidTransform planningToThird = RigidTransform.fromEulerDegrees(PLANNING, third, 0, 0, 5, new Vector3(0, 0, 0),
                new Vector3(10, 0, 0));
        RigidTransform dailyToThird = MATCH.inverse().then(planningToThird);
        SpatialRegistration viaThird = new SpatialRegistration(DemoPatient.PATIENT, third, "", "",
                List.of(planningToThird, dailyToThird));
        Vector3 p = new Vector3(-20, 5, 70);
        assertEquals(0, AcceptedRegistration.planningToDaily(viaThird, PLANNING, DAILY).orElseThrow().apply(p)
                .distanceTo(MATCH.apply(p)), 1e-9);
        assertTrue(AcceptedRegistration.planningToDaily(inDaily, PLANNING, "9.9.9").isEmpty(), "unrelated frames");
    }
}
