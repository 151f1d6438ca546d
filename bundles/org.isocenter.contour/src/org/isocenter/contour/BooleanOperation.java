/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour;

import java.util.Locale;

/** How two structures combine, plane by plane (the result's region in patient LPS mm). */
public enum BooleanOperation {
    /** Inside A or B. */
    UNION,
    /** Inside A and B. */
    INTERSECTION,
    /** Inside A but not B. */
    SUBTRACTION,
    /** Inside exactly one of A and B. */
    XOR;

    /** Parses "union", "intersection" (or "and"), "subtraction" (or "minus"), "xor". */
    public static BooleanOperation parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "union", "or" -> UNION;
        case "intersection", "and" -> INTERSECTION;
        case "subtraction", "subtract", "minus", "sub" -> SUBTRACTION;
        case "xor" -> XOR;
        default -> throw new IllegalArgumentException(
                "unknown boolean operation '" + text + "': union, intersection, subtraction or xor");
        };
    }
}
