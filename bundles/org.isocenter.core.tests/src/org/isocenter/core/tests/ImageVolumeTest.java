/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.junit.jupiter.api.Test;

/** The value range of a volume larger than one scanning chunk, extremes placed in different chunks (HU). */
class ImageVolumeTest {

    private static ImageVolume volume(short[] v, double slope, double intercept) {
        VolumeGeometry g = VolumeGeometry.axial(v.length / 1000, 10, 100, 1, 1, 1, new Vector3(0, 0, 0));
        return new ImageVolume(g, v, slope, intercept, "HU", new ImageVolumeInfo(new PatientIdentity("P", "N", "", ""),
                "1.2", "1.2.1", "1.2.2", "CT", PatientPosition.HFS, "20261206", "range"));
    }

    @Test
    void valueRangeFindsExtremesInAnyChunk() {
        short[] v = new short[3_000_000]; // three chunks of 2^20 and a partial one
        java.util.Arrays.fill(v, (short) 100);
        v[(1 << 20) * 2 + 17] = -1024; // in the third chunk
        v[v.length - 1] = 3071; // the last voxel of the partial chunk
        assertArrayEquals(new double[] { -1024, 3071 }, volume(v, 1, 0).valueRange(), 0);
        // a negative slope swaps the ends
        assertArrayEquals(new double[] { -3071 * 2 + 5, 1024 * 2 + 5 }, volume(v, -2, 5).valueRange(), 0);
        short[] flat = new short[1_000_000];
        assertArrayEquals(new double[] { -1000, -1000 }, volume(flat, 1, -1000).valueRange(), 0);
    }
}
