/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * A 3D brush (or eraser) stroke being drawn: a sphere of {@link #radiusMm()} swept along the points added so far,
 * applied to a structure's axial contours on the image's slices. Points come one at a time as the mouse moves; each
 * one only recomputes the few slices the new path segment reaches, so a long drag stays interactive. The section of
 * the swept sphere by a slice is exact up to its polygon: per path segment, the convex hull of the discs of radius
 * √(r² − dz²) along it (the capsule's section is convex). Patient LPS mm; not thread-safe (one stroke, one thread).
 */
public final class SphereStroke {

    /** Sphere sections sampled per path segment and slice (uniform in the polar angle: dense where the disc shrinks). */
    private static final int SPHERE_SAMPLES = 24;
    /** Points of a disc (64 per turn: the area within 0.2 % of πρ²). */
    private static final int DISC_POINTS = 64;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final Roi base;
    private final double[] sliceZsMm;
    private final double radiusMm;
    private final int op;
    private final List<Vector3> path = new ArrayList<>();
    /** Per slice reached: the swept shape so far, the structure's region before, its contours after. */
    private final Map<Double, Geometry> swept = new TreeMap<>();
    private final Map<Double, Geometry> before = new TreeMap<>();
    private final Map<Double, List<Contour>> after = new TreeMap<>();

    private SphereStroke(Roi base, double[] sliceZsMm, double radiusMm, int op) {
        if (!(radiusMm > 0)) {
            throw new IllegalArgumentException("the brush radius must be positive, not " + radiusMm + " mm");
        }
        this.base = base;
        this.sliceZsMm = sliceZsMm.clone();
        this.radiusMm = radiusMm;
        this.op = op;
    }

    /** A stroke that adds the swept sphere to {@code roi} on the slices at {@code sliceZsMm}. */
    public static SphereStroke paint(Roi roi, double[] sliceZsMm, double radiusMm) {
        return new SphereStroke(roi, sliceZsMm, radiusMm, OverlayNG.UNION);
    }

    /** A stroke that removes the swept sphere from {@code roi} on the slices at {@code sliceZsMm}. */
    public static SphereStroke erase(Roi roi, double[] sliceZsMm, double radiusMm) {
        return new SphereStroke(roi, sliceZsMm, radiusMm, OverlayNG.DIFFERENCE);
    }

    public double radiusMm() {
        return radiusMm;
    }

    /** Number of points added so far. */
    public int points() {
        return path.size();
    }

    /** Extends the stroke to p (the first point: a sphere there). */
    public SphereStroke add(Vector3 p) {
        Vector3 a = path.isEmpty() ? p : path.get(path.size() - 1);
        path.add(p);
        double lo = Math.min(a.z(), p.z()) - radiusMm, hi = Math.max(a.z(), p.z()) + radiusMm;
        for (double z : sliceZsMm) {
            if (z <= lo || z >= hi) {
                continue;
            }
            Geometry section = section(a, p, z, radiusMm);
            if (section == null) {
                continue;
            }
            Geometry sofar = swept.get(z);
            Geometry grown = sofar == null ? section : OverlayNGRobust.overlay(sofar, section, OverlayNG.UNION);
            swept.put(z, grown);
            Geometry region = before.computeIfAbsent(z, k -> SliceEdits.region(base, k));
            after.put(z, StructureBooleans.contours(OverlayNGRobust.overlay(region, grown, op), z));
        }
        return this;
    }

    /** The structure with the stroke so far applied (the base structure before the first point). */
    public Roi result() {
        if (after.isEmpty()) {
            return base;
        }
        List<Contour> out = new ArrayList<>();
        for (Contour c : base.contours()) {
            if (after.keySet().stream().noneMatch(z -> SliceEdits.onPlane(c, z))) {
                out.add(c);
            }
        }
        after.values().forEach(out::addAll);
        return new Roi(base.number(), base.name(), base.colorRgb(), base.interpretedType(), out);
    }

    /** The section by plane z of the capsule around segment a–b (a point when a = b), or null when it misses. */
    static Geometry section(Vector3 a, Vector3 b, double z, double r) {
        double za = a.z() - z, dz = b.z() - a.z();
        List<Coordinate> pts = new ArrayList<>();
        if (Math.abs(dz) < 1e-9) {
            if (Math.abs(za) < r) {
                double rho = Math.sqrt(r * r - za * za);
                disc(pts, a.x(), a.y(), rho);
                disc(pts, b.x(), b.y(), rho);
            }
        } else {
            if (Math.abs(za) >= r && Math.abs(za + dz) >= r && Math.signum(za) == Math.signum(za + dz)) {
                return null; // the segment stays farther than r above or below the plane
            }
            // height of the segment's point over the plane: h(t) = za + t dz = r sin(theta); sample theta uniformly
            double thetaA = Math.asin(Math.max(-1, Math.min(1, za / r)));
            double thetaB = Math.asin(Math.max(-1, Math.min(1, (za + dz) / r)));
            for (int s = 0; s <= SPHERE_SAMPLES; s++) {
                double theta = thetaA + (thetaB - thetaA) * s / SPHERE_SAMPLES;
                double t = (r * Math.sin(theta) - za) / dz;
                double rho = r * Math.cos(theta);
                if (t < -1e-12 || t > 1 + 1e-12 || rho <= 1e-9) {
                    continue;
                }
                disc(pts, a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()), rho);
            }
        }
        if (pts.size() < 3) {
            return null;
        }
        return FACTORY.createMultiPointFromCoords(pts.toArray(Coordinate[]::new)).convexHull();
    }

    private static void disc(List<Coordinate> pts, double cx, double cy, double rho) {
        for (int k = 0; k < DISC_POINTS; k++) {
            double angle = 2 * Math.PI * k / DISC_POINTS;
            pts.add(new Coordinate(cx + rho * Math.cos(angle), cy + rho * Math.sin(angle)));
        }
    }
}
