/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.viewer;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.widgets.Display;

/**
 * Paints opaque ARGB pixels (row 0 at the top, one pixel per screen pixel) onto a GC at (0, 0). Keeps its
 * ImageData while the size stays the same; the native Image lives for one paint only.
 */
final class ArgbPainter {

    private ImageData data;

    void paint(GC gc, Display display, int[] argb, int width, int height) {
        if (data == null || data.width != width || data.height != height) {
            data = new ImageData(width, height, 32, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        }
        data.setPixels(0, 0, width * height, argb, 0);
        Image image = new Image(display, data);
        try {
            gc.drawImage(image, 0, 0);
        } finally {
            image.dispose();
        }
    }
}
