/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.internal;

import java.util.function.DoubleUnaryOperator;

/** Root finding along a grid edge for outlines placed between samples. */
public final class EdgeRoots {

    private static final int MAX_ITERATIONS = 40;

    private EdgeRoots() {
    }

    /**
     * The t in [0, 1] where {@code g} changes from ≤ 0 to > 0 (or back), given g(0) = ga and g(1) = gb of opposite
     * classification, to within {@code tolerance} in t: regula falsi with the Illinois modification, which converges
     * fast on smooth fields and falls back to halving the bracket on steep or broken ones.
     */
    public static double illinois(DoubleUnaryOperator g, double ga, double gb, double tolerance) {
        double a = 0, b = 1, fa = ga, fb = gb;
        boolean aInside = fa <= 0;
        int side = 0;
        for (int it = 0; it < MAX_ITERATIONS && b - a > tolerance; it++) {
            double t = fa == fb ? (a + b) / 2 : (a * fb - b * fa) / (fb - fa);
            if (!(t > a && t < b)) {
                t = (a + b) / 2;
            }
            double ft = g.applyAsDouble(t);
            if ((ft <= 0) == aInside) {
                a = t;
                fa = ft;
                if (side == -1) {
                    fb /= 2;
                }
                side = -1;
            } else {
                b = t;
                fb = ft;
                if (side == 1) {
                    fa /= 2;
                }
                side = 1;
            }
        }
        return fa == fb ? (a + b) / 2 : Math.max(a, Math.min(b, (a * fb - b * fa) / (fb - fa)));
    }
}
