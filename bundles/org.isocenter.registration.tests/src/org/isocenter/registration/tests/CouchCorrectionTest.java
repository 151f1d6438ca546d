/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.registration.CorrectionLimits;
import org.isocenter.registration.CouchCorrection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Couch corrections against cases worked by hand for each patient position. The anatomy moved by
 * d = (+2 mm to the patient's left, +3 mm posterior, +4 mm superior); the table must undo it.
 */
class CouchCorrectionTest {

    static final Vector3 ISO = new Vector3(10, 20, 30);
    static final Vector3 D = new Vector3(2, 3, 4);
    static final CorrectionLimits LIMITS = CorrectionLimits.DEFAULT;

    static RigidTransform moved(double rx, double ry, double rz, Vector3 t) {
        return RigidTransform.fromEulerDegrees("1.2.3.plan", "1.2.3.daily", rx, ry, rz, ISO, t);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // HFS: left = +X, superior = towards the gantry (+Y), posterior = down: table -2 X, -4 Y, +3 Z (up)
            "HFS, -2, -4, 3",
            // HFP: left = -X, superior = +Y, posterior = up: table +2 X, -4 Y, -3 Z (down)
            "HFP, 2, -4, -3",
            // FFS: left = -X, superior = away from the gantry (-Y), posterior = down: +2 X, +4 Y, +3 Z
            "FFS, 2, 4, 3",
            // FFP: left = +X, superior = -Y, posterior = up: -2 X, +4 Y, -3 Z
            "FFP, -2, 4, -3" })
    void translationsPerPatientPosition(PatientPosition position, double lateral, double longitudinal, double vertical) {
        CouchCorrection c = CouchCorrection.sixDof(moved(0, 0, 0, D), ISO, ISO, position, LIMITS);
        assertEquals(lateral, c.lateralMm(), 1e-9);
        assertEquals(longitudinal, c.longitudinalMm(), 1e-9);
        assertEquals(vertical, c.verticalMm(), 1e-9);
        assertEquals(0, c.pitchDeg(), 1e-9);
        assertEquals(CouchCorrection.Status.APPLY, c.status()); // 4 mm > 3 mm action level
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // anatomy rotated +1 deg about LPS x, +1.5 about y, +2 about z (about the isocenter);
            // HFS: X = x, Z = -y, Y = z -> correction pitch -1, yaw +1.5, roll -2
            "HFS, -1, -2, 1.5",
            // HFP: X = -x, Z = +y, Y = z -> pitch +1, yaw -1.5, roll -2
            "HFP, 1, -2, -1.5",
            // FFS: X = -x, Z = -y, Y = -z -> pitch +1, yaw +1.5, roll +2
            "FFS, 1, 2, 1.5",
            // FFP: X = x, Z = y, Y = -z -> pitch -1, yaw -1.5, roll +2
            "FFP, -1, 2, -1.5" })
    void singleAxisRotationsPerPatientPosition(PatientPosition position, double pitch, double roll, double yaw) {
        assertEquals(pitch, CouchCorrection.sixDof(moved(1, 0, 0, new Vector3(0, 0, 0)), ISO, ISO, position, LIMITS).pitchDeg(), 1e-9);
        assertEquals(roll, CouchCorrection.sixDof(moved(0, 0, 2, new Vector3(0, 0, 0)), ISO, ISO, position, LIMITS).rollDeg(), 1e-9);
        assertEquals(yaw, CouchCorrection.sixDof(moved(0, 1.5, 0, new Vector3(0, 0, 0)), ISO, ISO, position, LIMITS).yawDeg(), 1e-9);
        // a rotation about the isocenter leaves the isocenter where it was: no translation
        CouchCorrection c = CouchCorrection.sixDof(moved(1, 1.5, 2, new Vector3(0, 0, 0)), ISO, ISO, position, LIMITS);
        assertEquals(0, Math.abs(c.lateralMm()) + Math.abs(c.longitudinalMm()) + Math.abs(c.verticalMm()), 1e-9);
    }

    @Test
    void translationOnlyMatchesTheRegionNotTheIsocenter() {
        // the target sits 50 mm to the patient's left of the isocenter; the anatomy turned 2 deg about z (yaw of the
        // patient about the SI axis): Rz(2)(50, 0, 0) = (49.9695, 1.7450, 0) so the best shift is (0.0305, -1.7450, 0)
        // LPS = +0.0305 X and +1.7450 Z (up) for HFS; dropping the rotation of the 6-DOF result would give 0
        RigidTransform t = moved(0, 0, 2, new Vector3(0, 0, 0));
        Vector3 target = ISO.plus(new Vector3(50, 0, 0));
        CouchCorrection c = CouchCorrection.translationOnly(t, ISO, ISO, target, 50, PatientPosition.HFS, LIMITS);
        assertEquals(50 - 50 * Math.cos(Math.toRadians(2)), c.lateralMm(), 1e-9);
        assertEquals(50 * Math.sin(Math.toRadians(2)), c.verticalMm(), 1e-9);
        assertEquals(0, c.longitudinalMm(), 1e-9);
        assertEquals(0, c.rollDeg());
        assertTrue(c.messages().get(0).contains("rotation of 2.00 deg not corrected"), c.messages().get(0));
        // the rotation's residual at the box corners: 2 sin(1 deg) * corner distance from the centroid axis
        assertTrue(c.messages().get(0).contains("residual error up to 2.47 mm"), c.messages().get(0));
    }

    @Test
    void aThreeDofResidualBeyondTheActionLevelIsNotApplied() {
        // 4 deg about z left uncorrected: 2 sin(2 deg) x 70.7 mm = 4.94 mm at the box corners, beyond the 3 mm level
        RigidTransform t = moved(0, 0, 4, new Vector3(0, 0, 0));
        CouchCorrection c = CouchCorrection.translationOnly(t, ISO, ISO, ISO.plus(new Vector3(50, 0, 0)), 50,
                PatientPosition.HFS, LIMITS);
        assertEquals(CouchCorrection.Status.REFUSED, c.status());
        assertTrue(c.messages().get(0).contains("residual error up to 4.94 mm"), c.messages().toString());
        assertTrue(c.messages().get(1).startsWith("the residual 4.94 mm exceeds the action level 3.0 mm: do not apply; "
                + "re-position the patient"), c.messages().toString());
        // 2 deg leaves 2.47 mm: within the level, the shift is applied
        assertEquals(CouchCorrection.Status.APPLY, CouchCorrection.translationOnly(moved(0, 0, 2, new Vector3(0, 0, 5)),
                ISO, ISO, ISO.plus(new Vector3(50, 0, 0)), 50, PatientPosition.HFS, LIMITS).status());
    }

    @Test
    void limitsDecideWhetherToApply() {
        assertEquals(CouchCorrection.Status.WITHIN_TOLERANCE,
                CouchCorrection.sixDof(moved(0, 0, 0, new Vector3(1, -2, 2.5)), ISO, ISO, PatientPosition.HFS, LIMITS).status());
        CouchCorrection far = CouchCorrection.sixDof(moved(0, 0, 0, new Vector3(0, 0, 25)), ISO, ISO, PatientPosition.HFS, LIMITS);
        assertEquals(CouchCorrection.Status.REFUSED, far.status());
        assertTrue(far.messages().get(0).contains("do not apply"), far.messages().toString());
        assertEquals(CouchCorrection.Status.REFUSED,
                CouchCorrection.sixDof(moved(0, 0, 4, new Vector3(0, 0, 0)), ISO, ISO, PatientPosition.HFS, LIMITS).status());
        assertThrows(IllegalArgumentException.class, () -> new CorrectionLimits(3, 1, 2, 3));
        assertThrows(IllegalArgumentException.class,
                () -> CouchCorrection.sixDof(moved(0, 0, 0, D), ISO, ISO, PatientPosition.HFDR, LIMITS));
    }

    @Test
    void machineIsocenterElsewhereInTheDailyImage() {
        // a daily image whose machine isocenter is at (0, 0, 0) and where the planned anatomy shows up at (1, 0, 0):
        // the patient must move 1 mm to its right: HFS -1 X
        RigidTransform t = RigidTransform.fromEulerDegrees("p", "d", 0, 0, 0, ISO, ISO.times(-1).plus(new Vector3(1, 0, 0)));
        CouchCorrection c = CouchCorrection.sixDof(t, ISO, new Vector3(0, 0, 0), PatientPosition.HFS, LIMITS);
        assertEquals(-1, c.lateralMm(), 1e-9);
        assertEquals(0, c.verticalMm(), 1e-9);
    }
}
