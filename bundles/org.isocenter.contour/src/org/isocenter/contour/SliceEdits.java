/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Hand edits of one axial plane of a structure, as a contouring tool makes them: paint or erase a brush stroke (the
 * polyline swept by a disc), add or remove a closed outline (freehand or polygon), move the plane's contours, clear
 * the plane. The plane's region is its closed planar contours lying on {@code zMm} (within
 * {@link #PLANE_TOLERANCE_MM}) combined by the even-odd rule; the edit is an exact polygon overlay (JTS), and the
 * result's outer boundaries and holes replace those contours. Contours on other planes, and open or point contours,
 * are kept as they are. Every method returns a new {@link Roi} (same number, name, colour, type). Patient LPS mm.
 */
public final class SliceEdits {

    /** Contours whose points lie this close (mm) to the edited plane's z belong to it. */
    public static final double PLANE_TOLERANCE_MM = 0.01;

    /** Segments per quarter circle of a brush disc (64 per circle: area within 0.2 % of πr²). */
    private static final int QUADRANT_SEGMENTS = 16;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private SliceEdits() {
    }

    /** Adds the stroke through the points (x, y mm) swept by a disc of {@code radiusMm} to plane z. */
    public static Roi paint(Roi roi, double zMm, double[] xsMm, double[] ysMm, double radiusMm) {
        return edit(roi, zMm, stroke(xsMm, ysMm, radiusMm), OverlayNG.UNION);
    }

    /** Removes the stroke through the points (x, y mm) swept by a disc of {@code radiusMm} from plane z. */
    public static Roi erase(Roi roi, double zMm, double[] xsMm, double[] ysMm, double radiusMm) {
        return edit(roi, zMm, stroke(xsMm, ysMm, radiusMm), OverlayNG.DIFFERENCE);
    }

    /**
     * Adds the region inside the closed outline through the points (the last joins the first) to plane z. A
     * self-crossing outline is repaired (its loops count by the even-odd rule) rather than refused.
     */
    public static Roi addOutline(Roi roi, double zMm, double[] xsMm, double[] ysMm) {
        return edit(roi, zMm, outline(xsMm, ysMm), OverlayNG.UNION);
    }

    /** Removes the region inside the closed outline through the points from plane z. */
    public static Roi removeOutline(Roi roi, double zMm, double[] xsMm, double[] ysMm) {
        return edit(roi, zMm, outline(xsMm, ysMm), OverlayNG.DIFFERENCE);
    }

    /** Moves the contours of plane z by (dx, dy) mm in the plane; other planes stay. */
    public static Roi move(Roi roi, double zMm, double dxMm, double dyMm) {
        List<Contour> out = new ArrayList<>();
        for (Contour c : roi.contours()) {
            if (onPlane(c, zMm)) {
                List<Vector3> moved = new ArrayList<>(c.pointsMm().size());
                for (Vector3 p : c.pointsMm()) {
                    moved.add(new Vector3(p.x() + dxMm, p.y() + dyMm, p.z()));
                }
                out.add(new Contour(c.geometry(), moved));
            } else {
                out.add(c);
            }
        }
        return with(roi, out);
    }

    /** Removes every closed contour of plane z. */
    public static Roi clearPlane(Roi roi, double zMm) {
        return with(roi, roi.contours().stream().filter(c -> !onPlane(c, zMm)).toList());
    }

    /** The area (mm²) of the structure's region on plane z (even-odd rule over its closed contours there). */
    public static double areaMm2(Roi roi, double zMm) {
        return region(roi, zMm).getArea();
    }

    /** Whether the structure has a closed contour on plane z. */
    public static boolean hasPlane(Roi roi, double zMm) {
        return roi.contours().stream().anyMatch(c -> onPlane(c, zMm));
    }

    private static Roi edit(Roi roi, double zMm, Geometry shape, int op) {
        Geometry before = region(roi, zMm);
        Geometry after = OverlayNGRobust.overlay(before, shape, op);
        List<Contour> out = new ArrayList<>();
        for (Contour c : roi.contours()) {
            if (!onPlane(c, zMm)) {
                out.add(c);
            }
        }
        out.addAll(StructureBooleans.contours(after, zMm));
        return with(roi, out);
    }

    /** Applies one overlay per plane (plane z → shape) in one pass; planes not in the map keep their contours. */
    static Roi editPlanes(Roi roi, Map<Double, Geometry> shapes, int op) {
        if (shapes.isEmpty()) {
            return roi;
        }
        List<Contour> out = new ArrayList<>();
        for (Contour c : roi.contours()) {
            if (shapes.keySet().stream().noneMatch(z -> onPlane(c, z))) {
                out.add(c);
            }
        }
        for (Map.Entry<Double, Geometry> e : shapes.entrySet()) {
            Geometry after = OverlayNGRobust.overlay(region(roi, e.getKey()), e.getValue(), op);
            out.addAll(StructureBooleans.contours(after, e.getKey()));
        }
        return with(roi, out);
    }

    private static Roi with(Roi roi, List<Contour> contours) {
        return new Roi(roi.number(), roi.name(), roi.colorRgb(), roi.interpretedType(), contours);
    }

    /** A closed planar contour whose points all lie on plane z. */
    static boolean onPlane(Contour c, double zMm) {
        if (c.geometry() != ContourGeometry.CLOSED_PLANAR) {
            return false;
        }
        for (Vector3 p : c.pointsMm()) {
            if (Math.abs(p.z() - zMm) > PLANE_TOLERANCE_MM) {
                return false;
            }
        }
        return true;
    }

    /** The plane's region: its closed contours combined by the even-odd rule (holes stay empty). */
    static Geometry region(Roi roi, double zMm) {
        Geometry g = FACTORY.createPolygon();
        for (Contour c : roi.contours()) {
            if (!onPlane(c, zMm)) {
                continue;
            }
            List<Vector3> pts = c.pointsMm();
            double[] xs = new double[pts.size()], ys = new double[pts.size()];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = pts.get(k).x();
                ys[k] = pts.get(k).y();
            }
            g = OverlayNGRobust.overlay(g, outline(xs, ys), OverlayNG.SYMDIFFERENCE);
        }
        return g;
    }

    /** A valid polygonal geometry for a closed outline (repaired when it crosses itself; empty below 3 points). */
    static Geometry outline(double[] xs, double[] ys) {
        check(xs, ys);
        List<Coordinate> ring = new ArrayList<>(xs.length + 1);
        for (int k = 0; k < xs.length; k++) {
            Coordinate c = new Coordinate(xs[k], ys[k]);
            if (ring.isEmpty() || !ring.get(ring.size() - 1).equals2D(c)) {
                ring.add(c);
            }
        }
        if (ring.size() > 1 && ring.get(0).equals2D(ring.get(ring.size() - 1))) {
            ring.remove(ring.size() - 1);
        }
        if (ring.size() < 3) {
            return FACTORY.createPolygon();
        }
        ring.add(ring.get(0));
        Polygon poly = FACTORY.createPolygon(ring.toArray(Coordinate[]::new));
        return poly.isValid() ? poly : GeometryFixer.fix(poly);
    }

    /** The points' polyline (a single point: a dot) swept by a disc of the radius. */
    static Geometry stroke(double[] xs, double[] ys, double radiusMm) {
        check(xs, ys);
        if (!(radiusMm > 0)) {
            throw new IllegalArgumentException("the brush radius must be positive, not " + radiusMm + " mm");
        }
        if (xs.length == 0) {
            return FACTORY.createPolygon();
        }
        Coordinate[] c = new Coordinate[xs.length];
        boolean moved = false;
        for (int k = 0; k < xs.length; k++) {
            c[k] = new Coordinate(xs[k], ys[k]);
            moved |= k > 0 && !c[k].equals2D(c[0]);
        }
        Geometry path = moved ? FACTORY.createLineString(c) : FACTORY.createPoint(c[0]);
        BufferParameters p = new BufferParameters(QUADRANT_SEGMENTS, BufferParameters.CAP_ROUND,
                BufferParameters.JOIN_ROUND, BufferParameters.DEFAULT_MITRE_LIMIT);
        return BufferOp.bufferOp(path, radiusMm, p);
    }

    private static void check(double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(xs.length + " x but " + ys.length + " y coordinates");
        }
    }
}
