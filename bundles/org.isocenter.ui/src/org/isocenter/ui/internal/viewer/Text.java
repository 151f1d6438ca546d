/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

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

    /**
     * The text as it fits in {@code width} pixels: whole, else cut with an ellipsis, else "" (less than a few
     * characters would fit: better nothing than a fragment printed over something else).
     */
    public static String fit(GC gc, String text, int width) {
        if (text == null || text.isEmpty() || gc.textExtent(text).x <= width) {
            return text == null ? "" : text;
        }
        int lo = 0, hi = text.length();
        while (lo < hi) { // the longest prefix that fits with the ellipsis
            int mid = (lo + hi + 1) / 2;
            if (gc.textExtent(text.substring(0, mid) + "…").x <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo < 4 ? "" : text.substring(0, lo).stripTrailing() + "…";
    }

    /** A DICOM UID shortened to its last {@code digits} characters after an ellipsis (the whole UID when short). */
    public static String uidTail(String uid, int digits) {
        return uid == null ? "" : uid.length() <= digits + 1 ? uid : "…" + uid.substring(uid.length() - digits);
    }

    /** Draws {@code text} horizontally centred on x. */
    public static void centred(GC gc, String text, int x, int y) {
        gc.drawText(text, x - gc.textExtent(text).x / 2, y, true);
    }
}
