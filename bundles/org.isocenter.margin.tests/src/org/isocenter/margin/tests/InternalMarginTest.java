/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.margin.InternalMargin;
import org.junit.jupiter.api.Test;

/** ITV, mid-ventilation and amplitude from analytic 4D phantoms with known answers. */
class InternalMarginTest {

    /** 1 mm voxels, centres at whole mm from -30 to 29 (x, y) and -40 to 39 (z). */
    static final VolumeGeometry GRID = VolumeGeometry.axial(60, 60, 80, 1, 1, 1, new Vector3(-30, -30, -40));

    @Test
    void itvOfACubeMovingAlongSiIsTheSweptBox() {
        // a 20 mm cube (20 voxel centres per side) whose centre moves over z = 0..20 mm in 1 mm phase steps...
        List<BinaryMask> phases = new ArrayList<>();
        for (int p = 0; p <= 20; p += 4) {
            double dz = p;
            phases.add(BinaryMask.of(GRID, q -> Math.abs(q.x() + 0.5) < 10 && Math.abs(q.y() + 0.5) < 10
                    && Math.abs(q.z() + 0.5 - dz) < 10));
        }
        InternalMargin m = InternalMargin.of(phases);
        // ...sweeps 20 x 20 x (20 + 20) mm = 16 cc exactly (steps of 4 mm are smaller than the cube)
        assertEquals(16.0, m.itv().volumeCc(), 1e-9);
        for (BinaryMask phase : phases) {
            assertTrue(phase.isSubsetOf(m.itv()));
        }
        assertEquals(20.0, m.amplitudeMm().si(), 1e-9);
        assertEquals(0.0, m.amplitudeMm().lr(), 1e-9);
        assertEquals(20.0 / 3, m.respiratoryRandomComponent().sdMm().si(), 1e-9);
    }

    @Test
    void midVentilationIsThePhaseNearestTheTimeWeightedMean() {
        // a sphere breathing as z(t) = 12 cos^4(pi t) mm (long exhale near 0): the mean position is 4.5 mm,
        // nearer the exhale end; the mid-ventilation phase is the one whose centroid is closest to it
        int n = 10;
        List<BinaryMask> phases = new ArrayList<>();
        double[] z = new double[n];
        for (int p = 0; p < n; p++) {
            z[p] = 12 * Math.pow(Math.cos(Math.PI * (p + 0.3) / n), 4); // phases offset from the peak: no ties
            double zc = z[p];
            phases.add(BinaryMask.of(GRID, q -> q.minus(new Vector3(0, 0, zc)).norm() <= 8));
        }
        InternalMargin m = InternalMargin.of(phases);
        double mean = 0;
        for (double v : z) {
            mean += v / n;
        }
        assertEquals(4.5, mean, 1e-9); // 12 * 3/8, the mean of cos^4 over a period (exact for 10 even samples)
        int expected = 0;
        for (int p = 1; p < n; p++) {
            if (Math.abs(z[p] - mean) < Math.abs(z[expected] - mean)) {
                expected = p;
            }
        }
        assertEquals(expected, m.midVentilationPhase());
        assertEquals(mean, m.meanPositionMm().z(), 0.3); // voxelized centroids, 1 mm grid
        assertEquals(z[0] - z[5], m.amplitudeMm().si(), 0.3); // largest minus smallest sampled position
    }

    @Test
    void phasesOnDifferentGridsOrEmptyAreRefused() {
        BinaryMask a = BinaryMask.of(GRID, q -> q.norm() < 5);
        BinaryMask b = BinaryMask.of(VolumeGeometry.axial(60, 60, 80, 1, 1, 1, new Vector3(-31, -30, -40)), q -> q.norm() < 5);
        assertThrows(IllegalArgumentException.class, () -> InternalMargin.of(List.of(a, b)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InternalMargin.of(List.of(a, new BinaryMask(GRID))));
        assertTrue(e.getMessage().contains("phase 1"), e.getMessage());
    }
}
