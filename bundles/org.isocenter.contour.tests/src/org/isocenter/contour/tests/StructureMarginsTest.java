/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;

import org.isocenter.contour.Margins;
import org.isocenter.contour.OutputPlanes;
import org.isocenter.contour.StructureMargins;
import org.isocenter.contour.StructureStatistics;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Margins against analytic truth: a sphere grown or shrunk by an isotropic margin is a sphere of radius r ± m;
 * a box grown by an asymmetric ellipsoid has a closed-form volume (box + faces + quarter-elliptic cylinders along
 * the edges + ellipsoid octants at the corners) and membership test (the ellipsoid gauge of the offset from the
 * nearest box point). Volumes are the contours' slab volumes, Dice is sampled at 0.25 mm on every output plane.
 */
class StructureMarginsTest {

    private static final Vector3 CENTRE = new Vector3(3.3, -7.1, 1.3); // off the grid on purpose

    /**
     * The targets: volume within 1% (1x1x2.5 mm) or 3% (4x4x5 mm) of the analytic answer, Dice ≥ 0.99. The
     * answer is that of the sphere as contoured: the ball cut flat at its first and last contoured planes (its caps
     * beyond them are not contoured, and a margin does not extrapolate them), grown or shrunk by the margin — on
     * plane z a disc of radius max over contoured heights h of R(h) + sqrt(m^2 - (z - h)^2), or for a shrink the
     * ball of radius r - |m| between the first plane + |m| and the last - |m|.
     */
    @ParameterizedTest(name = "sphere r={0} + {1} mm on {2}x{2}x{3} mm: volume within {4}%, Dice >= {5}")
    @CsvSource({ "20, 10, 1, 2.5, 1.0, 0.99", "20, 10, 4, 5, 3.0, 0.99", "25, 5, 1, 2.5, 1.0, 0.99", "15, 15, 4, 5, 3.0, 0.99",
            "25, -5, 1, 2.5, 1.0, 0.99", "25, -5, 4, 5, 3.0, 0.99" })
    void sphereMarginMatchesAnalyticVolumeAndShape(double r, double m, double dx, double dz, double tolerancePercent,
            double minDice) {
        VolumeGeometry grid = ContourPhantoms.grid(dx, dz, -60, (int) Math.round(120 / dz) + 1, 60);
        Roi sphere = ContourPhantoms.sphere("CTV", CENTRE, r, grid);
        List<Contour> result = StructureMargins.apply(new RoiSlabs(sphere, dz), Margins.isotropic(m),
                OutputPlanes.onImage(grid), ProgressMonitor.NONE);
        Roi ptv = new Roi(9, "PTV", new int[] { 0, 0, 255 }, "PTV", result);
        double first = sphere.contours().stream().mapToDouble(c -> c.pointsMm().get(0).z()).min().orElseThrow();
        double last = sphere.contours().stream().mapToDouble(c -> c.pointsMm().get(0).z()).max().orElseThrow();
        java.util.function.DoubleUnaryOperator radius = z -> cutSphereMarginRadius(r, m, first, last, z);
        double expected = 0, h = 0.005;
        for (double z = first - Math.abs(m) - h / 2; z <= last + Math.abs(m); z += h) {
            double rho = radius.applyAsDouble(z);
            expected += Double.isNaN(rho) ? 0 : Math.PI * rho * rho * h / 1000;
        }
        double volume = StructureStatistics.of(new RoiSlabs(ptv, dz)).volumeCc();
        double errorPercent = 100 * (volume - expected) / expected;
        System.out.printf("sphere r=%.0f m=%+.0f grid %.0fx%.0fx%.1f: volume %.3f cc vs %.3f cc analytic for the sphere "
                + "as contoured (%+.2f%%; the whole ball + m: %.3f cc)%n", r, m, dx, dx, dz, volume, expected,
                errorPercent, 4.0 / 3 * Math.PI * Math.pow(r + m, 3) / 1000);
        assertEquals(0, errorPercent, tolerancePercent);
        java.util.Map<Double, Double> perPlane = new java.util.HashMap<>();
        double dice = dice(ptv, grid, p -> {
            double rho = perPlane.computeIfAbsent(p.z(), radius::applyAsDouble);
            return !Double.isNaN(rho) && Math.hypot(p.x() - CENTRE.x(), p.y() - CENTRE.y()) <= rho;
        });
        System.out.printf("  Dice vs analytic shape: %.4f%n", dice);
        assertTrue(dice >= minDice, "Dice " + dice);
    }

    /**
     * The radius on plane z of the ball (radius r about CENTRE) cut at the planes {@code first} and {@code last},
     * grown (m > 0) or shrunk (m < 0) by an isotropic margin; NaN where the result does not reach.
     */
    private static double cutSphereMarginRadius(double r, double m, double first, double last, double z) {
        if (m < 0) {
            double inner = r + m, dz = z - CENTRE.z();
            return z < first - m || z > last + m || Math.abs(dz) >= inner ? Double.NaN : Math.sqrt(inner * inner - dz * dz);
        }
        double lo = Math.max(first, z - m), hi = Math.min(last, z + m);
        if (lo > hi) {
            return Double.NaN;
        }
        double best = Double.NaN;
        int n = 2000;
        for (int i = 0; i <= n; i++) {
            double h = lo + (hi - lo) * i / n, dh = h - CENTRE.z(), w = z - h;
            double v = Math.sqrt(Math.max(0, r * r - dh * dh)) + Math.sqrt(Math.max(0, m * m - w * w));
            best = Double.isNaN(best) ? v : Math.max(best, v);
        }
        return best;
    }

    @ParameterizedTest(name = "box + asymmetric margins {0} on {1}x{1}x{2} mm")
    @CsvSource(delimiter = ';', value = { "5,10,7,3,2,12; 1; 2.5; 0.5", "5,10,7,3,2,12; 4; 5; 1.0", "0,8,0,0,10,5; 1; 2.5; 0.5" })
    void boxWithAnisotropicAsymmetricMarginMatchesClosedForm(String margin, double dx, double dz, double tolerancePercent) {
        Margins m = Margins.parse(margin);
        VolumeGeometry grid = ContourPhantoms.grid(dx, dz, -60, (int) Math.round(120 / dz) + 1, 60);
        // the box as contoured ends on its first and last contoured planes, -20 and 20
        double x0 = -12.3, x1 = 17.9, y0 = -8.6, y1 = 13.1, z0 = -20, z1 = 20;
        Roi box = ContourPhantoms.box("Box", x0, x1, y0, y1, -20, 20, grid);
        List<Contour> result = StructureMargins.apply(new RoiSlabs(box, dz), m, OutputPlanes.onImage(grid),
                ProgressMonitor.NONE);
        Roi grown = new Roi(9, "Box+", new int[] { 0, 0, 255 }, "PTV", result);
        double a = x1 - x0, b = y1 - y0, c = z1 - z0;
        double lr = m.leftMm() + m.rightMm(), ap = m.anteriorMm() + m.posteriorMm(), is = m.inferiorMm() + m.superiorMm();
        double expected = (a * b * c + b * c * lr + a * c * ap + a * b * is
                + Math.PI / 4 * (a * ap * is + b * lr * is + c * lr * ap) + Math.PI / 6 * lr * ap * is) / 1000;
        // the best any contours on these planes can do: the exact cross-section area on each plane times the spacing
        double onPlanes = 0;
        for (int k = 0; k < grid.sizeZ(); k++) {
            double z = grid.indexToPatient(0, 0, k).z();
            double w = z > z1 ? (z - z1) / m.superiorMm() : z < z0 ? (z0 - z) / m.inferiorMm() : 0;
            if (w <= 1) {
                double rho = Math.sqrt(1 - w * w);
                onPlanes += (a * b + rho * (a * ap + b * lr) + rho * rho * Math.PI / 4 * lr * ap) * dz;
            }
        }
        onPlanes /= 1000;
        double volume = StructureStatistics.of(new RoiSlabs(grown, dz)).volumeCc();
        double errorPercent = 100 * (volume - onPlanes) / onPlanes;
        System.out.printf("box + %s on %.0fx%.0fx%.1f: volume %.3f cc vs %.3f cc exact on these planes (%+.2f%%), %.3f cc continuous%n",
                m, dx, dx, dz, volume, onPlanes, errorPercent, expected);
        assertEquals(0, errorPercent, tolerancePercent);
        double dice = dice(grown, grid, p -> {
            double vx = p.x() - clamp(p.x(), x0, x1), vy = p.y() - clamp(p.y(), y0, y1), vz = p.z() - clamp(p.z(), z0, z1);
            return gauge(vx, vx > 0 ? m.leftMm() : m.rightMm()) + gauge(vy, vy > 0 ? m.posteriorMm() : m.anteriorMm())
                    + gauge(vz, vz > 0 ? m.superiorMm() : m.inferiorMm()) <= 1;
        });
        System.out.printf("  Dice vs analytic shape: %.4f%n", dice);
        assertTrue(dice >= 0.99, "Dice " + dice);
    }

    @Test
    void superiorMarginIsNotSnappedToTheSliceSpacing() {
        // a 5 mm grid and a 7 mm superior margin: the top contour plane is the one within the reach, and the
        // cross-section there is the ellipsoid's cap, not the full outline of the top slice
        double dz = 5;
        VolumeGeometry grid = ContourPhantoms.grid(1, dz, -60, 25, 60);
        Roi box = ContourPhantoms.box("Box", -10, 10, -10, 10, -10, 10, grid); // slabs from -12.5 to 12.5
        List<Contour> result = StructureMargins.apply(new RoiSlabs(box, dz), new Margins(0, 0, 0, 0, 0, 7),
                OutputPlanes.onImage(grid), ProgressMonitor.NONE);
        double top = result.stream().mapToDouble(c -> c.pointsMm().get(0).z()).max().orElseThrow();
        assertEquals(15, top, 1e-9, "12.5 + 7 = 19.5 mm reaches the plane at 15 but not the one at 20");
        double bottom = result.stream().mapToDouble(c -> c.pointsMm().get(0).z()).min().orElseThrow();
        assertEquals(-10, bottom, 1e-9, "no inferior margin: the lowest plane stays the box's lowest");
    }

    @Test
    void zeroMarginKeepsTheContoursAndLimitsAreEnforced() {
        VolumeGeometry grid = ContourPhantoms.grid(1, 2.5, -60, 49, 60);
        Roi sphere = ContourPhantoms.sphere("CTV", CENTRE, 10, grid);
        RoiSlabs slabs = new RoiSlabs(sphere, 2.5);
        List<Contour> same = StructureMargins.apply(slabs, Margins.isotropic(0), OutputPlanes.onImage(grid),
                ProgressMonitor.NONE);
        assertEquals(StructureStatistics.of(slabs).volumeCc(),
                StructureStatistics.of(new RoiSlabs(new Roi(2, "x", new int[3], "", same), 2.5)).volumeCc(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Margins.isotropic(60));
        assertThrows(IllegalArgumentException.class, () -> Margins.parse("1,2,3"));
        assertThrows(IllegalArgumentException.class, () -> Margins.parse("ten"));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double gauge(double v, double semiAxis) {
        if (v == 0) {
            return 0;
        }
        return semiAxis == 0 ? Double.POSITIVE_INFINITY : (v / semiAxis) * (v / semiAxis);
    }

    /** Dice between the structure (slab reading) and the analytic shape, sampled at 0.25 mm on every grid slice. */
    static double dice(Roi roi, VolumeGeometry grid, Predicate<Vector3> truth) {
        RoiSlabs slabs = new RoiSlabs(roi, grid.spacingZMm());
        long both = 0, inRoi = 0, inTruth = 0;
        double step = 0.25;
        for (int k = 0; k < grid.sizeZ(); k++) {
            double z = grid.indexToPatient(0, 0, k).z();
            int s = slabs.slabAt(z);
            for (double y = -60; y <= 60; y += step) {
                for (double x = -60; x <= 60; x += step) {
                    boolean r = s >= 0 && slabs.contains(s, x, y);
                    boolean t = truth.test(new Vector3(x, y, z));
                    if (r && t) {
                        both++;
                    }
                    if (r) {
                        inRoi++;
                    }
                    if (t) {
                        inTruth++;
                    }
                }
            }
        }
        return 2.0 * both / (inRoi + inTruth);
    }
}
