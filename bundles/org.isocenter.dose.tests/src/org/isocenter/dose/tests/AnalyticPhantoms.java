/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dose.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;

/**
 * Analytic DVH test cases in the spirit of Nelms et al. 2015 (Med. Phys. 42, 4435): spheres and cylinders contoured
 * as regular polygons on axial planes, in dose fields given by formulas (patient LPS mm, Gy), with the truth worked
 * out independently of the calculator: closed forms for the contoured (slab convention) shapes where they exist,
 * fine one- and two-dimensional quadrature of closed-form areas otherwise, and the continuous solids' closed forms
 * (spherical caps, balls) for comparison.
 */
final class AnalyticPhantoms {

    static final PatientIdentity PATIENT = new PatientIdentity("DVH-001", "ANALYTIC^DVH", "19700101", "O");
    static final String FRAME = "2.25.424242";
    /** Polygon vertices per contour. */
    static final int POINTS = 128;

    private AnalyticPhantoms() {
    }

    /** A dose field in Gy at a point in patient LPS mm. */
    interface Field {
        double dose(double x, double y, double z);
    }

    /**
     * A structure made of regular {@code points}-gons (vertices at angles 2πp/points about (cx, cy)), one per slab:
     * slab k lies at {@code z[k]} and covers z ± thickness/2; {@code radius[k]} is its circumradius.
     */
    record Shape(String name, double cx, double cy, double[] z, double[] radius, double thickness, int points) {

        Roi roi(int number) {
            List<Contour> contours = new ArrayList<>();
            for (int k = 0; k < z.length; k++) {
                List<Vector3> pts = new ArrayList<>();
                for (int p = 0; p < points; p++) {
                    double a = 2 * Math.PI * p / points;
                    pts.add(new Vector3(cx + radius[k] * Math.cos(a), cy + radius[k] * Math.sin(a), z[k]));
                }
                contours.add(new Contour(ContourGeometry.CLOSED_PLANAR, pts));
            }
            return new Roi(number, name, new int[] { 255, 0, 0 }, "PTV", contours);
        }

        /** Area (mm²) of slab k's polygon: n/2 r² sin(2π/n). */
        double area(int k) {
            return points / 2.0 * radius[k] * radius[k] * Math.sin(2 * Math.PI / points);
        }

        /** Apothem (mm) of slab k's polygon. */
        double apothem(int k) {
            return radius[k] * Math.cos(Math.PI / points);
        }

        /** Exact volume (cc) of the contoured shape under the slab convention. */
        double volumeCc() {
            double v = 0;
            for (int k = 0; k < z.length; k++) {
                v += area(k) * thickness;
            }
            return v / 1000;
        }

        /** Area (mm²) of slab k's polygon within distance q of its centre (disk minus the segments beyond the edges). */
        double areaWithin(int k, double q) {
            double a = apothem(k);
            if (q <= a) {
                return Math.PI * q * q;
            }
            if (q >= radius[k]) {
                return area(k);
            }
            return Math.PI * q * q - points * (q * q * Math.acos(a / q) - a * Math.sqrt(q * q - a * a));
        }

        /** d/dq of {@link #areaWithin}: the length of the circle of radius q inside the polygon. */
        double arcInside(int k, double q) {
            double a = apothem(k);
            if (q <= a) {
                return 2 * Math.PI * q;
            }
            if (q >= radius[k]) {
                return 0;
            }
            return 2 * Math.PI * q - 2 * points * q * Math.acos(a / q);
        }

        /** Slab k's polygon clipped to x >= x0: its area (mm²) and first moment in x (mm³). */
        double[] clippedAreaAndMoment(int k, double x0) {
            List<double[]> in = new ArrayList<>();
            for (int p = 0; p < points; p++) {
                double a = 2 * Math.PI * p / points;
                in.add(new double[] { cx + radius[k] * Math.cos(a), cy + radius[k] * Math.sin(a) });
            }
            List<double[]> out = new ArrayList<>(); // Sutherland-Hodgman against one half-plane
            for (int p = 0; p < in.size(); p++) {
                double[] cur = in.get(p), prev = in.get((p + in.size() - 1) % in.size());
                boolean curIn = cur[0] >= x0, prevIn = prev[0] >= x0;
                if (curIn != prevIn) {
                    double t = (x0 - prev[0]) / (cur[0] - prev[0]);
                    out.add(new double[] { x0, prev[1] + t * (cur[1] - prev[1]) });
                }
                if (curIn) {
                    out.add(cur);
                }
            }
            double area = 0, mx = 0;
            for (int p = 0; p < out.size(); p++) {
                double[] u = out.get(p), v = out.get((p + 1) % out.size());
                double cross = u[0] * v[1] - v[0] * u[1];
                area += cross;
                mx += (u[0] + v[0]) * cross;
            }
            double orientation = area < 0 ? -1 : 1; // counter-clockwise gives positive sums
            return new double[] { orientation * area / 2, orientation * mx / 6 };
        }
    }

    /**
     * A sphere of radius r contoured every {@code spacing} mm with slab edges at its poles (2r/spacing slabs): slab k
     * at z = cz - r + spacing/2 + k spacing, polygon circumradius sqrt(r² - (z - cz)²).
     */
    static Shape sphere(String name, Vector3 c, double r, double spacing) {
        int n = (int) Math.round(2 * r / spacing);
        if (Math.abs(n * spacing - 2 * r) > 1e-9) {
            throw new IllegalArgumentException("the slabs must tile the diameter");
        }
        double[] z = new double[n], radius = new double[n];
        for (int k = 0; k < n; k++) {
            z[k] = c.z() - r + spacing / 2 + k * spacing;
            radius[k] = Math.sqrt(r * r - (z[k] - c.z()) * (z[k] - c.z()));
        }
        return new Shape(name, c.x(), c.y(), z, radius, spacing, POINTS);
    }

    /** A cylinder along z of radius r from cz - length/2 to cz + length/2, contoured every {@code spacing} mm. */
    static Shape cylinder(String name, Vector3 c, double r, double length, double spacing) {
        int n = (int) Math.round(length / spacing);
        double[] z = new double[n], radius = new double[n];
        for (int k = 0; k < n; k++) {
            z[k] = c.z() - length / 2 + spacing / 2 + k * spacing;
            radius[k] = r;
        }
        return new Shape(name, c.x(), c.y(), z, radius, spacing, POINTS);
    }

    static StructureSet structureSet(Roi... rois) {
        return new StructureSet("ANALYTIC", PATIENT, FRAME, "2.25.5150", List.of(rois));
    }

    /**
     * An axial dose grid of {@code spacing} mm covering the cube of half-side {@code halfMm} about {@code centre},
     * its voxel centres shifted off the centre by (0.37, -0.61, 0.23) voxels so that nothing lines up by chance.
     */
    static VolumeGeometry gridAround(Vector3 centre, double halfMm, double spacing) {
        int n = (int) Math.ceil(2 * halfMm / spacing) + 1;
        Vector3 origin = centre.minus(new Vector3(1, 1, 1).times((n - 1) / 2.0 * spacing))
                .plus(new Vector3(0.37, -0.61, 0.23).times(spacing));
        return VolumeGeometry.axial(n, n, n, spacing, spacing, spacing, origin);
    }

    /** The field sampled at the voxel centres of {@code g}, in Gy, for the test patient and frame. */
    static DoseGrid dose(VolumeGeometry g, Field f) {
        return dose(g, f, "GY", PATIENT, FRAME);
    }

    static DoseGrid dose(VolumeGeometry g, Field f, String units, PatientIdentity patient, String frame) {
        float[] d = new float[g.voxelCount()];
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    Vector3 p = g.indexToPatient(i, j, k);
                    d[g.linearIndex(i, j, k)] = (float) f.dose(p.x(), p.y(), p.z());
                }
            }
        }
        return new DoseGrid(g, d, units, "PLAN", "PHYSICAL", patient, frame, "2.25.777");
    }

    // ---- truths ---------------------------------------------------------------------------------------------------

    /** The exact DVH of a contoured shape in a field: cumulative volume, mean, extremes. */
    abstract static class Truth {
        final Shape shape;

        Truth(Shape shape) {
            this.shape = shape;
        }

        /** Volume (cc) receiving at least {@code dose}. */
        abstract double volumeAtLeastCc(double dose);

        abstract double meanDose();

        abstract double minDose();

        abstract double maxDose();

        /** D(x %) by bisection on the cumulative volume. */
        double doseAtPercent(double percent) {
            double target = percent / 100 * shape.volumeCc();
            double lo = minDose(), hi = maxDose();
            for (int i = 0; i < 80; i++) {
                double mid = 0.5 * (lo + hi);
                if (volumeAtLeastCc(mid) >= target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return 0.5 * (lo + hi);
        }
    }

    /** D = d0 + gradient × (z - z0): each slab holds its dose range uniformly. */
    static Truth linearZ(Shape s, double d0, double gradientGyPerMm, double z0) {
        return new Truth(s) {
            double dose(double z) {
                return d0 + gradientGyPerMm * (z - z0);
            }

            @Override
            double volumeAtLeastCc(double d) {
                double v = 0;
                for (int k = 0; k < s.z().length; k++) {
                    double lo = dose(s.z()[k] - s.thickness() / 2), hi = dose(s.z()[k] + s.thickness() / 2);
                    double share = Math.min(1, Math.max(0, (Math.max(lo, hi) - d) / Math.abs(hi - lo)));
                    v += s.area(k) * s.thickness() * share;
                }
                return v / 1000;
            }

            @Override
            double meanDose() {
                double sum = 0;
                for (int k = 0; k < s.z().length; k++) {
                    sum += s.area(k) * s.thickness() * dose(s.z()[k]);
                }
                return sum / 1000 / s.volumeCc();
            }

            @Override
            double minDose() {
                return Math.min(dose(s.z()[0] - s.thickness() / 2), dose(s.z()[s.z().length - 1] + s.thickness() / 2));
            }

            @Override
            double maxDose() {
                return Math.max(dose(s.z()[0] - s.thickness() / 2), dose(s.z()[s.z().length - 1] + s.thickness() / 2));
            }
        };
    }

    /** D = d0 + gradient × (x - x0), gradient > 0: the polygons clipped at the iso-dose plane. */
    static Truth linearX(Shape s, double d0, double gradientGyPerMm, double x0) {
        double rMax = java.util.Arrays.stream(s.radius()).max().orElseThrow();
        return new Truth(s) {
            @Override
            double volumeAtLeastCc(double d) {
                double xd = x0 + (d - d0) / gradientGyPerMm, v = 0;
                for (int k = 0; k < s.z().length; k++) {
                    v += s.clippedAreaAndMoment(k, xd)[0] * s.thickness();
                }
                return v / 1000;
            }

            @Override
            double meanDose() {
                double moment = 0;
                for (int k = 0; k < s.z().length; k++) {
                    moment += s.clippedAreaAndMoment(k, Double.NEGATIVE_INFINITY)[1] * s.thickness();
                }
                double meanX = moment / 1000 / s.volumeCc();
                return d0 + gradientGyPerMm * (meanX - x0);
            }

            @Override
            double minDose() {
                return d0 + gradientGyPerMm * (s.cx() - rMax - x0); // the vertex at angle π (even vertex count)
            }

            @Override
            double maxDose() {
                return d0 + gradientGyPerMm * (s.cx() + rMax - x0);
            }
        };
    }

    /**
     * A field decreasing with the distance from (cx, cy, cz) — in 3D, or in the axial plane only when
     * {@code inPlane} — about the shape's own axis: f(distance), its inverse given. Cumulative volumes by fine
     * quadrature along z of the closed-form polygon-disk areas, the mean by quadrature over z and radius.
     */
    static Truth radial(Shape s, double cz, boolean inPlane, DoubleUnaryOperator f, DoubleUnaryOperator inverse) {
        return new Truth(s) {
            static final int Z_STEPS = 2000, Q_STEPS = 400, ZM_STEPS = 200;

            @Override
            double volumeAtLeastCc(double d) {
                if (d <= minDose()) {
                    return s.volumeCc();
                }
                double rho = d >= f.applyAsDouble(0) ? 0 : inverse.applyAsDouble(d), v = 0;
                for (int k = 0; k < s.z().length; k++) {
                    final int slab = k;
                    if (inPlane) {
                        v += s.areaWithin(k, rho) * s.thickness();
                    } else {
                        v += simpson(zeta -> {
                            double q2 = rho * rho - zeta * zeta;
                            return q2 <= 0 ? 0 : s.areaWithin(slab, Math.sqrt(q2));
                        }, s.z()[k] - s.thickness() / 2 - cz, s.z()[k] + s.thickness() / 2 - cz, Z_STEPS);
                    }
                }
                return v / 1000;
            }

            @Override
            double meanDose() {
                double sum = 0;
                for (int k = 0; k < s.z().length; k++) {
                    final int slab = k;
                    double a = s.apothem(k), r = s.radius()[k];
                    DoubleUnaryOperator overSlab = zeta -> simpson(q -> f.applyAsDouble(Math.hypot(q, zeta))
                            * s.arcInside(slab, q), 0, a, Q_STEPS)
                            + simpson(q -> f.applyAsDouble(Math.hypot(q, zeta)) * s.arcInside(slab, q), a, r, Q_STEPS);
                    sum += inPlane ? overSlab.applyAsDouble(0) * s.thickness()
                            : simpson(overSlab, s.z()[k] - s.thickness() / 2 - cz, s.z()[k] + s.thickness() / 2 - cz,
                                    ZM_STEPS);
                }
                return sum / 1000 / s.volumeCc();
            }

            @Override
            double minDose() {
                double far = 0;
                for (int k = 0; k < s.z().length; k++) {
                    double dz = inPlane ? 0
                            : Math.max(Math.abs(s.z()[k] - s.thickness() / 2 - cz), Math.abs(s.z()[k] + s.thickness() / 2 - cz));
                    far = Math.max(far, Math.hypot(s.radius()[k], dz));
                }
                return f.applyAsDouble(far);
            }

            @Override
            double maxDose() {
                return f.applyAsDouble(0); // the centre is inside every case's shape
            }
        };
    }

    /**
     * A brute-force high-resolution reference on the dose grid itself: the contoured shape sampled on a regular grid
     * of {@code hMm} (centres of h × h × h cells, inside by the regular-polygon sector test, not by scanlines), the dose
     * at each sample by this class's own trilinear interpolation of the grid's voxel values, and D(x %) from a
     * histogram of 0.001 Gy bins. It isolates the DVH sampling from the dose grid's interpolation error.
     */
    static Truth gridReference(Shape s, DoseGrid dose, double hMm) {
        VolumeGeometry g = dose.geometry();
        float[] v = dose.values();
        double bin = 0.001;
        double[] hist = new double[(int) (dose.max() / bin) + 2];
        double sum = 0, count = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        double sector = 2 * Math.PI / s.points();
        for (int k = 0; k < s.z().length; k++) {
            double r = s.radius()[k], apothem = s.apothem(k);
            int nz = (int) Math.round(s.thickness() / hMm), nxy = (int) Math.ceil(r / hMm);
            for (int c = 0; c < nz; c++) {
                double z = s.z()[k] - s.thickness() / 2 + (c + 0.5) * s.thickness() / nz;
                double fk = (z - g.originMm().z()) / g.spacingZMm();
                for (int b = -nxy; b < nxy; b++) {
                    double dy = (b + 0.5) * hMm;
                    for (int a = -nxy; a < nxy; a++) {
                        double dx = (a + 0.5) * hMm;
                        double theta = Math.atan2(dy, dx);
                        if (theta < 0) {
                            theta += 2 * Math.PI;
                        }
                        double normal = (Math.floor(theta / sector) + 0.5) * sector;
                        if (Math.hypot(dx, dy) * Math.cos(theta - normal) > apothem) {
                            continue;
                        }
                        double fi = (s.cx() + dx - g.originMm().x()) / g.spacingXMm();
                        double fj = (s.cy() + dy - g.originMm().y()) / g.spacingYMm();
                        double d = trilinear(v, g.sizeX(), g.sizeY(), fi, fj, fk);
                        hist[(int) (d / bin)]++;
                        sum += d;
                        count++;
                        min = Math.min(min, d);
                        max = Math.max(max, d);
                    }
                }
            }
        }
        double cellCc = s.volumeCc() / count; // the shape's exact volume shared out over the samples
        double mean = sum / count, lowest = min, highest = max;
        double[] above = new double[hist.length + 1];
        for (int b = hist.length - 1; b >= 0; b--) {
            above[b] = above[b + 1] + hist[b] * cellCc;
        }
        return new Truth(s) {
            @Override
            double volumeAtLeastCc(double d) {
                double e = Math.max(0, d / bin);
                int b = (int) e;
                return b >= hist.length ? 0 : above[b] - (e - b) * hist[b] * cellCc;
            }

            @Override
            double meanDose() {
                return mean;
            }

            @Override
            double minDose() {
                return lowest;
            }

            @Override
            double maxDose() {
                return highest;
            }
        };
    }

    /** Trilinear interpolation at a continuous index inside an axial grid of x-fastest values. */
    private static double trilinear(float[] v, int nx, int ny, double fi, double fj, double fk) {
        int i = (int) Math.floor(fi), j = (int) Math.floor(fj), k = (int) Math.floor(fk);
        double u = fi - i, w = fj - j, t = fk - k, d = 0;
        for (int c = 0; c < 8; c++) {
            int di = c & 1, dj = (c >> 1) & 1, dk = c >> 2;
            d += v[((k + dk) * ny + j + dj) * nx + i + di] * (di == 1 ? u : 1 - u) * (dj == 1 ? w : 1 - w)
                    * (dk == 1 ? t : 1 - t);
        }
        return d;
    }

    /** Composite Simpson's rule with {@code n} (made even) intervals. */
    static double simpson(DoubleUnaryOperator g, double a, double b, int n) {
        n += n % 2;
        double h = (b - a) / n, sum = g.applyAsDouble(a) + g.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * g.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }

    // ---- the continuous solids (not contoured), for comparison ------------------------------------------------------

    /** Volume (cc) of a ball of radius r above the plane at height h from its bottom: the spherical cap. */
    static double sphericalCapCc(double r, double h) {
        h = Math.min(Math.max(h, 0), 2 * r);
        return Math.PI * h * h * (3 * r - h) / 3 / 1000;
    }
}
