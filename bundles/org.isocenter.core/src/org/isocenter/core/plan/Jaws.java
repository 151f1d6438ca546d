/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.plan;

/**
 * Collimator jaw positions in mm at the isocenter plane (IEC 61217 beam limiting device frame): X1/X2 and
 * Y1/Y2 edges, with X1 &lt; X2 and Y1 &lt; Y2 (X1 negative when the jaw is on the -X side of the axis).
 */
public record Jaws(double x1Mm, double x2Mm, double y1Mm, double y2Mm) {

    public Jaws {
        if (x1Mm > x2Mm || y1Mm > y2Mm) {
            throw new IllegalArgumentException("jaw positions cross: X " + x1Mm + ".." + x2Mm + ", Y " + y1Mm + ".." + y2Mm);
        }
    }

    /** Field width along X in mm. */
    public double widthXMm() {
        return x2Mm - x1Mm;
    }

    /** Field length along Y in mm. */
    public double lengthYMm() {
        return y2Mm - y1Mm;
    }
}
