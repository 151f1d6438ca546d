/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.structure.Roi;
import org.isocenter.demo.DailyImageSpec;
import org.isocenter.demo.DemoPatient;
import org.isocenter.demo.PelvisPhantom;
import org.isocenter.igrt.OutlineComparison;
import org.junit.jupiter.api.Test;

/**
 * The outline comparison on the demo pelvis (planning CT 1.5 mm pixels, daily CBCT with a 125 mm field of view that
 * cuts the body laterally and anteriorly): an unchanged patient shows no change although most of the outline is
 * outside the daily field of view; a posterior slab of {@code w} mm removed on the daily image (weight loss where
 * the image sees the outline) shows {@code w} inward, within a planning pixel; tissue added shows outward.
 */
class OutlineComparisonTest {

    private static final DailyImageSpec FX1 = DemoPatient.DAILY_IMAGES.get(0);
    private static final double POSTERIOR_EDGE_Y = 120; // the BODY's AP semi-axis (LPS +y is posterior)
    private static final double PIXEL = DemoPatient.PLANNING_GRID.spacingXMm();

    private static Roi body() {
        return DemoPatient.structureSet().roi("BODY").orElseThrow();
    }

    /**
     * The fraction's daily image with the body changed: tissue posterior of {@code cutY} made air, or fat added
     * posteriorly up to the body ellipse grown by {@code addMm}.
     */
    private static ImageVolume daily(double cutY, double addMm) {
        ImageVolume d = DemoPatient.dailyImage(FX1);
        VolumeGeometry g = d.geometry();
        RigidTransform toPlanning = DemoPatient.planningToDaily(FX1).inverse();
        short[] v = d.storedValues().clone();
        Vector3 axis = g.indexToPatient((g.sizeX() - 1) / 2.0, (g.sizeY() - 1) / 2.0, 0);
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    Vector3 q = g.indexToPatient(i, j, k);
                    if (Math.hypot(q.x() - axis.x(), q.y() - axis.y()) > DemoPatient.DAILY_FOV_RADIUS_MM) {
                        continue; // outside the reconstructed cylinder the image has no data
                    }
                    Vector3 p = toPlanning.apply(q);
                    boolean inBody = PelvisPhantom.BODY.contains(p.x(), p.y(), p.z());
                    if (inBody && p.y() > cutY) {
                        v[g.linearIndex(i, j, k)] = -940; // air as the daily image shows it
                    } else if (!inBody && addMm > 0 && p.y() > 0 && Math.pow(p.x() / (175 + addMm), 2)
                            + Math.pow(p.y() / (POSTERIOR_EDGE_Y + addMm), 2) <= 1) {
                        // fat between the body and the ellipse with semi-axes grown by addMm: at most addMm from the
                        // body, exactly at the posterior vertex (the only vertex inside the field of view)
                        v[g.linearIndex(i, j, k)] = -100;
                    }
                }
            }
        }
        return new ImageVolume(g, v, d.rescaleSlope(), d.rescaleIntercept(), d.unit(), d.info());
    }

    private static OutlineComparison.Result compare(ImageVolume daily, Optional<Roi> body) {
        return OutlineComparison.compare(DemoPatient.planningCt(), body, daily, DemoPatient.planningToDaily(FX1), -60, 20);
    }

    @Test
    void anUnchangedPatientShowsNoChangeOutsideTheFieldOfViewIncluded() {
        for (Optional<Roi> body : java.util.List.of(Optional.of(body()), Optional.<Roi>empty())) {
            OutlineComparison.Result r = compare(DemoPatient.dailyImage(FX1), body);
            assertEquals(DemoPatient.DAILY_FOV_RADIUS_MM, r.fovRadiusMm(), 1.5, "the reconstructed cylinder found");
            assertTrue(r.inwardMm() <= PIXEL + 0.01 && r.outwardMm() <= PIXEL + 0.01,
                    "no change (" + r.planningOutline() + "): " + r);
            assertTrue(r.slices() >= 30, "slices in the treated region: " + r.slices());
        }
    }

    @Test
    void weightLossShowsInwardByItsDepth() {
        for (double w : new double[] { 4, 8, 12 }) {
            OutlineComparison.Result r = compare(daily(POSTERIOR_EDGE_Y - w, 0), Optional.of(body()));
            assertEquals(w, r.inwardMm(), PIXEL, "inward after " + w + " mm posterior loss: " + r);
            assertTrue(r.outwardMm() <= PIXEL + 0.01, "nothing outward: " + r);
        }
    }

    @Test
    void swellingShowsOutward() {
        OutlineComparison.Result r = compare(daily(Double.POSITIVE_INFINITY, 7), Optional.of(body()));
        assertEquals(7, r.outwardMm(), PIXEL, "outward after 7 mm added: " + r);
        assertTrue(r.inwardMm() <= PIXEL + 0.01, "nothing inward: " + r);
    }

    @Test
    void aTreatedRegionOutsideTheDailyImageIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutlineComparison.compare(
                DemoPatient.planningCt(), Optional.of(body()), DemoPatient.dailyImage(FX1),
                DemoPatient.planningToDaily(FX1), 150, 190));
        assertTrue(e.getMessage().contains("field of view"), e.getMessage());
    }
}
