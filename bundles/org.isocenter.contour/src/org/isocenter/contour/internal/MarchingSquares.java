/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Closed polygons (patient x, y in mm) around the region where a field sampled on a {@link PlaneGrid} is ≤ 0.
 * Crossings are placed on the grid edges by linear interpolation of the field, so a field that is a distance near
 * its zero level gives sub-sample accurate outlines. Saddle cells are resolved by the mean of their four corners,
 * and the grid border is treated as outside, so every polygon closes and none crosses another. The inside lies on
 * the right of each polygon's direction (outer boundaries clockwise with x right and y up, holes counter-clockwise).
 */
public final class MarchingSquares {

    private MarchingSquares() {
    }

    /**
     * Where the zero of the field lies between two neighbouring grid points a (inside, value ≤ 0 or outside) and b
     * of opposite classification (grid indices {@code pa}, {@code pb} into the field): the fraction t in [0, 1]
     * from a to b. The default is linear interpolation.
     */
    @FunctionalInterface
    public interface EdgeRoot {
        double locate(int pa, double xa, double ya, double va, int pb, double xb, double yb, double vb);
    }

    /** Linear interpolation of the sampled values. */
    public static final EdgeRoot LINEAR = (pa, xa, ya, va, pb, xb, yb, vb) -> va == vb ? 0.5 : va / (va - vb);

    /** Polygons as {xs, ys} pairs, crossings by linear interpolation. */
    public static List<double[][]> outline(float[] f, PlaneGrid grid) {
        return outline(f, grid, LINEAR);
    }

    /** Polygons as {xs, ys} pairs. {@code f} has {@code grid.nx() * grid.ny()} values, i fastest. */
    public static List<double[][]> outline(float[] f, PlaneGrid grid, EdgeRoot root) {
        int nx = grid.nx(), ny = grid.ny();
        // segments keyed by their start edge; edges: 2*(j*nx+i) horizontal (i,j)-(i+1,j), +1 vertical (i,j)-(i,j+1)
        Map<Long, Long> next = new HashMap<>();
        for (int j = -1; j < ny; j++) {
            for (int i = -1; i < nx; i++) {
                boolean a = in(f, grid, i, j), b = in(f, grid, i + 1, j), c = in(f, grid, i + 1, j + 1), d = in(f, grid, i, j + 1);
                int code = (a ? 1 : 0) | (b ? 2 : 0) | (c ? 4 : 0) | (d ? 8 : 0);
                if (code == 0 || code == 15) {
                    continue;
                }
                long bottom = edge(i, j, false, nx), right = edge(i + 1, j, true, nx), top = edge(i, j + 1, false, nx),
                        left = edge(i, j, true, nx);
                // each boundary piece runs with the inside on its right
                switch (code) {
                case 1 -> next.put(left, bottom);
                case 2 -> next.put(bottom, right);
                case 3 -> next.put(left, right);
                case 4 -> next.put(right, top);
                case 6 -> next.put(bottom, top);
                case 7 -> next.put(left, top);
                case 8 -> next.put(top, left);
                case 9 -> next.put(top, bottom);
                case 11 -> next.put(top, right);
                case 12 -> next.put(right, left);
                case 13 -> next.put(right, bottom);
                case 14 -> next.put(bottom, left);
                case 5, 10 -> {
                    boolean centreIn = (value(f, grid, i, j) + value(f, grid, i + 1, j) + value(f, grid, i + 1, j + 1)
                            + value(f, grid, i, j + 1)) / 4 <= 0;
                    if (code == 5) { // a and c inside
                        if (centreIn) {
                            next.put(left, top);
                            next.put(right, bottom);
                        } else {
                            next.put(left, bottom);
                            next.put(right, top);
                        }
                    } else { // b and d inside
                        if (centreIn) {
                            next.put(bottom, left);
                            next.put(top, right);
                        } else {
                            next.put(bottom, right);
                            next.put(top, left);
                        }
                    }
                }
                default -> throw new IllegalStateException("marching squares case " + code);
                }
            }
        }
        List<double[][]> polygons = new ArrayList<>();
        while (!next.isEmpty()) {
            long start = next.keySet().iterator().next();
            List<double[]> pts = new ArrayList<>();
            long e = start;
            do {
                pts.add(crossing(f, grid, e, root));
                Long n = next.remove(e);
                if (n == null) {
                    throw new IllegalStateException("open outline at edge " + e);
                }
                e = n;
            } while (e != start);
            double[][] poly = dedupe(pts, grid.stepMm() * 1e-6);
            if (poly[0].length >= 3) {
                polygons.add(poly);
            }
        }
        return polygons;
    }

    private static long edge(int i, int j, boolean vertical, int nx) {
        return 2L * ((long) (j + 1) * (nx + 2) + (i + 1)) + (vertical ? 1 : 0);
    }

    private static boolean in(float[] f, PlaneGrid g, int i, int j) {
        return value(f, g, i, j) <= 0;
    }

    /** Field value; points beyond the grid are outside (positive). */
    private static double value(float[] f, PlaneGrid g, int i, int j) {
        if (i < 0 || j < 0 || i >= g.nx() || j >= g.ny()) {
            return Float.MAX_VALUE;
        }
        return f[j * g.nx() + i];
    }

    private static double[] crossing(float[] f, PlaneGrid g, long edge, EdgeRoot root) {
        boolean vertical = (edge & 1) == 1;
        long cellIndex = edge >> 1;
        int i = (int) (cellIndex % (g.nx() + 2)) - 1, j = (int) (cellIndex / (g.nx() + 2)) - 1;
        int i2 = vertical ? i : i + 1, j2 = vertical ? j + 1 : j;
        double va = value(f, g, i, j), vb = value(f, g, i2, j2);
        double t;
        if (va >= Float.MAX_VALUE / 2 || vb >= Float.MAX_VALUE / 2) {
            t = va >= Float.MAX_VALUE / 2 ? 1 : 0; // against the border: on the inside sample
        } else {
            t = root.locate(j * g.nx() + i, g.x(i), g.y(j), va, j2 * g.nx() + i2, g.x(i2), g.y(j2), vb);
        }
        t = Math.max(0, Math.min(1, t));
        return new double[] { g.x(i) + t * (g.x(i2) - g.x(i)), g.y(j) + t * (g.y(j2) - g.y(j)) };
    }

    private static double[][] dedupe(List<double[]> pts, double eps) {
        List<double[]> kept = new ArrayList<>(pts.size());
        for (double[] p : pts) {
            double[] last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last == null || Math.abs(last[0] - p[0]) > eps || Math.abs(last[1] - p[1]) > eps) {
                kept.add(p);
            }
        }
        if (kept.size() > 1) {
            double[] first = kept.get(0), last = kept.get(kept.size() - 1);
            if (Math.abs(last[0] - first[0]) <= eps && Math.abs(last[1] - first[1]) <= eps) {
                kept.remove(kept.size() - 1);
            }
        }
        double[][] out = new double[2][kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            out[0][k] = kept.get(k)[0];
            out[1][k] = kept.get(k)[1];
        }
        return out;
    }
}
