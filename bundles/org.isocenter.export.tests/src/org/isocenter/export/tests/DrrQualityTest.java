/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.image.RtImage;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.ControlPoint;
import org.isocenter.core.plan.Jaws;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.export.DrrQuality;
import org.isocenter.export.DrrRenderer;
import org.isocenter.export.DrrSettings;
import org.junit.jupiter.api.Test;

/**
 * {@link DrrQuality} on synthetic CTs (1 mm voxels, 160 × 160 × 140 mm, HFS, AP beam at gantry 0 through the grid
 * centre): an all-air CT gives a blank DRR that is refused although the isocenter lies inside; a 5 mm water slab
 * across the beam stays below the 10 mm water-equivalent threshold (refused), a 20 mm slab is tissue wherever its
 * rays cross the grid (accepted); an isocenter one voxel outside the grid is refused even when the image shows
 * tissue. The display window spans the tissue pixels.
 */
class DrrQualityTest {

    static final VolumeGeometry GRID = DrrGeometryTest.GRID;
    static final Vector3 CENTRE = GRID.indexToPatient(79.5, 79.5, 69.5);
    static final DrrSettings SETTINGS = DrrSettings.DEFAULT.withReceptor(64, 64, 6.4);

    /** Air (-1000 HU) with water (0 HU) where the row index j lies in [j0, j1) (the AP beam crosses j). */
    static ImageVolume slab(int j0, int j1) {
        short[] v = new short[GRID.voxelCount()];
        Arrays.fill(v, (short) -1000);
        for (int k = 0; k < GRID.sizeZ(); k++) {
            for (int j = j0; j < j1; j++) {
                for (int i = 0; i < GRID.sizeX(); i++) {
                    v[GRID.linearIndex(i, j, k)] = 0;
                }
            }
        }
        return new ImageVolume(GRID, v, 1, 0, "HU", new ImageVolumeInfo(DrrGeometryTest.PATIENT, "1.2.3.1", "1.2.3.2",
                "1.2.3.3", "CT", PatientPosition.HFS, "20260101", "slab phantom"));
    }

    static DrrQuality quality(ImageVolume ct, Vector3 iso) {
        Beam b = new Beam(1, "AP", "", "SETUP", "PHOTON", 6, "M", 1000, 1, null,
                List.of(new ControlPoint(0, 0, 0, 0, 0, iso, new Jaws(-100, 100, -100, 100), null)));
        RtImage drr = new DrrRenderer().render(ct, b, PatientPosition.HFS, SETTINGS, "", ProgressMonitor.NONE);
        return DrrQuality.of(drr, ct, SETTINGS);
    }

    @Test
    void allAirIsBlankAndRefusedThoughTheIsocenterIsInside() {
        DrrQuality q = quality(slab(0, 0), CENTRE);
        assertTrue(q.isocenterInsideCt());
        assertEquals(0, q.tissueFraction());
        assertFalse(q.acceptable());
        String p = q.problem().orElseThrow();
        assertTrue(p.contains("LPS mm lies inside the planning CT (x -75.0..85.0, y -83.7..76.3, z -59.8..80.2 mm)")
                && p.contains("0.0 % of the DRR pixels see >= 10 mm water-equivalent tissue (10 % needed)"), p);
        assertEquals(1, q.windowWidth(), "a blank image still gets a valid window (width >= 1)");
    }

    @Test
    void tenMillimetresOfWaterMakeAPixelTissue() {
        assertEquals(200, DrrQuality.tissueThreshold(SETTINGS), "1000 x 0.02 /mm x 10 mm");
        DrrQuality thin = quality(slab(78, 83), CENTRE);
        assertEquals(0, thin.tissueFraction(), "5 mm of water is below the threshold");
        assertFalse(thin.acceptable());

        DrrQuality thick = quality(slab(70, 90), CENTRE);
        // the grid (160 x 140 mm across the beam, about 80 mm on either side of the isocenter plane) projects to
        // roughly 240 x 210 mm of the 410 x 410 mm receptor: about 30 % of the pixels
        assertTrue(thick.tissueFraction() > 0.2 && thick.tissueFraction() < 0.4, "fraction " + thick.tissueFraction());
        assertTrue(thick.acceptable(), thick.problem().orElse(""));
        // every tissue ray crosses 20 mm of water (slightly more when oblique): pixel value about 400
        double low = thick.windowCenter() - 0.5 - (thick.windowWidth() - 1) / 2;
        double high = thick.windowCenter() - 0.5 + (thick.windowWidth() - 1) / 2;
        assertTrue(low >= 399 && high <= 420 && low <= high, "window " + low + ".." + high);
    }

    @Test
    void anIsocenterJustOutsideTheGridIsRefusedEvenWithTissueInView() {
        // one voxel beyond the last slice's outer face (z max 80.2 mm)
        Vector3 outside = new Vector3(CENTRE.x(), CENTRE.y(), 81.2);
        DrrQuality q = quality(slab(70, 90), outside);
        assertFalse(q.isocenterInsideCt());
        assertTrue(q.tissueFraction() >= DrrQuality.MIN_TISSUE_FRACTION, "fraction " + q.tissueFraction());
        assertFalse(q.acceptable());
        assertTrue(q.problem().orElseThrow().contains("lies outside the planning CT"), q.problem().orElseThrow());
    }
}
