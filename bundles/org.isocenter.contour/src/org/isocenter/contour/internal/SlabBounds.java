/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.internal;

import java.util.stream.IntStream;

import org.isocenter.core.structure.RoiSlabs;

/** In-plane bounding box (x min, x max, y min, y max in patient mm) of some slices of a structure. */
public final class SlabBounds {

    private SlabBounds() {
    }

    /** Over all slices. */
    public static double[] of(RoiSlabs slabs) {
        return of(slabs, IntStream.range(0, slabs.slabCount()).toArray());
    }

    /** Over the given slices. */
    public static double[] of(RoiSlabs slabs, int... slices) {
        double[] b = { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY };
        for (int s : slices) {
            double[][] xs = slabs.polygonsX(s), ys = slabs.polygonsY(s);
            for (int p = 0; p < xs.length; p++) {
                for (int k = 0; k < xs[p].length; k++) {
                    b[0] = Math.min(b[0], xs[p][k]);
                    b[1] = Math.max(b[1], xs[p][k]);
                    b[2] = Math.min(b[2], ys[p][k]);
                    b[3] = Math.max(b[3], ys[p][k]);
                }
            }
        }
        return b;
    }
}
