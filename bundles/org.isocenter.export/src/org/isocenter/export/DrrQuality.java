/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.RtImage;

/**
 * Whether a rendered DRR can serve as a reference image, and how to display it. The beam's isocenter (patient LPS mm)
 * must lie inside the planning CT volume (its voxels' outer faces, {@code ctMinMm}..{@code ctMaxMm} the LPS bounding
 * box), and at least {@value #MIN_TISSUE_FRACTION} of the DRR's pixels must see tissue: a ray counts when its
 * water-equivalent path length ({@code ∫ mu dl / mu_water}, mm) is at least {@value #MIN_WATER_EQUIVALENT_MM} mm,
 * i.e. its pixel value is at least {@link #tissueThreshold}. Both are measured on the DRR's own pixels, so a receiver
 * of the file can recompute them. The display window (Window Center / Width, pixel values, VOI LUT function LINEAR)
 * spans the 1st to 99th percentile of the tissue pixels (of all pixels when none).
 */
public record DrrQuality(Vector3 isocenterMm, Vector3 ctMinMm, Vector3 ctMaxMm, boolean isocenterInsideCt,
        double tissueFraction, int tissueThreshold, double windowCenter, double windowWidth) {

    /** Water-equivalent path length (mm) from which a ray counts as having crossed tissue. */
    public static final double MIN_WATER_EQUIVALENT_MM = 10;

    /** Fraction of the DRR's pixels that must see tissue; below it the DRR is (nearly) blank. */
    public static final double MIN_TISSUE_FRACTION = 0.10;

    /** Percentiles of the tissue pixels the display window spans. */
    static final double LOW_PERCENTILE = 0.01, HIGH_PERCENTILE = 0.99;

    public DrrQuality {
        Objects.requireNonNull(isocenterMm, "isocenterMm");
        Objects.requireNonNull(ctMinMm, "ctMinMm");
        Objects.requireNonNull(ctMaxMm, "ctMaxMm");
    }

    /** The quality of {@code drr}, rendered from {@code ct} with {@code settings}. */
    public static DrrQuality of(RtImage drr, ImageVolume ct, DrrSettings settings) {
        VolumeGeometry g = ct.geometry();
        Vector3 iso = drr.isocenterMm();
        Vector3 ix = g.patientToIndex(iso);
        boolean inside = inside(ix.x(), g.sizeX()) && inside(ix.y(), g.sizeY()) && inside(ix.z(), g.sizeZ());
        double minX = Double.POSITIVE_INFINITY, minY = minX, minZ = minX, maxX = Double.NEGATIVE_INFINITY, maxY = maxX,
                maxZ = maxX;
        for (int c = 0; c < 8; c++) {
            Vector3 p = g.indexToPatient((c & 1) == 0 ? -0.5 : g.sizeX() - 0.5, (c & 2) == 0 ? -0.5 : g.sizeY() - 0.5,
                    (c & 4) == 0 ? -0.5 : g.sizeZ() - 0.5);
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            minZ = Math.min(minZ, p.z());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
            maxZ = Math.max(maxZ, p.z());
        }
        int threshold = tissueThreshold(settings);
        int[] pixels = drr.pixels();
        int[] tissue = Arrays.stream(pixels).filter(p -> p >= threshold).sorted().toArray();
        int[] windowed = tissue.length > 0 ? tissue : Arrays.stream(pixels).sorted().toArray();
        double lo = percentile(windowed, LOW_PERCENTILE), hi = percentile(windowed, HIGH_PERCENTILE);
        // LINEAR VOI (PS3.3 C.11.2.1.2.1): values c - 0.5 - (w - 1) / 2 .. c - 0.5 + (w - 1) / 2 span the grey scale
        double width = Math.max(1, hi - lo + 1);
        double center = lo + 0.5 + (width - 1) / 2;
        return new DrrQuality(iso, new Vector3(minX, minY, minZ), new Vector3(maxX, maxY, maxZ), inside,
                (double) tissue.length / pixels.length, threshold, center, width);
    }

    /** The smallest pixel value of a ray through {@value #MIN_WATER_EQUIVALENT_MM} mm of water. */
    public static int tissueThreshold(DrrSettings s) {
        return (int) Math.ceil(DrrSettings.PIXEL_SCALE * s.waterAttenuationPerMm() * MIN_WATER_EQUIVALENT_MM - 1e-9);
    }

    private static boolean inside(double index, int size) {
        return index >= -0.5 && index <= size - 0.5;
    }

    private static double percentile(int[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
    }

    /** Whether the DRR may be exported: isocenter inside the CT and enough tissue pixels. */
    public boolean acceptable() {
        return isocenterInsideCt && tissueFraction >= MIN_TISSUE_FRACTION;
    }

    /**
     * Why the DRR is not acceptable, one line naming the isocenter (LPS mm) against the CT
     * extent and the tissue fraction; empty when acceptable.
     */
    public Optional<String> problem() {
        if (acceptable()) {
            return Optional.empty();
        }
        List<String> p = new ArrayList<>();
        p.add("isocenter " + point(isocenterMm) + " LPS mm lies " + (isocenterInsideCt ? "inside" : "outside")
                + " the planning CT (x " + range(ctMinMm.x(), ctMaxMm.x()) + ", y " + range(ctMinMm.y(), ctMaxMm.y())
                + ", z " + range(ctMinMm.z(), ctMaxMm.z()) + " mm)");
        p.add(String.format(Locale.ROOT,
                "%.1f %% of the DRR pixels see >= %.0f mm water-equivalent tissue (%.0f %% needed)", 100 * tissueFraction, MIN_WATER_EQUIVALENT_MM, 100 * MIN_TISSUE_FRACTION));
        return Optional.of(String.join(", ", p));
    }

    private static String point(Vector3 v) {
        return String.format(Locale.ROOT, "(%.1f, %.1f, %.1f)", v.x(), v.y(), v.z());
    }

    private static String range(double a, double b) {
        return String.format(Locale.ROOT, "%.1f..%.1f", a, b);
    }
}
