/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.isocenter.contour.BooleanOperation;
import org.isocenter.contour.Margins;
import org.isocenter.contour.OutputPlanes;
import org.isocenter.contour.StructureBooleans;
import org.isocenter.contour.StructureStatistics;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Boolean operations, rings and crops against closed-form volumes: two overlapping spheres (their intersection is
 * a lens), a spherical shell, a sphere cut by a plane (minus a cap). Tolerance 1% on a 1x1x2.5 mm grid, where the
 * spheres as contoured are within 0.3% of their analytic volumes.
 */
class StructureBooleansTest {

    private static final double DZ = 2.5;
    private static final VolumeGeometry GRID = ContourPhantoms.grid(1, DZ, -60, 49, 60);
    private static final OutputPlanes PLANES = OutputPlanes.onImage(GRID);
    private static final double R1 = 20, R2 = 15, D = 20;
    private static final Roi A = ContourPhantoms.sphere("A", new Vector3(0, 0, 0.4), R1, GRID);
    private static final Roi B = ContourPhantoms.sphere("B", new Vector3(D, 0, 0.4), R2, GRID);

    @ParameterizedTest
    @EnumSource(BooleanOperation.class)
    void overlappingSpheresMatchTheLensFormula(BooleanOperation op) {
        double va = sphere(R1), vb = sphere(R2);
        double lens = Math.PI * Math.pow(R1 + R2 - D, 2)
                * (D * D + 2 * D * R2 - 3 * R2 * R2 + 2 * D * R1 + 6 * R1 * R2 - 3 * R1 * R1) / (12 * D);
        double expected = switch (op) {
        case UNION -> va + vb - lens;
        case INTERSECTION -> lens;
        case SUBTRACTION -> va - lens;
        case XOR -> va + vb - 2 * lens;
        };
        double volume = volume(StructureBooleans.apply(op, new RoiSlabs(A, DZ), new RoiSlabs(B, DZ), PLANES));
        System.out.printf("%s: %.3f cc vs %.3f cc analytic (%+.2f%%)%n", op, volume, expected / 1000,
                100 * (volume * 1000 / expected - 1));
        assertEquals(expected / 1000, volume, 0.01 * expected / 1000);
    }

    @Test
    void ringIsTheSphericalShellBetweenTwoMargins() {
        Roi ptv = ContourPhantoms.sphere("PTV", new Vector3(1.1, -2.3, 0.4), 15, GRID);
        List<Contour> ring = StructureBooleans.ring(new RoiSlabs(ptv, DZ), Margins.isotropic(5), Margins.isotropic(20),
                PLANES, ProgressMonitor.NONE);
        double expected = (sphere(35) - sphere(20)) / 1000;
        double volume = volume(ring);
        System.out.printf("ring PTV+20 - PTV+5: %.3f cc vs %.3f cc analytic (%+.2f%%)%n", volume, expected,
                100 * (volume / expected - 1));
        assertEquals(expected, volume, 0.01 * expected);
        // the ring has holes: on the central plane an outer and an inner contour
        long central = ring.stream().filter(c -> Math.abs(c.pointsMm().get(0).z() - 0) < 1e-9).count();
        assertEquals(2, central);
    }

    @Test
    void cropKeepsATargetInsideTheBodyMinusAnInset() {
        Roi body = ContourPhantoms.box("BODY", -58, 10, -58, 58, -57.5, 57.5, GRID);
        List<Contour> cropped = StructureBooleans.cropInside(new RoiSlabs(A, DZ), new RoiSlabs(body, DZ), 3, PLANES,
                ProgressMonitor.NONE);
        double h = R1 - 7; // the sphere beyond x = 10 - 3 mm is cut away
        double expected = (sphere(R1) - Math.PI * h * h * (3 * R1 - h) / 3) / 1000;
        double volume = volume(cropped);
        System.out.printf("crop to BODY-3 mm: %.3f cc vs %.3f cc analytic (%+.2f%%)%n", volume, expected,
                100 * (volume / expected - 1));
        assertEquals(expected, volume, 0.01 * expected);
        double maxX = cropped.stream().flatMap(c -> c.pointsMm().stream()).mapToDouble(Vector3::x).max().orElseThrow();
        assertEquals(7, maxX, 1e-6, "nothing beyond the inset limit");
        assertThrows(IllegalArgumentException.class, () -> StructureBooleans.cropInside(new RoiSlabs(A, DZ),
                new RoiSlabs(body, DZ), -1, PLANES, ProgressMonitor.NONE));
    }

    @Test
    void evenOddHolesAndSelfIntersectingContoursAreHandled() {
        // a square with a square hole (two contours on one plane) minus nothing keeps the hole
        double z = 0;
        Contour outer = square(-20, 20, z), inner = square(-5, 5, z);
        Roi donut = new Roi(5, "donut", new int[3], "ORGAN", List.of(outer, inner));
        Roi empty = new Roi(6, "none", new int[3], "ORGAN", List.of(square(100, 101, 50)));
        OutputPlanes one = new OutputPlanes(new double[] { z }, 1);
        List<Contour> same = StructureBooleans.apply(BooleanOperation.SUBTRACTION, new RoiSlabs(donut, DZ),
                new RoiSlabs(empty, DZ), one);
        assertEquals(2, same.size());
        assertEquals((1600 - 100) * DZ / 1000, volume(same), 1e-9);
        // a bow-tie (self-intersecting) contour is repaired, not refused
        Contour bowTie = new Contour(ContourGeometry.CLOSED_PLANAR, List.of(new Vector3(0, 0, z), new Vector3(10, 10, z),
                new Vector3(10, 0, z), new Vector3(0, 10, z)));
        Roi bad = new Roi(7, "bad", new int[3], "ORGAN", List.of(bowTie));
        List<Contour> fixed = StructureBooleans.apply(BooleanOperation.UNION, new RoiSlabs(bad, DZ),
                new RoiSlabs(empty, DZ), one);
        assertTrue(volume(fixed) > 0, "the repaired bow-tie keeps its two triangles");
        assertEquals(50 * DZ / 1000, volume(fixed), 1e-9);
    }

    private static Contour square(double lo, double hi, double z) {
        return new Contour(ContourGeometry.CLOSED_PLANAR, List.of(new Vector3(lo, lo, z), new Vector3(hi, lo, z),
                new Vector3(hi, hi, z), new Vector3(lo, hi, z)));
    }

    private static double sphere(double r) {
        return 4.0 / 3 * Math.PI * r * r * r;
    }

    private static double volume(List<Contour> contours) {
        return StructureStatistics.of(new RoiSlabs(new Roi(9, "r", new int[3], "", contours), DZ)).volumeCc();
    }
}
