/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.isocenter.core.geometry.Vector3;

/**
 * A structure's closed planar axial contours grouped by slice (patient z, mm), ready for fast cross-sections:
 * contour k covers the slab {@code z_k ± thickness/2}, the thickness being the ROI's typical contour spacing
 * (median gap), or the given fallback when the ROI has a single contoured slice. Several contours on one slice
 * combine by the even-odd rule, so holes (inner contours) stay empty. Non-axial contours are left out and
 * counted in {@link #skippedContours()}. Shared by the slice views, the structure rasterizers and the contour
 * geometry so that every consumer reads a structure the same way (the DICOM slab convention). Coordinates are
 * patient LPS mm.
 */
public final class RoiSlabs {

    private final Roi roi;
    private final double[] z;
    private final double[][][] xs; // [slab][polygon][point]
    private final double[][][] ys;
    private final double halfThickness;
    private final int skipped;

    public RoiSlabs(Roi roi, double fallbackThicknessMm) {
        this.roi = roi;
        List<double[]> zAndIndex = new ArrayList<>();
        List<Contour> planar = new ArrayList<>();
        int skip = 0;
        for (Contour c : roi.contours()) {
            if (c.geometry() != ContourGeometry.CLOSED_PLANAR || c.pointsMm().size() < 3 || !isAxial(c)) {
                skip++;
                continue;
            }
            zAndIndex.add(new double[] { c.pointsMm().get(0).z(), planar.size() });
            planar.add(c);
        }
        skipped = skip;
        zAndIndex.sort((a, b) -> Double.compare(a[0], b[0]));
        List<Double> slabZ = new ArrayList<>();
        List<List<Contour>> slabContours = new ArrayList<>();
        for (double[] e : zAndIndex) {
            if (slabZ.isEmpty() || e[0] - slabZ.get(slabZ.size() - 1) > 0.01) {
                slabZ.add(e[0]);
                slabContours.add(new ArrayList<>());
            }
            slabContours.get(slabContours.size() - 1).add(planar.get((int) e[1]));
        }
        z = slabZ.stream().mapToDouble(Double::doubleValue).toArray();
        xs = new double[z.length][][];
        ys = new double[z.length][][];
        for (int s = 0; s < z.length; s++) {
            List<Contour> cs = slabContours.get(s);
            xs[s] = new double[cs.size()][];
            ys[s] = new double[cs.size()][];
            for (int c = 0; c < cs.size(); c++) {
                List<Vector3> pts = cs.get(c).pointsMm();
                xs[s][c] = pts.stream().mapToDouble(Vector3::x).toArray();
                ys[s][c] = pts.stream().mapToDouble(Vector3::y).toArray();
            }
        }
        double thickness = fallbackThicknessMm;
        if (z.length > 1) {
            double[] gaps = new double[z.length - 1];
            for (int i = 0; i < gaps.length; i++) {
                gaps[i] = z[i + 1] - z[i];
            }
            Arrays.sort(gaps);
            thickness = gaps[gaps.length / 2];
        }
        halfThickness = thickness / 2;
    }

    private RoiSlabs(RoiSlabs other, double halfThicknessMm) {
        roi = other.roi;
        z = other.z;
        xs = other.xs;
        ys = other.ys;
        skipped = other.skipped;
        halfThickness = halfThicknessMm;
    }

    /**
     * A structure as drawn on an image: when the image is axial and every contour lies on one of its slices, each
     * contour covers its own slice only (thickness = the slice spacing), so a structure drawn on slices 10 and 20
     * shows, and has the volume of, those two slices until the slices between are contoured (interpolated); other
     * structures (contours off the image's slices, or a non-axial image) keep the median-spacing convention.
     * Structures contoured on every slice read the same either way.
     */
    public static RoiSlabs onImage(Roi roi, org.isocenter.core.geometry.VolumeGeometry image) {
        boolean axial = Math.abs(image.sliceDirection().z()) > 0.9;
        double spacing = image.spacingZMm();
        RoiSlabs slabs = new RoiSlabs(roi, axial ? spacing : 2.5);
        if (!axial || slabs.z.length < 2 || 2 * slabs.halfThickness <= spacing + 1e-6) {
            return slabs;
        }
        Vector3 origin = image.originMm();
        for (double zk : slabs.z) {
            double k = image.patientToIndex(new Vector3(origin.x(), origin.y(), zk)).z();
            if (Math.abs(k - Math.rint(k)) * spacing > 0.01 || k < -0.5 || k > image.sizeZ() - 0.5) {
                return slabs;
            }
        }
        return new RoiSlabs(slabs, spacing / 2);
    }

    private static boolean isAxial(Contour c) {
        double z0 = c.pointsMm().get(0).z();
        for (Vector3 p : c.pointsMm()) {
            if (Math.abs(p.z() - z0) > 0.01) {
                return false;
            }
        }
        return true;
    }

    public Roi roi() {
        return roi;
    }

    /** Number of contoured slices (slabs), sorted by increasing z. */
    public int slabCount() {
        return z.length;
    }

    /** Patient z (mm) of slab {@code s}'s contours. */
    public double slabZMm(int s) {
        return z[s];
    }

    /** Half the slab thickness (mm): each slab covers {@code z ± halfThickness}. */
    public double halfThicknessMm() {
        return halfThickness;
    }

    /** The x coordinates (mm) of slab {@code s}'s polygons, one array per polygon (shared: do not modify). */
    public double[][] polygonsX(int s) {
        return xs[s];
    }

    /** The y coordinates (mm) of slab {@code s}'s polygons, one array per polygon (shared: do not modify). */
    public double[][] polygonsY(int s) {
        return ys[s];
    }

    /**
     * Whether the axial point (x, y) lies inside slab {@code s} by the even-odd rule over its polygons.
     */
    public boolean contains(int s, double x, double y) {
        boolean inside = false;
        for (int p = 0; p < xs[s].length; p++) {
            double[] px = xs[s][p], py = ys[s][p];
            for (int a = 0, b = px.length - 1; a < px.length; b = a++) {
                if ((py[a] <= y && y < py[b]) || (py[b] <= y && y < py[a])) {
                    double xc = px[a] + (y - py[a]) * (px[b] - px[a]) / (py[b] - py[a]);
                    if (x < xc) {
                        inside = !inside;
                    }
                }
            }
        }
        return inside;
    }

    public int skippedContours() {
        return skipped;
    }

    /** Index of the slab containing patient z (mm), or -1. A point exactly between two slabs goes to the upper. */
    public int slabAt(double zMm) {
        int i = Arrays.binarySearch(z, zMm);
        if (i >= 0) {
            return i;
        }
        int above = -i - 1, below = above - 1;
        int nearest = below < 0 ? above : above >= z.length ? below : zMm - z[below] < z[above] - zMm ? below : above;
        return nearest >= 0 && nearest < z.length && Math.abs(zMm - z[nearest]) <= halfThickness + 1e-6 ? nearest : -1;
    }

    /**
     * The crossings of slab {@code s}'s contours with the line {@code y = c} (when {@code alongX}, positions
     * along x) or {@code x = c} (positions along y), sorted, into {@code out}; returns their count (even).
     * Edges are half-open in the fixed coordinate so that a vertex on the line counts once.
     */
    public int crossings(int s, boolean alongX, double c, double[] out) {
        double[][] u = alongX ? xs[s] : ys[s];
        double[][] v = alongX ? ys[s] : xs[s];
        int n = 0;
        for (int p = 0; p < u.length; p++) {
            double[] pu = u[p], pv = v[p];
            int m = pu.length;
            for (int a = 0, b = m - 1; a < m; b = a++) {
                double va = pv[a], vb = pv[b];
                if ((va <= c && c < vb) || (vb <= c && c < va)) {
                    if (n < out.length) {
                        out[n] = pu[a] + (c - va) * (pu[b] - pu[a]) / (vb - va);
                    }
                    n++;
                }
            }
        }
        n = Math.min(n, out.length) & ~1;
        Arrays.sort(out, 0, n);
        return n;
    }

    /** The largest number of contour points on one slab (the crossing buffer never needs more). */
    public int maxPointsPerSlab() {
        int max = 0;
        for (double[][] slab : xs) {
            int sum = 0;
            for (double[] poly : slab) {
                sum += poly.length;
            }
            max = Math.max(max, sum);
        }
        return max;
    }
}
