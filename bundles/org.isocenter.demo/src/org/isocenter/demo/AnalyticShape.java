/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;

/**
 * An analytic solid in patient LPS mm whose inside, axial cross-sections and exact volume are known: the
 * independent truth that phantom tests compare against (volumes in cm³).
 */
public sealed interface AnalyticShape permits AnalyticShape.Ellipsoid, AnalyticShape.EllipticCylinder {

    /** Whether the point (LPS mm) is inside. */
    boolean contains(double x, double y, double z);

    /** Exact volume in cm³. */
    double volumeCc();

    /** Semi-axes of the axial cross-section at {@code z} (mm), or empty when the plane misses the shape. */
    Optional<double[]> sectionRadii(double z);

    Vector3 centreMm();

    /** The axial cross-section at {@code z} as a closed polygon of {@code points} vertices, if any. */
    default Optional<Contour> axialContour(double z, int points) {
        return sectionRadii(z).map(r -> {
            List<Vector3> poly = new ArrayList<>(points);
            for (int p = 0; p < points; p++) {
                double a = 2 * Math.PI * p / points;
                poly.add(new Vector3(centreMm().x() + r[0] * Math.cos(a), centreMm().y() + r[1] * Math.sin(a), z));
            }
            return new Contour(ContourGeometry.CLOSED_PLANAR, poly);
        });
    }

    /** An axis-aligned ellipsoid with semi-axes (a, b, c) mm along x, y, z. */
    record Ellipsoid(Vector3 centreMm, double a, double b, double c) implements AnalyticShape {
        @Override
        public boolean contains(double x, double y, double z) {
            double dx = (x - centreMm.x()) / a, dy = (y - centreMm.y()) / b, dz = (z - centreMm.z()) / c;
            return dx * dx + dy * dy + dz * dz <= 1;
        }

        @Override
        public double volumeCc() {
            return 4.0 / 3.0 * Math.PI * a * b * c / 1000.0;
        }

        @Override
        public Optional<double[]> sectionRadii(double z) {
            double t = (z - centreMm.z()) / c;
            if (Math.abs(t) >= 1) {
                return Optional.empty();
            }
            double s = Math.sqrt(1 - t * t);
            return Optional.of(new double[] { a * s, b * s });
        }
    }

    /** A cylinder along z with an elliptic section of semi-axes (a, b) mm, from zMin to zMax mm. */
    record EllipticCylinder(Vector3 centreMm, double a, double b, double zMin, double zMax) implements AnalyticShape {
        @Override
        public boolean contains(double x, double y, double z) {
            if (z < zMin || z > zMax) {
                return false;
            }
            double dx = (x - centreMm.x()) / a, dy = (y - centreMm.y()) / b;
            return dx * dx + dy * dy <= 1;
        }

        @Override
        public double volumeCc() {
            return Math.PI * a * b * (zMax - zMin) / 1000.0;
        }

        @Override
        public Optional<double[]> sectionRadii(double z) {
            return z < zMin || z > zMax ? Optional.empty() : Optional.of(new double[] { a, b });
        }
    }
}
