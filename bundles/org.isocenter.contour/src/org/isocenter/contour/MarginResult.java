/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour;

import java.util.List;
import java.util.Locale;

import org.isocenter.core.structure.Contour;

/**
 * What a margin produced ({@link StructureMargins#compute}): the contours on the output planes, and where the
 * output planes cut the result short along patient z (DICOM LPS, mm) because the image ends before the grown
 * structure does. Contours are never cut in plane.
 */
public record MarginResult(List<Contour> contours, List<Clipping> clippings) {

    public MarginResult {
        contours = List.copyOf(contours);
        clippings = List.copyOf(clippings);
    }

    /**
     * The result reaching beyond the outermost output plane on one side: it would extend to {@code reachZMm} but
     * the planes end at {@code planeZMm}, {@code cutMm} = |reach - plane| short of it (patient LPS mm; superior is
     * +z). Noted only when the cut exceeds half the planes' spacing, the thickness the outermost slice stands for.
     */
    public record Clipping(boolean superior, double reachZMm, double planeZMm, double cutMm) {

        /** "inferior" or "superior". */
        public String side() {
            return superior ? "superior" : "inferior";
        }

        /** One sentence for a user. */
        public String note() {
            return String.format(Locale.ROOT,
                    "cut %s: the result would reach z = %.1f mm, %.1f mm %s the image's %s slice (z = %.1f mm), "
                            + "where its contours end",
                    superior ? "superiorly" : "inferiorly", reachZMm, cutMm, superior ? "above" : "below",
                    superior ? "last" : "first", planeZMm);
        }
    }

    /** The clippings as sentences (empty when nothing was cut). */
    public List<String> notes() {
        return clippings.stream().map(Clipping::note).toList();
    }

    /** Whether the output planes cut the result short. */
    public boolean clipped() {
        return !clippings.isEmpty();
    }
}
