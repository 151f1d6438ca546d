package org.isocenter.ui.internal.viewer;

import org.eclipse.swt.graphics.GC;

/** Text drawing helpers for viewer overlays (messages name patients and files: they are long, so they wrap). */
public final class Text {

    private Text() {
    }

    /** Draws {@code text} word-wrapped to {@code width} pixels from (x, y). */
    public static void wrapped(GC gc, String text, int x, int y, int width) {
        StringBuilder line = new StringBuilder();
        int lineHeight = gc.getFontMetrics().getHeight();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && gc.textExtent(candidate).x > width) {
                gc.drawText(line.toString(), x, y, true);
                y += lineHeight;
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        gc.drawText(line.toString(), x, y, true);
    }

    /** Draws {@code text} horizontally centred on x. */
    public static void centred(GC gc, String text, int x, int y) {
        gc.drawText(text, x - gc.textExtent(text).x / 2, y, true);
    }
}
