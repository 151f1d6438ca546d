package org.isocenter.render;

import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;

/**
 * Renders axial, coronal and sagittal slices of an axis-aligned, head-first (identity direction cosines)
 * volume with a window/level into a reusable {@link RenderedSlice}. The window's lookup table is cached, so
 * scrolling through slices allocates nothing once the buffer has its size.
 */
public final class MprRenderer {

    private int[] lut;
    private WindowLevel lutWindow;
    private double lutSlope = Double.NaN;
    private double lutIntercept = Double.NaN;

    /**
     * Renders slice {@code index} of {@code plane} (k for axial, j for coronal, i for sagittal) into {@code out}.
     *
     * @throws IllegalArgumentException for oblique volumes or an index outside the volume
     */
    public void render(ImageVolume volume, SlicePlane plane, int index, WindowLevel window, RenderedSlice out) {
        VolumeGeometry g = volume.geometry();
        if (!isIdentityOriented(g)) {
            throw new IllegalArgumentException("MPR rendering needs an axis-aligned volume with identity orientation "
                    + "(reslicing of other orientations comes with the viewer issue)");
        }
        int[] table = lut(window, volume.rescaleSlope(), volume.rescaleIntercept());
        short[] v = volume.storedValues();
        int nx = g.sizeX(), ny = g.sizeY(), nz = g.sizeZ();
        switch (plane) {
            case AXIAL -> {
                check(index, nz, plane);
                out.resize(nx, ny);
                out.pixelWidthMm = g.spacingXMm();
                out.pixelHeightMm = g.spacingYMm();
                int base = index * nx * ny;
                int[] a = out.argb;
                for (int p = 0; p < nx * ny; p++) {
                    a[p] = table[v[base + p] + 32768];
                }
            }
            case CORONAL -> {
                check(index, ny, plane);
                out.resize(nx, nz);
                out.pixelWidthMm = g.spacingXMm();
                out.pixelHeightMm = g.spacingZMm();
                int[] a = out.argb;
                for (int row = 0; row < nz; row++) {
                    int k = nz - 1 - row; // superior at the top
                    int src = (k * ny + index) * nx;
                    int dst = row * nx;
                    for (int i = 0; i < nx; i++) {
                        a[dst + i] = table[v[src + i] + 32768];
                    }
                }
            }
            case SAGITTAL -> {
                check(index, nx, plane);
                out.resize(ny, nz);
                out.pixelWidthMm = g.spacingYMm();
                out.pixelHeightMm = g.spacingZMm();
                int[] a = out.argb;
                for (int row = 0; row < nz; row++) {
                    int k = nz - 1 - row;
                    int dst = row * ny;
                    int src = k * ny * nx + index;
                    for (int j = 0; j < ny; j++) {
                        a[dst + j] = table[v[src + j * nx] + 32768];
                    }
                }
            }
        }
    }

    private static void check(int index, int size, SlicePlane plane) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException(plane + " slice " + index + " outside 0.." + (size - 1));
        }
    }

    static boolean isIdentityOriented(VolumeGeometry g) {
        return g.rowDirection().x() > 0.9999 && g.columnDirection().y() > 0.9999 && g.sliceDirection().z() > 0.9999;
    }

    private int[] lut(WindowLevel window, double slope, double intercept) {
        if (lut == null || !window.equals(lutWindow) || slope != lutSlope || intercept != lutIntercept) {
            lut = window.storedToArgb(slope, intercept);
            lutWindow = window;
            lutSlope = slope;
            lutIntercept = intercept;
        }
        return lut;
    }
}
