/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Boolean operations, rings and crops of contoured structures, exact on each plane: the cross-sections of both
 * structures (slab convention, even-odd rule) are combined as polygons by JTS's robust overlay, and the result's
 * outer boundaries and holes become contours again. A structure with self-intersecting contours is repaired first
 * (JTS GeometryFixer) rather than refused. Patient LPS mm.
 */
public final class StructureBooleans {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private StructureBooleans() {
    }

    /** {@code a op b} on each of the planes (a plane where the result is empty gets no contour). */
    public static List<Contour> apply(BooleanOperation op, RoiSlabs a, RoiSlabs b, OutputPlanes planes) {
        List<Contour> out = new ArrayList<>();
        for (double z : planes.zMm()) {
            Geometry ga = crossSection(a, z), gb = crossSection(b, z);
            Geometry r = OverlayNGRobust.overlay(ga, gb, code(op));
            out.addAll(contours(r, z));
        }
        return out;
    }

    /**
     * A ring around a structure: its expansion by {@code outer} minus its expansion by {@code inner} (e.g. PTV+20 mm
     * minus PTV+5 mm, a dose-fall-off control structure).
     */
    public static List<Contour> ring(RoiSlabs source, Margins inner, Margins outer, OutputPlanes planes,
            ProgressMonitor monitor) {
        RoiSlabs big = slabs(source, StructureMargins.apply(source, outer, planes, monitor), planes);
        RoiSlabs small = slabs(source, StructureMargins.apply(source, inner, planes, monitor), planes);
        return apply(BooleanOperation.SUBTRACTION, big, small, planes);
    }

    /**
     * {@code structure} cropped to stay inside {@code limit} shrunk by {@code insetMm} (e.g. a PTV kept 3 mm inside
     * the BODY outline); a zero inset crops to the limit itself.
     */
    public static List<Contour> cropInside(RoiSlabs structure, RoiSlabs limit, double insetMm, OutputPlanes planes,
            ProgressMonitor monitor) {
        if (insetMm < 0) {
            throw new IllegalArgumentException("the inset is a distance inside the limit, not " + insetMm + " mm");
        }
        RoiSlabs inside = slabs(limit, StructureMargins.apply(limit, Margins.isotropic(-insetMm), planes, monitor), planes);
        return apply(BooleanOperation.INTERSECTION, structure, inside, planes);
    }

    /** Contours read back as slabs on the planes' spacing (for chaining operations). */
    static RoiSlabs slabs(RoiSlabs like, List<Contour> contours, OutputPlanes planes) {
        Roi roi = new Roi(like.roi().number(), like.roi().name(), like.roi().colorRgb(), like.roi().interpretedType(),
                contours);
        double[] z = planes.zMm();
        double spacing = z.length > 1 ? (z[z.length - 1] - z[0]) / (z.length - 1) : 2 * like.halfThicknessMm();
        return new RoiSlabs(roi, spacing);
    }

    private static int code(BooleanOperation op) {
        return switch (op) {
        case UNION -> OverlayNG.UNION;
        case INTERSECTION -> OverlayNG.INTERSECTION;
        case SUBTRACTION -> OverlayNG.DIFFERENCE;
        case XOR -> OverlayNG.SYMDIFFERENCE;
        };
    }

    /** The structure's region on plane z as a JTS geometry (empty when the plane misses it). */
    static Geometry crossSection(RoiSlabs slabs, double z) {
        int s = slabs.slabAt(z);
        Geometry g = FACTORY.createPolygon();
        if (s < 0) {
            return g;
        }
        double[][] xs = slabs.polygonsX(s), ys = slabs.polygonsY(s);
        for (int p = 0; p < xs.length; p++) {
            int n = xs[p].length;
            Coordinate[] ring = new Coordinate[n + 1];
            for (int k = 0; k < n; k++) {
                ring[k] = new Coordinate(xs[p][k], ys[p][k]);
            }
            ring[n] = ring[0];
            Geometry poly = FACTORY.createPolygon(ring);
            if (!poly.isValid()) {
                poly = GeometryFixer.fix(poly);
            }
            g = OverlayNGRobust.overlay(g, poly, OverlayNG.SYMDIFFERENCE); // even-odd: nested contours are holes
        }
        return g;
    }

    /** Outer boundaries and holes of a polygonal geometry as closed planar contours on plane z. */
    static List<Contour> contours(Geometry g, double z) {
        List<Contour> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon poly && !poly.isEmpty()) {
                out.add(ring(poly.getExteriorRing(), z));
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    out.add(ring(poly.getInteriorRingN(h), z));
                }
            }
        }
        return out;
    }

    private static Contour ring(LinearRing ring, double z) {
        Coordinate[] c = ring.getCoordinates();
        int n = c.length - 1; // closed: last repeats first
        double[] xs = new double[n], ys = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = c[k].x;
            ys[k] = c[k].y;
        }
        return StructureMargins.contour(xs, ys, z);
    }
}
