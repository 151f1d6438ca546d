/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.junit.jupiter.api.Test;

class VolumeGeometryTest {

    @Test
    void axialGridPlacesVoxelCentresAtOriginPlusIndexTimesSpacing() {
        VolumeGeometry g = VolumeGeometry.axial(256, 256, 100, 1.5, 1.5, 2.5, new Vector3(-191.25, -191.25, -123.75));
        Vector3 p = g.indexToPatient(10, 20, 30);
        assertEquals(-191.25 + 15, p.x(), 1e-12);
        assertEquals(-191.25 + 30, p.y(), 1e-12);
        assertEquals(-123.75 + 75, p.z(), 1e-12);
        assertEquals(256 * 256 * 100, g.voxelCount());
        assertEquals(1.5 * 1.5 * 2.5 / 1000, g.voxelVolumeCc(), 1e-15);
        assertTrue(g.isAxisAligned());
    }

    @Test
    void patientToIndexInvertsIndexToPatientForAnObliqueGrid() {
        double c = Math.cos(Math.toRadians(20)), s = Math.sin(Math.toRadians(20));
        Vector3 row = new Vector3(c, s, 0), col = new Vector3(-s, c, 0), normal = new Vector3(0, 0, 1);
        VolumeGeometry g = new VolumeGeometry(64, 64, 10, 0.8, 0.9, 3.0, new Vector3(5, -7, 11), row, col, normal);
        Vector3 idx = g.patientToIndex(g.indexToPatient(3.25, 17.5, 4));
        assertEquals(3.25, idx.x(), 1e-9);
        assertEquals(17.5, idx.y(), 1e-9);
        assertEquals(4, idx.z(), 1e-9);
        assertFalse(g.isAxisAligned());
    }

    @Test
    void feetFirstSliceDirectionRunsInferior() {
        VolumeGeometry g = new VolumeGeometry(4, 4, 4, 1, 1, 2, Vector3.ZERO, new Vector3(-1, 0, 0),
                new Vector3(0, 1, 0), new Vector3(0, 0, -1));
        assertEquals(-6, g.indexToPatient(0, 0, 3).z(), 1e-12);
        assertEquals(-2, g.indexToPatient(2, 0, 0).x(), 1e-12);
    }

    @Test
    void rejectsNonOrthogonalDirectionsAndBadSpacing() {
        assertThrows(IllegalArgumentException.class, () -> new VolumeGeometry(2, 2, 2, 1, 1, 1, Vector3.ZERO,
                new Vector3(1, 0, 0), new Vector3(0.5, Math.sqrt(0.75), 0), new Vector3(0, 0, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> VolumeGeometry.axial(2, 2, 2, 1, 0, 1, Vector3.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> VolumeGeometry.axial(0, 2, 2, 1, 1, 1, Vector3.ZERO));
    }

    @Test
    void linearIndexIsXFastest() {
        VolumeGeometry g = VolumeGeometry.axial(5, 4, 3, 1, 1, 1, Vector3.ZERO);
        assertEquals(0, g.linearIndex(0, 0, 0));
        assertEquals(1, g.linearIndex(1, 0, 0));
        assertEquals(5, g.linearIndex(0, 1, 0));
        assertEquals(20, g.linearIndex(0, 0, 1));
        assertTrue(g.contains(4, 3, 2));
        assertFalse(g.contains(5, 0, 0));
    }
}
