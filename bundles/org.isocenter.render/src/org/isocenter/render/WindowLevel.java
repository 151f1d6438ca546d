package org.isocenter.render;

/**
 * A display window in the image's physical unit (HU for CT): values at or below {@code centre - width/2}
 * are black, at or above {@code centre + width/2} white, linear in between (DICOM PS3.3 C.11.2.1.2 uses a
 * slightly different half-voxel convention; the difference is below one grey level).
 */
public record WindowLevel(String name, double centre, double width) {

    public static final WindowLevel SOFT_TISSUE = new WindowLevel("Soft tissue", 40, 400);
    public static final WindowLevel LUNG = new WindowLevel("Lung", -600, 1500);
    public static final WindowLevel BONE = new WindowLevel("Bone", 400, 1800);
    public static final WindowLevel BRAIN = new WindowLevel("Brain", 40, 80);

    public WindowLevel {
        if (!(width >= 1)) {
            throw new IllegalArgumentException("window width must be at least 1, was " + width);
        }
    }

    /** The presets offered in viewers. */
    public static WindowLevel[] presets() {
        return new WindowLevel[] { SOFT_TISSUE, LUNG, BONE, BRAIN };
    }

    /** Grey level 0..255 of a physical value. */
    public int grey(double value) {
        double g = (value - (centre - width / 2)) / width * 255.0;
        return g <= 0 ? 0 : g >= 255 ? 255 : (int) Math.round(g);
    }

    /**
     * A lookup table from stored 16-bit values (index = stored + 32768) to opaque ARGB grey, so that the hot
     * rendering loop does one array read per pixel.
     */
    public int[] storedToArgb(double rescaleSlope, double rescaleIntercept) {
        int[] lut = new int[65536];
        for (int s = 0; s < 65536; s++) {
            int g = grey((s - 32768) * rescaleSlope + rescaleIntercept);
            lut[s] = 0xFF000000 | g << 16 | g << 8 | g;
        }
        return lut;
    }
}
