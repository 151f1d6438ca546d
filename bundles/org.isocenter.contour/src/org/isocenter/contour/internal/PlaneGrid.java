/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.internal;

/**
 * A regular grid of sample points in an axial plane (patient x and y, mm): point (i, j) lies at
 * {@code (x0 + i * step, y0 + j * step)}, i fastest in arrays.
 */
public record PlaneGrid(double x0Mm, double y0Mm, double stepMm, int nx, int ny) {

    public PlaneGrid {
        if (!(stepMm > 0) || nx < 2 || ny < 2) {
            throw new IllegalArgumentException("plane grid needs a positive step and at least 2x2 points");
        }
        if ((long) nx * ny > 50_000_000L) {
            throw new IllegalArgumentException("plane grid too large: " + nx + "x" + ny + " points of " + stepMm + " mm");
        }
    }

    /** The grid covering [xMin, xMax] x [yMin, yMax] (mm) with this step, the corner on a multiple of the step. */
    public static PlaneGrid covering(double xMin, double xMax, double yMin, double yMax, double stepMm) {
        double x0 = Math.floor(xMin / stepMm) * stepMm, y0 = Math.floor(yMin / stepMm) * stepMm;
        int nx = (int) Math.ceil((xMax - x0) / stepMm) + 1, ny = (int) Math.ceil((yMax - y0) / stepMm) + 1;
        return new PlaneGrid(x0, y0, stepMm, Math.max(nx, 2), Math.max(ny, 2));
    }

    public double x(int i) {
        return x0Mm + i * stepMm;
    }

    public double y(int j) {
        return y0Mm + j * stepMm;
    }

    /** Grid column at or below x (clamped to the grid). */
    public int floorI(double x) {
        return Math.max(0, Math.min(nx - 1, (int) Math.floor((x - x0Mm) / stepMm)));
    }

    /** Grid row at or below y (clamped to the grid). */
    public int floorJ(double y) {
        return Math.max(0, Math.min(ny - 1, (int) Math.floor((y - y0Mm) / stepMm)));
    }
}
