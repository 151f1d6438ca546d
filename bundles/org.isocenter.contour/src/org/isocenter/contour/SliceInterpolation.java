/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.contour.internal.EdgeRoots;
import org.isocenter.contour.internal.EllipsoidMetric;
import org.isocenter.contour.internal.MarchingSquares;
import org.isocenter.contour.internal.PlaneGrid;
import org.isocenter.contour.internal.SlabBounds;
import org.isocenter.contour.internal.SlabField;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.RoiSlabs;

/**
 * Fills the planes between non-adjacent drawn slices by shape-based interpolation: on a plane a fraction t of the
 * way from slice A to slice B the contour is the zero level of {@code (1 - t) dA + t dB}, with dA and dB the exact
 * signed Euclidean distances (mm) to the drawn outlines. A shape that moves, grows or changes between the drawn
 * slices is followed smoothly; the drawn contours are kept as drawn. Patient LPS mm.
 */
public final class SliceInterpolation {

    /** Distances beyond this (mm) are clamped; drawn slices further apart in plane than this are not bridged well. */
    private static final double CLAMP_MM = 80;

    private SliceInterpolation() {
    }

    /**
     * The drawn contours plus interpolated ones on every plane of {@code planes} that lies strictly between two
     * consecutive drawn slices and has no contour of its own.
     */
    public static List<Contour> fillGaps(RoiSlabs drawn, OutputPlanes planes) {
        List<Contour> out = new ArrayList<>();
        for (int s = 0; s < drawn.slabCount(); s++) {
            double[][] xs = drawn.polygonsX(s), ys = drawn.polygonsY(s);
            for (int p = 0; p < xs.length; p++) {
                out.add(StructureMargins.contour(xs[p], ys[p], drawn.slabZMm(s)));
            }
        }
        EllipsoidMetric euclidean = new EllipsoidMetric(Margins.isotropic(0));
        for (int s = 0; s + 1 < drawn.slabCount(); s++) {
            double za = drawn.slabZMm(s), zb = drawn.slabZMm(s + 1);
            List<Double> missing = new ArrayList<>();
            for (double z : planes.zMm()) {
                if (z > za + 1e-6 && z < zb - 1e-6 && Math.abs(z - za) > 1e-6) {
                    missing.add(z);
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            double step = planes.inPlaneStepMm();
            double[] box = SlabBounds.of(drawn, s, s + 1);
            PlaneGrid grid = PlaneGrid.covering(box[0] - 3 * step, box[1] + 3 * step, box[2] - 3 * step,
                    box[3] + 3 * step, step);
            SlabField a = SlabField.of(drawn, s, grid, euclidean, CLAMP_MM, false);
            SlabField b = SlabField.of(drawn, s + 1, grid, euclidean, CLAMP_MM, false);
            for (double z : missing) {
                double t = (z - za) / (zb - za);
                float[] f = new float[grid.nx() * grid.ny()];
                for (int j = 0; j < grid.ny(); j++) {
                    for (int i = 0; i < grid.nx(); i++) {
                        f[j * grid.nx() + i] = (float) ((1 - t) * a.at(i, j) + t * b.at(i, j));
                    }
                }
                MarchingSquares.EdgeRoot root = (pa, xa, ya, va, pb, xb, yb, vb) -> EdgeRoots.illinois(u -> {
                    double x = xa + u * (xb - xa), y = ya + u * (yb - ya);
                    return (1 - t) * a.valueAt(x, y) + t * b.valueAt(x, y);
                }, va, vb, 1e-3);
                for (double[][] poly : MarchingSquares.outline(f, grid, root)) {
                    out.add(StructureMargins.contour(poly[0], poly[1], z));
                }
            }
        }
        return out;
    }

}
