/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

/**
 * An image produced by {@link MprRenderer}: {@code width × height} opaque ARGB pixels, row-major from the
 * top-left, and the physical size of one pixel in mm along the image's x and y (often not square for
 * coronal and sagittal planes). The buffer is reused between frames: copy it to keep it.
 */
public final class RenderedSlice {

    int width;
    int height;
    int[] argb = new int[0];
    double pixelWidthMm;
    double pixelHeightMm;

    public int width() { return width; }
    public int height() { return height; }
    /** The pixel buffer (length ≥ width × height; only the first width × height entries are the image). */
    public int[] argb() { return argb; }
    public double pixelWidthMm() { return pixelWidthMm; }
    public double pixelHeightMm() { return pixelHeightMm; }

    /** ARGB of pixel (x, y). */
    public int pixel(int x, int y) {
        return argb[y * width + x];
    }

    void resize(int w, int h) {
        width = w;
        height = h;
        if (argb.length < w * h) {
            argb = new int[w * h];
        }
    }
}
