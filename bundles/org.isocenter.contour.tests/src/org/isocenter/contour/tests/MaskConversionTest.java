/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.isocenter.contour.MaskConversion;
import org.isocenter.contour.StructureStatistics;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Contours to partial-volume voxels and back against analytic areas, and binary masks to closed, simple polygons
 * that rasterize back to the same voxels.
 */
class MaskConversionTest {

    private static final VolumeGeometry GRID = VolumeGeometry.axial(80, 80, 3, 1.0, 1.0, 2.5, new Vector3(-40, -40, -2.5));

    @Test
    void coverageIsTheAreaInsideEachVoxelAndItsHalfLevelIsTheOutline() {
        double r = 20.3;
        Roi circle = new Roi(1, "c", new int[3], "", List.of(ContourPhantoms.circle(1.37, -2.21, r, 0)));
        float[] cover = MaskConversion.coverage(new RoiSlabs(circle, 2.5), GRID, 8);
        double area = 0;
        for (int p = 0; p < 80 * 80; p++) {
            area += cover[80 * 80 + p]; // slice k = 1 holds z = 0; 1 mm² pixels
            assertTrue(cover[p] == 0 && cover[2 * 80 * 80 + p] == 0, "other slices stay empty");
        }
        assertEquals(Math.PI * r * r, area, 0.001 * Math.PI * r * r);
        List<Contour> back = MaskConversion.outlines(cover, GRID);
        assertEquals(1, back.size());
        double traced = Math.abs(back.get(0).signedAxialAreaMm2());
        System.out.printf("circle r=%.1f: coverage area %.2f, traced 50%% outline %.2f vs %.2f mm² analytic%n", r, area,
                traced, Math.PI * r * r);
        assertEquals(Math.PI * r * r, traced, 0.005 * Math.PI * r * r);
    }

    @Test
    void maskOutlinesAreSimpleClosedPolygonsThatGiveTheMaskBack() {
        // a ring (annulus) with a diagonal staircase and a separate blob: holes and saddles
        BinaryMask mask = BinaryMask.of(GRID, p -> {
            double d = Math.hypot(p.x() - 3, p.y() + 1);
            return (d <= 18 && d >= 9) || (Math.abs(p.x() - 30) <= 3 && Math.abs(p.y() - 30) <= 3)
                    || (p.x() - p.y() == 0 && p.x() > 24 && p.x() < 29);
        });
        List<Contour> outlines = MaskConversion.outlines(mask);
        GeometryFactory jts = new GeometryFactory();
        for (Contour c : outlines) {
            Coordinate[] ring = new Coordinate[c.pointsMm().size() + 1];
            for (int q = 0; q < c.pointsMm().size(); q++) {
                ring[q] = new Coordinate(c.pointsMm().get(q).x(), c.pointsMm().get(q).y());
            }
            ring[ring.length - 1] = ring[0];
            assertTrue(jts.createPolygon(ring).isValid(), "a simple closed polygon");
        }
        RoiSlabs slabs = new RoiSlabs(new Roi(2, "m", new int[3], "", outlines), 2.5);
        for (int k = 0; k < GRID.sizeZ(); k++) {
            int s = slabs.slabAt(GRID.indexToPatient(0, 0, k).z());
            for (int j = 0; j < GRID.sizeY(); j++) {
                for (int i = 0; i < GRID.sizeX(); i++) {
                    Vector3 p = GRID.indexToPatient(i, j, k);
                    assertEquals(mask.get(i, j, k), s >= 0 && slabs.contains(s, p.x(), p.y()), "voxel " + i + "," + j + "," + k);
                }
            }
        }
        // the annulus gives an outer and an inner contour on each slice, and the even-odd volume is the voxels' area
        double cc = StructureStatistics.of(slabs).volumeCc();
        assertTrue(cc > 0 && Math.abs(cc - mask.volumeCc()) < 0.06 * mask.volumeCc(), cc + " vs " + mask.volumeCc());
    }
}
