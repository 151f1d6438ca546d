/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.isocenter.contour.MarginResult;
import org.isocenter.contour.Margins;
import org.isocenter.contour.OutputPlanes;
import org.isocenter.contour.StructureMargins;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Margins exact on every output plane, end planes included, against the contoured shape: each contour exact on its
 * own plane, the monotone cubic (Fritsch-Carlson) shape-based interpolation between neighbouring contoured planes,
 * nothing beyond the first and last. For structures of revolution (circles about one axis) that shape is the solid
 * of revolution whose radius is the monotone cubic of the contoured radii, and its expansion by an ellipsoid that
 * is round in plane (semi-axis M, inferior I, superior S) has on plane z the radius
 * {@code max over source heights h of R(h) + M sqrt(1 - ((z - h) / S or I)^2)} — computed here by dense search,
 * independently of the implementation. Every vertex of every output contour must lie within 0.1 mm of that radius,
 * and planes get a contour exactly when that radius exists. Patient LPS mm.
 */
class MarginExactnessTest {

    private static final double TOLERANCE_MM = 0.1;
    private static final double CX = 2.7, CY = -4.1; // off the in-plane grid on purpose

    /** A cone, base radius 12 mm at its lowest contoured plane, narrowing 1 mm per 2.5 mm slice. */
    @ParameterizedTest(name = "cone + {0} (contours every {1} mm, planes every {2} mm from {3})")
    @CsvSource(delimiter = ';', value = { "5; 2.5; 2.5; -60", "5,5,5,5,10,3; 2.5; 2.5; -60", "7,7,7,7,0,0; 2.5; 2.5; -60",
            "5; 5; 2.5; -61.25", "4,4,4,4,6,2; 5; 2; -59" })
    void coneBaseIsGrownAsContoured(String margin, double contourSpacing, double planeSpacing, double firstPlane) {
        double base = -10, slope = 1 / 2.5;
        List<Double> zs = new ArrayList<>(), rs = new ArrayList<>();
        for (double z = base; 12 - slope * (z - base) > 0.5; z += contourSpacing) {
            zs.add(z);
            rs.add(12 - slope * (z - base));
        }
        Margins m = Margins.parse(margin);
        double dev = maxDeviation(radial(zs, rs), m, planes(firstPlane, planeSpacing, 120), "cone + " + m);
        assertTrue(dev <= TOLERANCE_MM, "cone + " + m + ": max deviation " + dev + " mm");
    }

    /** A cord-like cylinder (radius 5 mm) whose last contoured slices widen to 6 and 7.5 mm, grown and shrunk. */
    @ParameterizedTest(name = "widening cylinder + {0}")
    @CsvSource({ "5", "'5,5,5,5,8,8'", "'3,3,3,3,12,4'", "'6,6,6,6,0,0'", "-2", "'-2,-2,-2,-2,-5,0'" })
    void cylinderWhoseLastSlicesWidenIsGrownAsContoured(String margin) {
        List<Double> zs = new ArrayList<>(), rs = new ArrayList<>();
        for (int k = 0; k <= 12; k++) {
            zs.add(-15 + 2.5 * k);
            rs.add(k == 12 ? 7.5 : k == 11 ? 6.0 : 5.0);
        }
        Margins m = Margins.parse(margin);
        double dev = maxDeviation(radial(zs, rs), m, planes(-60, 2.5, 120), "widening cylinder + " + m);
        assertTrue(dev <= TOLERANCE_MM, "widening cylinder + " + m + ": max deviation " + dev + " mm");
    }

    /** A sphere of radius 20 mm contoured every 2.5 mm (its caps beyond the end contours are not contoured). */
    @ParameterizedTest(name = "sphere + {0}")
    @CsvSource({ "10", "'5,5,5,5,10,3'", "-5" })
    void sphereIsGrownAsContoured(String margin) {
        List<Double> zs = new ArrayList<>(), rs = new ArrayList<>();
        double c = 1.3, r = 20;
        for (double z = -60; z <= 60; z += 2.5) {
            if (Math.abs(z - c) < r) {
                zs.add(z);
                rs.add(Math.sqrt(r * r - (z - c) * (z - c)));
            }
        }
        Margins m = Margins.parse(margin);
        double dev = maxDeviation(radial(zs, rs), m, planes(-60, 2.5, 120), "sphere + " + m);
        assertTrue(dev <= TOLERANCE_MM, "sphere + " + m + ": max deviation " + dev + " mm");
    }

    /** Contours a few µm off the CT planes (rounding) are read on those planes: end planes included. */
    @Test
    void contoursOffThePlanesByRoundingStillGiveTheEndPlanes() {
        List<Double> zs = new ArrayList<>(), rs = new ArrayList<>();
        for (int k = 0; k <= 8; k++) {
            zs.add(-10 + 2.5 * k + 0.004);
            rs.add(8.0);
        }
        Margins m = new Margins(5, 5, 5, 5, 0, 0);
        List<Contour> out = StructureMargins.apply(new RoiSlabs(radial(zs, rs), 2.5), m, planes(-60, 2.5, 120),
                ProgressMonitor.NONE);
        TreeMap<Double, List<Contour>> byPlane = byPlane(out);
        assertEquals(9, byPlane.size(), "one contour per contoured plane, none beyond");
        assertEquals(-10, byPlane.firstKey(), 1e-9);
        assertEquals(10, byPlane.lastKey(), 1e-9);
        for (List<Contour> cs : byPlane.values()) {
            for (Vector3 p : cs.get(0).pointsMm()) {
                assertEquals(13, Math.hypot(p.x() - CX, p.y() - CY), TOLERANCE_MM);
            }
        }
    }

    /**
     * A box grown by an anisotropic, asymmetric ellipsoid: on plane z the result is the set of points whose offset
     * v from the box (x0..x1, y0..y1, contoured planes z0..z1) has ellipsoid gauge ≤ 1. Each vertex's distance to
     * that boundary along the ray from the box's axis (never less than the distance to the boundary) ≤ 0.1 mm.
     */
    @ParameterizedTest(name = "box + {0}")
    @CsvSource({ "'5,10,7,3,2,12'", "'0,8,0,0,10,5'", "'12,4,6,9,7,7'" })
    void boxWithAnisotropicMarginIsExactOnEveryPlane(String margin) {
        Margins m = Margins.parse(margin);
        VolumeGeometry grid = ContourPhantoms.grid(1, 2.5, -60, 49, 60);
        double x0 = -12.3, x1 = 17.9, y0 = -8.6, y1 = 13.1, z0 = -20, z1 = 20;
        Roi box = ContourPhantoms.box("Box", x0, x1, y0, y1, z0, z1, grid);
        List<Contour> out = StructureMargins.apply(new RoiSlabs(box, 2.5), m, OutputPlanes.onImage(grid),
                ProgressMonitor.NONE);
        TreeMap<Double, List<Contour>> byPlane = byPlane(out);
        double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, worst = 0;
        for (int k = 0; k < grid.sizeZ(); k++) {
            double z = grid.indexToPatient(0, 0, k).z();
            double vz = z - clamp(z, z0, z1);
            boolean reached = vz == 0 || vz > 0 && vz <= m.superiorMm() + 1e-9 || vz < 0 && -vz <= m.inferiorMm() + 1e-9;
            List<Contour> cs = byPlane.getOrDefault(z, List.of());
            assertEquals(reached ? 1 : 0, cs.size(), "contours on plane z = " + z);
            for (Contour c : cs) {
                for (Vector3 p : c.pointsMm()) {
                    double ux = p.x() - cx, uy = p.y() - cy, len = Math.hypot(ux, uy);
                    ux /= len;
                    uy /= len;
                    double lo = 0, hi = 200;
                    for (int it = 0; it < 80; it++) {
                        double t = (lo + hi) / 2;
                        if (boxGauge(cx + t * ux, cy + t * uy, z, x0, x1, y0, y1, z0, z1, m) <= 1) {
                            lo = t;
                        } else {
                            hi = t;
                        }
                    }
                    worst = Math.max(worst, Math.abs(len - lo));
                }
            }
        }
        System.out.printf("box + %s: max deviation %.4f mm over %d planes%n", m, worst, byPlane.size());
        assertTrue(worst <= TOLERANCE_MM, "box + " + m + ": max deviation " + worst + " mm");
    }

    /** 50 mm on a short CT: the planes cut the result, and the result says where and by how much. */
    @Test
    void fiftyMillimetresOnAShortCtIsReportedAsClipped() {
        List<Double> zs = new ArrayList<>(), rs = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            zs.add(-5 + 2.5 * k);
            rs.add(10.0);
        }
        Roi roi = radial(zs, rs);
        OutputPlanes ct = planes(-30, 2.5, 60); // -30 .. 30 mm
        MarginResult r = StructureMargins.compute(new RoiSlabs(roi, 2.5), Margins.isotropic(50), ct, ProgressMonitor.NONE);
        assertEquals(2, r.clippings().size(), r.notes().toString());
        MarginResult.Clipping inferior = r.clippings().get(0), superior = r.clippings().get(1);
        assertFalse(inferior.superior());
        assertEquals(-5 - 50, inferior.reachZMm(), 1e-9);
        assertEquals(-30, inferior.planeZMm(), 1e-9);
        assertEquals(25, inferior.cutMm(), 1e-9);
        assertTrue(superior.superior());
        assertEquals(25, superior.cutMm(), 1e-9);
        assertTrue(r.notes().get(0).contains("inferiorly") && r.notes().get(0).contains("25.0 mm"), r.notes().get(0));
        System.out.println("notes: " + r.notes());
        // what is there is still exact, the outermost planes included
        double dev = deviation(r.contours(), roi, Margins.isotropic(50), ct, "cylinder + 50 on a short CT");
        assertTrue(dev <= TOLERANCE_MM, "max deviation " + dev);

        // a margin that ends within half a slice of the last plane is not a cut; a contraction of a structure
        // running off the image still is
        assertFalse(StructureMargins.compute(new RoiSlabs(roi, 2.5), new Margins(5, 5, 5, 5, 25, 26.2), ct,
                ProgressMonitor.NONE).clipped());
        MarginResult shrunk = StructureMargins.compute(new RoiSlabs(roi, 2.5), new Margins(-2, -2, -2, -2, 0, 0),
                planes(-2.5, 2.5, 5), ProgressMonitor.NONE);
        assertEquals(2, shrunk.clippings().size(), shrunk.notes().toString());
    }

    // ---- analytic truth for structures of revolution ----

    /** Circles of the given radii about (CX, CY) on the given planes. */
    private static Roi radial(List<Double> zs, List<Double> rs) {
        List<Contour> contours = new ArrayList<>();
        for (int k = 0; k < zs.size(); k++) {
            contours.add(ContourPhantoms.circle(CX, CY, rs.get(k), zs.get(k)));
        }
        return new Roi(1, "R", new int[] { 255, 0, 0 }, "CTV", contours);
    }

    private static OutputPlanes planes(double first, double spacing, double length) {
        int n = (int) Math.round(length / spacing) + 1;
        double[] z = new double[n];
        for (int k = 0; k < n; k++) {
            z[k] = first + k * spacing;
        }
        return new OutputPlanes(z, 1.0);
    }

    private static double maxDeviation(Roi roi, Margins m, OutputPlanes planes, String label) {
        List<Contour> out = StructureMargins.apply(new RoiSlabs(roi, 2.5), m, planes, ProgressMonitor.NONE);
        return deviation(out, roi, m, planes, label);
    }

    /**
     * The largest |vertex radius - true radius| over all output contours; asserts one contour on each plane with a
     * true radius above 0.5 mm and none where there is none.
     */
    private static double deviation(List<Contour> out, Roi roi, Margins m, OutputPlanes planes, String label) {
        double[] zc = roi.contours().stream().mapToDouble(c -> c.pointsMm().get(0).z()).sorted().toArray();
        double[] rc = new double[zc.length];
        for (Contour c : roi.contours()) {
            Vector3 p = c.pointsMm().get(0);
            int k = java.util.Arrays.binarySearch(zc, p.z());
            rc[k] = Math.hypot(p.x() - CX, p.y() - CY) / scale();
        }
        TreeMap<Double, List<Contour>> byPlane = byPlane(out);
        double worst = 0, worstZ = Double.NaN, endWorst = 0;
        for (double z : planes.zMm()) {
            double truth = trueRadius(zc, rc, m, z);
            List<Contour> cs = byPlane.getOrDefault(z, List.of());
            if (Double.isNaN(truth) || truth < 0.5) {
                if (Double.isNaN(truth)) {
                    assertEquals(0, cs.size(), label + ": no contour expected on z = " + z);
                }
                continue;
            }
            assertEquals(1, cs.size(), label + ": one contour expected on z = " + z + " (radius " + truth + ")");
            double planeWorst = 0;
            for (Vector3 p : cs.get(0).pointsMm()) {
                planeWorst = Math.max(planeWorst, Math.abs(Math.hypot(p.x() - CX, p.y() - CY) - truth));
            }
            if (planeWorst > worst) {
                worst = planeWorst;
                worstZ = z;
            }
            if (z <= zc[0] + 1e-6 || z >= zc[zc.length - 1] - 1e-6) {
                endWorst = Math.max(endWorst, planeWorst);
            }
        }
        System.out.printf("%s: max deviation %.4f mm (at z = %.2f), %.4f mm on and beyond the end planes%n", label,
                worst, worstZ, endWorst);
        return worst;
    }

    private static double scale() {
        int n = ContourPhantoms.POINTS_PER_CIRCLE;
        return Math.sqrt(2 * Math.PI / n / Math.sin(2 * Math.PI / n));
    }

    /**
     * The radius of the margin's result on plane z (NaN: empty): for an expansion the largest, for a contraction
     * the smallest over the source heights the ellipsoid reaches of R(h) ± M rho(z - h).
     */
    private static double trueRadius(double[] zc, double[] rc, Margins margins, double z) {
        boolean contract = margins.rightMm() < 0 || margins.inferiorMm() < 0 || margins.superiorMm() < 0;
        double mm = Math.abs(margins.rightMm()), inf = Math.abs(margins.inferiorMm()), sup = Math.abs(margins.superiorMm());
        double first = zc[0], last = zc[zc.length - 1];
        if (contract) {
            // the ellipsoid at z reaches sources from z - inf to z + sup; all of it must lie in the structure
            if (z - inf < first - 1e-9 || z + sup > last + 1e-9) {
                return Double.NaN;
            }
            double best = Double.POSITIVE_INFINITY;
            int n = 20000;
            for (int i = 0; i <= n; i++) {
                double h = z - inf + (inf + sup) * i / n;
                double w = h - z, s = w > 0 ? sup : inf;
                double rho = s == 0 ? (w == 0 ? 1 : 0) : Math.sqrt(Math.max(0, 1 - (w / s) * (w / s)));
                best = Math.min(best, profile(zc, rc, Math.max(first, Math.min(last, h))) - mm * rho);
            }
            return best > 0 ? best : Double.NaN;
        }
        double lo = Math.max(first, z - sup), hi = Math.min(last, z + inf); // w = z - h > 0: superior side
        if (lo > hi + 1e-9) {
            return Double.NaN;
        }
        hi = Math.max(lo, hi);
        double best = Double.NEGATIVE_INFINITY;
        int n = 20000;
        for (int i = 0; i <= n; i++) {
            double h = lo + (hi - lo) * i / n;
            double w = z - h, s = w > 0 ? sup : inf;
            double rho = s == 0 ? (Math.abs(w) < 1e-9 ? 1 : Double.NaN)
                    : Math.sqrt(Math.max(0, 1 - (w / s) * (w / s)));
            if (!Double.isNaN(rho)) {
                best = Math.max(best, profile(zc, rc, h) + mm * rho);
            }
        }
        return best == Double.NEGATIVE_INFINITY ? Double.NaN : best;
    }

    /** The contoured radius at height h: the monotone cubic (Fritsch-Carlson, central slopes) of the radii. */
    private static double profile(double[] zc, double[] rc, double h) {
        int n = zc.length;
        if (n == 1) {
            return rc[0];
        }
        int i = 0;
        while (i < n - 2 && h > zc[i + 1]) {
            i++;
        }
        double t = (h - zc[i]) / (zc[i + 1] - zc[i]);
        double d = rc[i + 1] - rc[i];
        double ma = i > 0 ? (rc[i + 1] - rc[i - 1]) / 2 : d, mb = i + 2 < n ? (rc[i + 2] - rc[i]) / 2 : d;
        if (d == 0) {
            ma = 0;
            mb = 0;
        } else {
            double a = Math.max(0, ma / d), b = Math.max(0, mb / d);
            double r2 = a * a + b * b, tau = r2 > 9 ? 3 / Math.sqrt(r2) : 1;
            ma = tau * a * d;
            mb = tau * b * d;
        }
        double t2 = t * t, t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * rc[i] + (t3 - 2 * t2 + t) * ma + (-2 * t3 + 3 * t2) * rc[i + 1] + (t3 - t2) * mb;
    }

    private static TreeMap<Double, List<Contour>> byPlane(List<Contour> out) {
        TreeMap<Double, List<Contour>> m = new TreeMap<>();
        for (Contour c : out) {
            m.computeIfAbsent(c.pointsMm().get(0).z(), k -> new ArrayList<>()).add(c);
        }
        return m;
    }

    private static double boxGauge(double x, double y, double z, double x0, double x1, double y0, double y1, double z0,
            double z1, Margins m) {
        double vx = x - clamp(x, x0, x1), vy = y - clamp(y, y0, y1), vz = z - clamp(z, z0, z1);
        return g(vx, vx > 0 ? m.leftMm() : m.rightMm()) + g(vy, vy > 0 ? m.posteriorMm() : m.anteriorMm())
                + g(vz, vz > 0 ? m.superiorMm() : m.inferiorMm());
    }

    private static double g(double v, double semiAxis) {
        if (v == 0) {
            return 0;
        }
        return semiAxis == 0 ? Double.POSITIVE_INFINITY : (v / semiAxis) * (v / semiAxis);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
