/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.registration.internal.BinnedLevel;
import org.isocenter.registration.internal.PyramidLevel;
import org.isocenter.registration.tests.phantom.ThoraxPhantom;
import org.junit.jupiter.api.Test;

/**
 * The binned daily image that mutual information reads, against the 16-bit level's own trilinear values put on the
 * histogram's bin axis: within half a step wherever the cell's voxels lie on the axis, clamped to its ends beyond it,
 * NaN exactly where the level's value is NaN (outside the grid, touching padding), at full and block-averaged levels.
 */
class BinnedLevelTest {

    private static final int PADDING = -3000, BINS = 32;
    /** The bin axis: physical values −400 .. 800 on bins 0 .. 31. */
    private static final double MIN = -400, SCALE = (BINS - 1) / 1200.0;

    /**
     * A 40×36×20 image (stored × 0.5 − 100 = HU): random values on the bin axis, a slab of bone far above it, and
     * padding outside a cylinder, as a CBCT's field of view.
     */
    private static ImageVolume image() {
        VolumeGeometry g = VolumeGeometry.axial(40, 36, 20, 1.5, 1.25, 2.5, new Vector3(-30, -22, -25));
        short[] v = new short[g.voxelCount()];
        SplittableRandom random = new SplittableRandom(17);
        for (int k = 0; k < 20; k++) {
            for (int j = 0; j < 36; j++) {
                for (int i = 0; i < 40; i++) {
                    double hu = k >= 16 ? 2500 : -390 + 1180 * random.nextDouble();
                    boolean inside = (i - 19.5) * (i - 19.5) + (j - 17.5) * (j - 17.5) < 17 * 17;
                    v[g.linearIndex(i, j, k)] = (short) (inside ? Math.round((hu + 100) / 0.5) : PADDING);
                }
            }
        }
        return new ImageVolume(g, v, 0.5, -100, "HU", new ImageVolumeInfo(ThoraxPhantom.PATIENT, "2.25.71", "2.25.72",
                "2.25.73", "CT", PatientPosition.HFS, "20261207", "binned level test"));
    }

    @Test
    void binPositionsAreTheLevelsTrilinearValuesOnTheBinAxis() {
        PyramidLevel full = PyramidLevel.of(image(), PADDING);
        for (PyramidLevel level : new PyramidLevel[] { full, full.averaged(2) }) {
            BinnedLevel binned = new BinnedLevel(level, MIN, SCALE, BINS);
            VolumeGeometry g = level.geometry();
            SplittableRandom random = new SplittableRandom(5);
            int onAxis = 0, clamped = 0, nan = 0;
            for (int n = 0; n < 200_000; n++) {
                double x = -1 + (g.sizeX() + 1) * random.nextDouble(), y = -1 + (g.sizeY() + 1) * random.nextDouble();
                double z = -1 + (g.sizeZ() + 1) * random.nextDouble();
                double exact = level.sample(x, y, z), bin = binned.binAt(x, y, z);
                if (Double.isNaN(exact)) {
                    assertTrue(Double.isNaN(bin), "NaN where the level's value is NaN at " + x + ", " + y + ", " + z);
                    nan++;
                    continue;
                }
                double position = (exact - MIN) * SCALE;
                if (z <= (level == full ? 15 : 7)) { // below the bone: the whole cell lies on the axis
                    assertEquals(position, bin, 0.5 / BinnedLevel.STEPS + 1e-9, "at " + x + ", " + y + ", " + z);
                    onAxis++;
                } else if (z >= (level == full ? 16 : 8)) { // inside the bone, far above the axis
                    assertEquals(BINS - 1, bin, 1e-12, "clamped to the last bin at " + x + ", " + y + ", " + z);
                    clamped++;
                } else { // cells reaching into the bone: clamped corners, somewhere on the axis
                    assertTrue(bin >= 0 && bin <= BINS - 1 && bin <= position + 0.5 / BinnedLevel.STEPS + 1e-9,
                            "at " + x + ", " + y + ", " + z);
                }
            }
            assertTrue(onAxis > 50_000 && clamped > 5_000 && nan > 20_000, onAxis + " / " + clamped + " / " + nan);
        }
    }

    @Test
    void binsThatDoNotFitAByteAreRefused() {
        PyramidLevel level = PyramidLevel.of(image(), PADDING);
        assertEquals(BINS - 1, new BinnedLevel(level, MIN, SCALE, BINS).binAt(20, 18, 17), 1e-12);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BinnedLevel(level, MIN, SCALE, 255 / BinnedLevel.STEPS + 2));
    }
}
