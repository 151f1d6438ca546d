/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

/**
 * How a secondary image (e.g. the daily CBCT) is shown over the primary (planning CT) in a fused slice:
 * <ul>
 * <li>{@code BLEND}: grey levels mixed with the secondary's opacity;</li>
 * <li>{@code CHECKERBOARD}: square tiles (fixed in patient mm) alternate between the two images, so edges that
 * do not continue across tile borders show a misalignment (IGRT review);</li>
 * <li>{@code COLOUR_OVERLAY}: the primary in grey, the secondary added in a colour;</li>
 * <li>{@code DIFFERENCE}: secondary minus primary in HU, mid grey where they agree, over the secondary's
 * window width.</li>
 * </ul>
 */
public enum FusionMode {
    BLEND, CHECKERBOARD, COLOUR_OVERLAY, DIFFERENCE;

    /** Display name. */
    public String label() {
        return switch (this) {
            case BLEND -> "Blend";
            case CHECKERBOARD -> "Checkerboard";
            case COLOUR_OVERLAY -> "Colour overlay";
            case DIFFERENCE -> "Difference";
        };
    }
}
