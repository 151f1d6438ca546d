/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How dose is drawn on slices: isodose levels (ascending dose; also the legend), a colour wash in bands between
 * the levels (the colour of the highest level reached, with {@code washOpacity}) and/or isodose lines, in the
 * dose grid's unit (Gy for absolute dose).
 */
public record DoseDisplay(List<IsodoseLevel> levels, String unit, boolean wash, double washOpacity, boolean lines) {

    public DoseDisplay {
        levels = levels.stream().sorted(Comparator.comparingDouble(IsodoseLevel::dose)).toList();
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a dose display needs at least one isodose level");
        }
        if (!(washOpacity >= 0 && washOpacity <= 1)) {
            throw new IllegalArgumentException("wash opacity must be within 0..1, was " + washOpacity);
        }
    }

    /** Percentages and colours of the usual clinical isodose set. */
    private static final double[] PERCENT = { 30, 50, 70, 80, 90, 95, 100, 107 };
    private static final int[] RGB = { 0x0000C8, 0x0096FF, 0x00C8C8, 0x00C800, 0xC8C800, 0xFF9600, 0xFF0000, 0xFF00FF };

    /** The usual levels (30, 50, 70, 80, 90, 95, 100, 107 % of {@code referenceDose}), wash at 40 % and lines. */
    public static DoseDisplay relativeTo(double referenceDose, String unit) {
        if (!(referenceDose > 0)) {
            throw new IllegalArgumentException("reference dose must be positive, was " + referenceDose);
        }
        List<IsodoseLevel> levels = new ArrayList<>();
        for (int i = 0; i < PERCENT.length; i++) {
            levels.add(new IsodoseLevel(referenceDose * PERCENT[i] / 100, PERCENT[i], RGB[i]));
        }
        return new DoseDisplay(levels, unit, true, 0.4, true);
    }

    public DoseDisplay withWash(boolean w) {
        return new DoseDisplay(levels, unit, w, washOpacity, lines);
    }

    public DoseDisplay withLines(boolean l) {
        return new DoseDisplay(levels, unit, wash, washOpacity, l);
    }
}
