/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

/**
 * A scale bar for a slice view: a round length (1, 2 or 5 × 10ⁿ mm) whose on-screen length is as long as
 * possible without exceeding {@code maxFraction} of the view width, its length in pixels and its label
 * ("5 cm", "2 mm").
 */
public record ScaleBar(double lengthMm, int lengthPx, String label) {

    /** The scale bar of a viewport (mm per pixel) that fits in {@code maxPx} pixels. */
    public static ScaleBar fitting(double mmPerPixel, int maxPx) {
        double maxMm = maxPx * mmPerPixel;
        double best = 1;
        for (double decade = 0.01; decade <= 1e5; decade *= 10) {
            for (double m : new double[] { 1, 2, 5 }) {
                if (m * decade <= maxMm + 1e-9) {
                    best = m * decade;
                }
            }
        }
        String label = best >= 10 && Math.abs(best / 10 - Math.rint(best / 10)) < 1e-9
                ? format(best / 10) + " cm" : format(best) + " mm";
        return new ScaleBar(best, (int) Math.round(best / mmPerPixel), label);
    }

    private static String format(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : Double.toString(v);
    }
}
