/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.junit.jupiter.api.Test;

class RigidTransformTest {

    private static void assertClose(Vector3 expected, Vector3 actual, double tolMm) {
        assertEquals(0, expected.distanceTo(actual), tolMm, () -> "expected " + expected + " but was " + actual);
    }

    @Test
    void rotationAboutZByNinetyDegreesTurnsLeftIntoPosterior() {
        // +x (patient left) rotated +90 deg about +z (superior) lands on +y (posterior): right-handed rotation
        RigidTransform t = RigidTransform.fromEulerDegrees("A", "B", 0, 0, 90, Vector3.ZERO, Vector3.ZERO);
        assertClose(new Vector3(0, 10, 0), t.apply(new Vector3(10, 0, 0)), 1e-9);
        assertEquals(90, t.rotationAngleDegrees(), 1e-9);
    }

    @Test
    void rotationAboutACentreKeepsTheCentreFixed() {
        Vector3 centre = new Vector3(12, -40, 7.5);
        RigidTransform t = RigidTransform.fromEulerDegrees("A", "B", 2, -3, 1.5, centre, new Vector3(1, 2, 3));
        assertClose(centre.plus(new Vector3(1, 2, 3)), t.apply(centre), 1e-9);
    }

    @Test
    void inverseUndoesTheTransformAndSwapsFrames() {
        RigidTransform t = RigidTransform.fromEulerDegrees("CT", "CBCT", 1, 2, 3, new Vector3(5, 5, 5),
                new Vector3(-4, 8, 2.5));
        RigidTransform inv = t.inverse();
        assertEquals("CBCT", inv.fromFrameUid());
        assertEquals("CT", inv.toFrameUid());
        Vector3 p = new Vector3(100, -50, 30);
        assertClose(p, inv.apply(t.apply(p)), 1e-9);
    }

    @Test
    void compositionAppliesFirstThisThenNext() {
        RigidTransform a = RigidTransform.fromEulerDegrees("A", "B", 0, 0, 90, Vector3.ZERO, Vector3.ZERO);
        RigidTransform b = RigidTransform.fromEulerDegrees("B", "C", 0, 0, 0, Vector3.ZERO, new Vector3(0, 0, 5));
        RigidTransform ab = a.then(b);
        assertEquals("A", ab.fromFrameUid());
        assertEquals("C", ab.toFrameUid());
        assertClose(new Vector3(0, 10, 5), ab.apply(new Vector3(10, 0, 0)), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> b.then(a));
    }

    @Test
    void rejectsMatricesThatAreNotRigid() {
        double[] scaled = { 2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1 };
        assertThrows(IllegalArgumentException.class, () -> new RigidTransform("A", "B", scaled));
        double[] mirrored = { -1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1 };
        assertThrows(IllegalArgumentException.class, () -> new RigidTransform("A", "B", mirrored));
    }
}
