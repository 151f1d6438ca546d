/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

/**
 * One isodose level of a dose display: the dose (Gy, or the grid's unit), its percentage of the reference dose
 * (NaN when absolute) and its colour (0xRRGGBB). Also a legend entry.
 */
public record IsodoseLevel(double dose, double percent, int rgb) {

    /** Legend text, e.g. "74.1 Gy (95 %)". */
    public String label(String unit) {
        String d = String.format(java.util.Locale.ROOT, "%.1f %s", dose, unit);
        return Double.isNaN(percent) ? d : d + String.format(java.util.Locale.ROOT, " (%.0f %%)", percent);
    }
}
