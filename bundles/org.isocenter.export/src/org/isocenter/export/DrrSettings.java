/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

/**
 * How digitally reconstructed radiographs are computed: the source-to-image distance (mm), the receptor size in
 * pixels and its pixel spacing at the receptor plane (mm), the linear attenuation of water (per mm; CT numbers map
 * to {@code mu = muWater * (1 + HU / 1000)}, never below 0, so air is 0) and the ray-marching step as a fraction of
 * the smallest voxel spacing (trilinear samples, at most half a voxel apart). A pixel holds
 * {@value #PIXEL_SCALE} × the line integral of mu along the ray (dimensionless), i.e. -1000 ln(I / I0).
 */
public record DrrSettings(double sourceToImageDistanceMm, int rows, int columns, double pixelSpacingMm,
        double waterAttenuationPerMm, double stepFraction) {

    /** Pixel value per unit of attenuation line integral. */
    public static final double PIXEL_SCALE = 1000;

    /** SID 1500 mm, 512 × 512 pixels of 0.8 mm at the receptor (273 mm at a 1000 mm isocenter), water 0.02 /mm, half-voxel steps. */
    public static final DrrSettings DEFAULT = new DrrSettings(1500, 512, 512, 0.8, 0.02, 0.5);

    public DrrSettings {
        if (!(sourceToImageDistanceMm > 0)) {
            throw new IllegalArgumentException("source-to-image distance must be positive (mm)");
        }
        if (rows < 1 || columns < 1 || rows > 4096 || columns > 4096) {
            throw new IllegalArgumentException("DRR size " + rows + " x " + columns + " is outside 1..4096");
        }
        if (!(pixelSpacingMm > 0)) {
            throw new IllegalArgumentException("DRR pixel spacing must be positive (mm)");
        }
        if (!(waterAttenuationPerMm > 0 && waterAttenuationPerMm < 1)) {
            throw new IllegalArgumentException("water attenuation " + waterAttenuationPerMm + " /mm is not plausible");
        }
        if (!(stepFraction > 0 && stepFraction <= 0.5)) {
            throw new IllegalArgumentException("ray step must be in (0, 0.5] of a voxel, not " + stepFraction);
        }
    }

    /** These settings with another source-to-image distance (mm). */
    public DrrSettings withSourceToImageDistanceMm(double sidMm) {
        return new DrrSettings(sidMm, rows, columns, pixelSpacingMm, waterAttenuationPerMm, stepFraction);
    }

    /** These settings with another receptor size (pixels) and spacing (mm at the receptor). */
    public DrrSettings withReceptor(int newRows, int newColumns, double spacingMm) {
        return new DrrSettings(sourceToImageDistanceMm, newRows, newColumns, spacingMm, waterAttenuationPerMm, stepFraction);
    }
}
