/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

import java.util.Arrays;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.structure.RoiSlabs;

/**
 * Renders one slice view of a {@link SliceScene} into opaque ARGB pixels: primary image (or fusion with the
 * secondary through the scene's transform), dose wash and isodose lines, structure cross-sections on any of the
 * three planes, and the isocenter marker. One renderer per view: its buffers are reused, so scrolling, panning
 * and live transform changes allocate nothing once the view has its size. Not thread-safe.
 */
public final class SliceRenderer {

    private static final int ISOCENTER_RGB = 0xFFFF00;

    private final RenderedSlice out = new RenderedSlice();
    private float[] primary = new float[0];
    private float[] secondary = new float[0];
    private float[] dose = new float[0];
    private byte[] coverage = new byte[0];
    private byte[] band = new byte[0];
    private double[] crossings = new double[64];
    private int boxMinX, boxMaxX, boxMinY, boxMaxY; // covered pixels of the last cover(), inclusive

    /**
     * Renders {@code scene} as seen through {@code viewport}. The returned slice is this renderer's buffer,
     * valid until the next call.
     */
    public RenderedSlice render(SliceScene scene, SliceViewport viewport, DisplaySettings settings) {
        int w = viewport.widthPx(), h = viewport.heightPx(), n = w * h;
        ensureCapacity(n);
        out.resize(w, h);
        out.pixelWidthMm = viewport.mmPerPixel();
        out.pixelHeightMm = viewport.mmPerPixel();
        scene.primarySampler().sample(viewport, null, settings.interpolation(), primary);
        FusionSettings fusion = scene.secondary().isPresent() ? settings.fusion() : null;
        if (fusion != null) {
            scene.secondarySampler().sample(viewport, scene.primaryToSecondary().orElseThrow(), settings.interpolation(),
                    secondary);
            compose(viewport, settings.primaryWindow(), settings.secondaryWindow(), fusion);
        } else {
            greyOnly(n, settings.primaryWindow());
        }
        if (settings.dose() != null && scene.dose().isPresent()) {
            scene.doseSampler().sample(viewport, null, Interpolation.LINEAR, dose);
            drawDose(w, h, settings.dose());
        }
        if (settings.structureStyle() != StructureStyle.HIDDEN) {
            for (RoiSlabs roi : scene.roiSlabs()) {
                if (!settings.hiddenRois().contains(roi.roi().number()) && cover(roi, viewport)) {
                    int[] c = roi.roi().colorRgb();
                    paintCoverage(w, h, c[0] << 16 | c[1] << 8 | c[2], settings.structureStyle() == StructureStyle.FILLED);
                }
            }
        }
        if (settings.showIsocenter() && scene.isocenterMm().isPresent()) {
            drawIsocenter(scene, viewport, scene.isocenterMm().get());
        }
        return out;
    }

    private void ensureCapacity(int n) {
        if (primary.length < n) {
            primary = new float[n];
            secondary = new float[n];
            dose = new float[n];
            coverage = new byte[n];
            band = new byte[n];
        }
    }

    /** Grey level 0..255 of a value in a window, -1 for no data (NaN). */
    private static int grey(float v, double low, double scale) {
        if (v != v) {
            return -1;
        }
        double g = (v - low) * scale;
        return g <= 0 ? 0 : g >= 255 ? 255 : (int) (g + 0.5);
    }

    private static int rgbGrey(int g) {
        return g < 0 ? 0xFF000000 : 0xFF000000 | g << 16 | g << 8 | g;
    }

    private void greyOnly(int n, WindowLevel window) {
        double low = window.centre() - window.width() / 2, scale = 255.0 / window.width();
        int[] a = out.argb;
        for (int p = 0; p < n; p++) {
            a[p] = rgbGrey(grey(primary[p], low, scale));
        }
    }

    private void compose(SliceViewport vp, WindowLevel wa, WindowLevel wb, FusionSettings f) {
        double lowA = wa.centre() - wa.width() / 2, scaleA = 255.0 / wa.width();
        double lowB = wb.centre() - wb.width() / 2, scaleB = 255.0 / wb.width();
        int w = vp.widthPx(), h = vp.heightPx();
        int[] a = out.argb;
        double alpha = f.opacity();
        double tr = (f.overlayRgb() >> 16 & 0xFF) / 255.0, tg = (f.overlayRgb() >> 8 & 0xFF) / 255.0,
                tb = (f.overlayRgb() & 0xFF) / 255.0;
        Vector3 first = vp.pixelCentre(0, 0);
        double u0 = first.dot(vp.plane().right()), v0 = first.dot(vp.plane().down()), mm = vp.mmPerPixel();
        double diffScale = 127.5 / wb.width();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            long tileV = (long) Math.floor((v0 + y * mm) / f.tileMm());
            for (int x = 0; x < w; x++) {
                int p = row + x;
                int ga = grey(primary[p], lowA, scaleA);
                int gb = grey(secondary[p], lowB, scaleB);
                switch (f.mode()) {
                    case BLEND -> {
                        double g = (1 - alpha) * Math.max(ga, 0) + alpha * Math.max(gb, 0);
                        a[p] = rgbGrey((int) (g + 0.5));
                    }
                    case CHECKERBOARD -> {
                        long tileU = (long) Math.floor((u0 + x * mm) / f.tileMm());
                        a[p] = rgbGrey(((tileU + tileV) & 1) == 0 ? ga : gb);
                    }
                    case COLOUR_OVERLAY -> {
                        double base = (1 - alpha) * Math.max(ga, 0), add = alpha * Math.max(gb, 0);
                        a[p] = 0xFF000000 | clamp(base + add * tr) << 16 | clamp(base + add * tg) << 8 | clamp(base + add * tb);
                    }
                    case DIFFERENCE -> {
                        float va = primary[p], vb = secondary[p];
                        a[p] = va != va || vb != vb ? 0xFF000000 : rgbGrey(clamp(127.5 + (vb - va) * diffScale));
                    }
                }
            }
        }
    }

    private static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5);
    }

    private static int blend(int argb, int rgb, double alpha) {
        int r = (int) ((argb >> 16 & 0xFF) * (1 - alpha) + (rgb >> 16 & 0xFF) * alpha + 0.5);
        int g = (int) ((argb >> 8 & 0xFF) * (1 - alpha) + (rgb >> 8 & 0xFF) * alpha + 0.5);
        int b = (int) ((argb & 0xFF) * (1 - alpha) + (rgb & 0xFF) * alpha + 0.5);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    // ---- dose --------------------------------------------------------------------------------------------

    /** Band b = number of levels reached (0 = below the lowest); wash in the band's colour, lines at band edges. */
    private void drawDose(int w, int h, DoseDisplay display) {
        var levels = display.levels();
        int n = w * h;
        for (int p = 0; p < n; p++) {
            float d = dose[p];
            int b = 0;
            if (d == d) {
                while (b < levels.size() && d >= levels.get(b).dose()) {
                    b++;
                }
            }
            band[p] = (byte) b;
        }
        int[] a = out.argb;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x, b = band[p];
                if (b == 0) {
                    continue;
                }
                int rgb = levels.get(b - 1).rgb();
                boolean edge = display.lines() && ((x > 0 && band[p - 1] < b) || (x < w - 1 && band[p + 1] < b)
                        || (y > 0 && band[p - w] < b) || (y < h - 1 && band[p + w] < b));
                if (edge) {
                    a[p] = 0xFF000000 | rgb;
                } else if (display.wash()) {
                    a[p] = blend(a[p], rgb, display.washOpacity());
                }
            }
        }
    }

    // ---- structures --------------------------------------------------------------------------------------

    /** Marks the viewport pixels whose centre lies inside the ROI's cross-section; false when there are none. */
    private boolean cover(RoiSlabs roi, SliceViewport vp) {
        int w = vp.widthPx(), h = vp.heightPx();
        if (crossings.length < roi.maxPointsPerSlab() + 2) {
            crossings = new double[roi.maxPointsPerSlab() + 2];
        }
        boxMinX = w;
        boxMinY = h;
        boxMaxX = -1;
        boxMaxY = -1;
        SlicePlane plane = vp.plane();
        Vector3 corner = vp.pixelToPatient(0, 0);
        double uLeft = corner.dot(plane.right()), mm = vp.mmPerPixel();
        boolean any = false;
        if (plane == SlicePlane.AXIAL) {
            int s = roi.slabAt(vp.centreMm().z());
            if (s < 0) {
                return false;
            }
            for (int y = 0; y < h; y++) {
                double rowY = corner.y() + (y + 0.5) * mm;
                any |= fillRow(y, w, crossings, roi.crossings(s, true, rowY, crossings), uLeft, mm);
            }
        } else {
            boolean alongX = plane == SlicePlane.CORONAL;
            double fixed = alongX ? vp.centreMm().y() : vp.centreMm().x();
            int lastSlab = -1, count = 0;
            for (int y = 0; y < h; y++) {
                int s = roi.slabAt(corner.z() - (y + 0.5) * mm);
                if (s < 0) {
                    continue;
                }
                if (s != lastSlab) {
                    count = roi.crossings(s, alongX, fixed, crossings);
                    lastSlab = s;
                }
                any |= fillRow(y, w, crossings, count, uLeft, mm);
            }
        }
        return any;
    }

    /** Sets coverage for pixels of row y whose centre lies in [c0, c1), [c2, c3), ... (mm along the row). */
    private boolean fillRow(int y, int w, double[] c, int count, double uLeft, double mm) {
        boolean any = false;
        int row = y * w;
        for (int i = 0; i + 1 < count; i += 2) {
            int from = Math.max(0, (int) Math.ceil((c[i] - uLeft) / mm - 0.5));
            int to = Math.min(w, (int) Math.ceil((c[i + 1] - uLeft) / mm - 0.5));
            if (from < to) {
                Arrays.fill(coverage, row + from, row + to, (byte) 1);
                boxMinX = Math.min(boxMinX, from);
                boxMaxX = Math.max(boxMaxX, to - 1);
                any = true;
            }
        }
        if (any) {
            boxMinY = Math.min(boxMinY, y);
            boxMaxY = Math.max(boxMaxY, y);
        }
        return any;
    }

    /**
     * Outline: covered pixels with an uncovered 4-neighbour (the viewport border does not count). Works on the
     * bounding box of the coverage only, and clears it for the next structure.
     */
    private void paintCoverage(int w, int h, int rgb, boolean filled) {
        int[] a = out.argb;
        for (int y = boxMinY; y <= boxMaxY; y++) {
            for (int x = boxMinX; x <= boxMaxX; x++) {
                int p = y * w + x;
                if (coverage[p] == 0) {
                    continue;
                }
                boolean edge = (x > 0 && coverage[p - 1] == 0) || (x < w - 1 && coverage[p + 1] == 0)
                        || (y > 0 && coverage[p - w] == 0) || (y < h - 1 && coverage[p + w] == 0);
                if (edge) {
                    a[p] = 0xFF000000 | rgb;
                } else if (filled) {
                    a[p] = blend(a[p], rgb, 0.3);
                }
            }
        }
        clearCoverage(w);
    }

    private void clearCoverage(int w) {
        for (int y = boxMinY; y <= boxMaxY; y++) {
            Arrays.fill(coverage, y * w + boxMinX, y * w + boxMaxX + 1, (byte) 0);
        }
        boxMaxY = -1;
    }

    // ---- isocenter ---------------------------------------------------------------------------------------

    /** A circled cross; solid when the isocenter lies within half a voxel of the plane, dimmed otherwise. */
    private void drawIsocenter(SliceScene scene, SliceViewport vp, Vector3 iso) {
        double[] px = vp.patientToPixel(iso);
        int cx = (int) Math.floor(px[0]), cy = (int) Math.floor(px[1]);
        double half = halfVoxelAlong(scene.primary().geometry(), vp.plane().normal());
        double alpha = Math.abs(vp.distanceFromPlaneMm(iso)) <= half ? 1.0 : 0.45;
        int arm = 10, radius = 6;
        for (int d = -arm; d <= arm; d++) {
            plot(cx + d, cy, alpha);
            plot(cx, cy + d, alpha);
        }
        int steps = 48;
        for (int i = 0; i < steps; i++) {
            double t = 2 * Math.PI * i / steps;
            plot(cx + (int) Math.round(radius * Math.cos(t)), cy + (int) Math.round(radius * Math.sin(t)), alpha);
        }
    }

    private void plot(int x, int y, double alpha) {
        if (x >= 0 && y >= 0 && x < out.width && y < out.height) {
            int p = y * out.width + x;
            out.argb[p] = blend(out.argb[p], ISOCENTER_RGB, alpha);
        }
    }

    /** Half the voxel size of a grid along a patient direction (its slice thickness in that view). */
    static double halfVoxelAlong(VolumeGeometry g, Vector3 direction) {
        return 0.5 * (Math.abs(g.rowDirection().dot(direction)) * g.spacingXMm()
                + Math.abs(g.columnDirection().dot(direction)) * g.spacingYMm()
                + Math.abs(g.sliceDirection().dot(direction)) * g.spacingZMm());
    }

    // ---- readout -----------------------------------------------------------------------------------------

    /** The values under continuous pixel position (x, y) of a viewport (no buffers involved). */
    public static PixelReadout readout(SliceScene scene, SliceViewport vp, double x, double y) {
        Vector3 p = vp.pixelToPatient(x, y);
        var g = scene.primary().geometry();
        Vector3 idx = g.patientToIndex(p);
        int i = (int) Math.round(idx.x()), j = (int) Math.round(idx.y()), k = (int) Math.round(idx.z());
        int[] voxel = g.contains(i, j, k) ? new int[] { i, j, k } : null;
        double value = voxel == null ? Double.NaN : scene.primary().valueAt(i, j, k);
        double sec = Double.NaN;
        if (scene.secondary().isPresent()) {
            RigidTransform t = scene.primaryToSecondary().orElseThrow();
            sec = scene.secondarySampler().valueAt(t.apply(p), Interpolation.NEAREST);
        }
        double d = scene.dose().isPresent() ? scene.doseSampler().valueAt(p, Interpolation.LINEAR) : Double.NaN;
        String doseUnit = scene.dose().map(dg -> "GY".equalsIgnoreCase(dg.units()) ? "Gy" : dg.units()).orElse("");
        return new PixelReadout(p, voxel, value, scene.primary().unit(), sec, d, doseUnit);
    }

    /** Default zoom: the whole primary image fits the viewport in all three planes, with a small margin. */
    public static double fitMmPerPixel(SliceScene scene, int widthPx, int heightPx) {
        var g = scene.primary().geometry();
        double extX = extent(g, new Vector3(1, 0, 0)), extY = extent(g, new Vector3(0, 1, 0)),
                extZ = extent(g, new Vector3(0, 0, 1));
        // axial shows x by y, coronal x by z, sagittal y by z
        double needW = Math.max(extX, extY), needH = Math.max(extY, extZ);
        return 1.05 * Math.max(needW / widthPx, needH / heightPx);
    }

    /** Extent (mm) of a grid along a patient axis (exact for axis-aligned grids). */
    private static double extent(VolumeGeometry g, Vector3 axis) {
        return Math.abs(g.rowDirection().dot(axis)) * g.spacingXMm() * g.sizeX()
                + Math.abs(g.columnDirection().dot(axis)) * g.spacingYMm() * g.sizeY()
                + Math.abs(g.sliceDirection().dot(axis)) * g.spacingZMm() * g.sizeZ();
    }
}
