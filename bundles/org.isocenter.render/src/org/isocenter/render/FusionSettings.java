/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

/**
 * Display of the secondary image in a fused slice: the {@link FusionMode}, the secondary's opacity (0–1, for
 * blend and colour overlay), the checkerboard tile size (mm, in the patient frame of the primary) and the
 * colour (0xRRGGBB) of the secondary in colour overlay.
 */
public record FusionSettings(FusionMode mode, double opacity, double tileMm, int overlayRgb) {

    /** Default overlay colour: orange, so that agreement with the grey primary looks warm grey. */
    public static final int ORANGE = 0xFF8C00;

    public FusionSettings {
        if (mode == null) {
            throw new IllegalArgumentException("fusion mode missing");
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be within 0..1, was " + opacity);
        }
        if (!(tileMm >= 1)) {
            throw new IllegalArgumentException("checkerboard tile must be at least 1 mm, was " + tileMm);
        }
    }

    /** 50 % blend, 20 mm tiles, orange overlay. */
    public static FusionSettings of(FusionMode mode) {
        return new FusionSettings(mode, 0.5, 20, ORANGE);
    }

    public FusionSettings withMode(FusionMode m) {
        return new FusionSettings(m, opacity, tileMm, overlayRgb);
    }

    public FusionSettings withOpacity(double o) {
        return new FusionSettings(mode, o, tileMm, overlayRgb);
    }

    public FusionSettings withTileMm(double t) {
        return new FusionSettings(mode, opacity, t, overlayRgb);
    }
}
