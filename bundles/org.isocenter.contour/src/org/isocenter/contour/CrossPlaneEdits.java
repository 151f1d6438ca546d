/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Hand edits drawn on a sagittal or coronal view, turned into the structure's axial contours on the image's slices
 * (an RT Structure Set stores axial contours only). Three edits:
 * <ul>
 * <li>a 3D brush: the drag path swept by a sphere of the brush radius, added or removed on every axial slice the
 * sphere crosses (the slice of the sphere through each slice is exact: the union of discs of radius √(r² − dz²)
 * along the path, taken as the convex hull per path segment);</li>
 * <li>an outline (freehand or polygon) drawn in the view's plane, made a slab of the given depth across that plane:
 * on each axial slice, the outline's chords at that height become rectangles of that depth;</li>
 * <li>a move of the whole structure: in plane by any amount, along z by whole slices so that contours stay on the
 * image's slices.</li>
 * </ul>
 * Patient LPS mm throughout; {@code sliceZsMm} are the z of the image's axial slices (increasing). Contours on slices
 * an edit does not reach are kept as they are. Every method returns a new {@link Roi}.
 */
public final class CrossPlaneEdits {

    /** The non-axial view an outline was drawn on: sagittal (x fixed; in plane y and z) or coronal (y fixed; x, z). */
    public enum View {
        SAGITTAL, CORONAL
    }

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private CrossPlaneEdits() {
    }

    /**
     * Adds the path (points in patient mm) swept by a sphere of {@code radiusMm} to every axial slice it crosses
     * (all at once; {@link SphereStroke} draws it point by point).
     */
    public static Roi paintSphere(Roi roi, double[] sliceZsMm, List<Vector3> pathMm, double radiusMm) {
        SphereStroke stroke = SphereStroke.paint(roi, sliceZsMm, radiusMm);
        pathMm.forEach(stroke::add);
        return stroke.result();
    }

    /** Removes the path swept by a sphere of {@code radiusMm} from every axial slice it crosses. */
    public static Roi eraseSphere(Roi roi, double[] sliceZsMm, List<Vector3> pathMm, double radiusMm) {
        SphereStroke stroke = SphereStroke.erase(roi, sliceZsMm, radiusMm);
        pathMm.forEach(stroke::add);
        return stroke.result();
    }

    /**
     * Adds the region inside a closed outline drawn on a sagittal or coronal plane as a slab {@code depthMm} thick
     * centred on that plane ({@code planePositionMm}: its x for sagittal, y for coronal). The outline's points are
     * patient mm; their coordinate across the plane is ignored.
     */
    public static Roi addSlab(Roi roi, double[] sliceZsMm, View view, double planePositionMm, double depthMm,
            List<Vector3> outlineMm) {
        return SliceEdits.editPlanes(roi, slab(sliceZsMm, view, planePositionMm, depthMm, outlineMm), OverlayNG.UNION);
    }

    /** Removes the region inside a closed outline drawn on a sagittal or coronal plane as a slab of that depth. */
    public static Roi removeSlab(Roi roi, double[] sliceZsMm, View view, double planePositionMm, double depthMm,
            List<Vector3> outlineMm) {
        return SliceEdits.editPlanes(roi, slab(sliceZsMm, view, planePositionMm, depthMm, outlineMm),
                OverlayNG.DIFFERENCE);
    }

    /**
     * Moves every contour of the structure by (dx, dy) mm in plane and by {@code slices} image slices along z (a
     * contour on slice k goes to slice k + slices). Refused when a contour would leave the image's slices.
     */
    public static Roi move(Roi roi, double[] sliceZsMm, double dxMm, double dyMm, int slices) {
        List<Contour> out = new ArrayList<>(roi.contours().size());
        for (Contour c : roi.contours()) {
            List<Vector3> pts = c.pointsMm();
            double dz = 0;
            if (slices != 0 && !pts.isEmpty()) {
                int k = nearest(sliceZsMm, pts.get(0).z());
                int to = k + slices;
                if (to < 0 || to >= sliceZsMm.length) {
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                            "moving %s by %d slices takes its contour at z %.1f mm off the image", roi.name(), slices,
                            pts.get(0).z()));
                }
                dz = sliceZsMm[to] - sliceZsMm[k];
            }
            List<Vector3> moved = new ArrayList<>(pts.size());
            for (Vector3 p : pts) {
                moved.add(new Vector3(p.x() + dxMm, p.y() + dyMm, p.z() + dz));
            }
            out.add(new Contour(c.geometry(), moved));
        }
        return new Roi(roi.number(), roi.name(), roi.colorRgb(), roi.interpretedType(), out);
    }

    /** How many slices the structure can move along z (negative: inferior) and stay on the image: {min, max}. */
    public static int[] slicesFree(Roi roi, double[] sliceZsMm) {
        int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
        for (Contour c : roi.contours()) {
            if (!c.pointsMm().isEmpty()) {
                int k = nearest(sliceZsMm, c.pointsMm().get(0).z());
                lo = Math.min(lo, k);
                hi = Math.max(hi, k);
            }
        }
        if (lo == Integer.MAX_VALUE) {
            return new int[] { 0, 0 };
        }
        return new int[] { -lo, sliceZsMm.length - 1 - hi };
    }

    // ---- the shapes on each axial slice ---------------------------------------------------------------------

    /** Per slice z the outline's chords at that height as rectangles {@code depthMm} deep across the view's plane. */
    static Map<Double, Geometry> slab(double[] sliceZsMm, View view, double planePositionMm, double depthMm,
            List<Vector3> outlineMm) {
        if (!(depthMm > 0)) {
            throw new IllegalArgumentException("the slab depth must be positive, not " + depthMm + " mm");
        }
        double[] us = new double[outlineMm.size()], zs = new double[outlineMm.size()];
        double uLo = Double.POSITIVE_INFINITY, uHi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < us.length; k++) {
            Vector3 p = outlineMm.get(k);
            us[k] = view == View.SAGITTAL ? p.y() : p.x();
            zs[k] = p.z();
            uLo = Math.min(uLo, us[k]);
            uHi = Math.max(uHi, us[k]);
        }
        Geometry region = SliceEdits.outline(us, zs); // in (u, z)
        Map<Double, Geometry> out = new LinkedHashMap<>();
        if (region.isEmpty()) {
            return out;
        }
        double w0 = planePositionMm - depthMm / 2, w1 = planePositionMm + depthMm / 2;
        for (double z : sliceZsMm) {
            LineString row = FACTORY.createLineString(
                    new Coordinate[] { new Coordinate(uLo - 1, z), new Coordinate(uHi + 1, z) });
            Geometry chords = OverlayNGRobust.overlay(region, row, OverlayNG.INTERSECTION);
            List<Geometry> rects = new ArrayList<>();
            for (int i = 0; i < chords.getNumGeometries(); i++) {
                Geometry chord = chords.getGeometryN(i);
                if (!(chord instanceof LineString line) || line.getLength() <= 1e-9) {
                    continue; // a touching point has no width
                }
                Coordinate[] c = line.getCoordinates();
                double a = Math.min(c[0].x, c[c.length - 1].x), b = Math.max(c[0].x, c[c.length - 1].x);
                rects.add(view == View.SAGITTAL ? rectangle(w0, a, w1, b) : rectangle(a, w0, b, w1));
            }
            if (!rects.isEmpty()) {
                out.put(z, UnaryUnionOp.union(rects));
            }
        }
        return out;
    }

    private static Geometry rectangle(double x0, double y0, double x1, double y1) {
        return FACTORY.createPolygon(new Coordinate[] { new Coordinate(x0, y0), new Coordinate(x1, y0),
                new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0) });
    }

    private static int nearest(double[] zs, double z) {
        int best = 0;
        for (int k = 1; k < zs.length; k++) {
            if (Math.abs(zs[k] - z) < Math.abs(zs[best] - z)) {
                best = k;
            }
        }
        return best;
    }
}
