/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal.codec;

/**
 * Checks that a JPEG-family stream (JPEG, JPEG-LS, JPEG 2000 code stream) ends with its end marker (FFD9: EOI, or EOC
 * in JPEG 2000), followed by nothing but padding bytes (00 or FF), so truncated streams and streams with data after
 * the end (a spliced or misassigned fragment) are refused even when a library would decode them.
 */
final class StreamEnd {

    /** Largest number of padding bytes accepted after the end marker (DICOM pads fragments to even length). */
    static final int MAX_PADDING = 16;

    private StreamEnd() {
    }

    static void requireEndMarker(byte[] stream, String codec, String marker) throws CodecException {
        // walk back over the padding; the marker must come right before it
        for (int k = stream.length - 2; k >= 0 && k >= stream.length - 2 - MAX_PADDING; k--) {
            if (stream[k] == (byte) 0xFF && stream[k + 1] == (byte) 0xD9) {
                return;
            }
            byte b = stream[k + 1];
            if (b != 0 && b != (byte) 0xFF) {
                break;
            }
        }
        throw new CodecException(codec + ": the stream does not end with the " + marker
                + " marker FFD9 (truncated, or data after the end of the image)");
    }

    /**
     * For JPEG and JPEG-LS: walks the marker segments and entropy-coded data from SOI to the first EOI and requires
     * that only padding follows it (a second image or other data after the end marker is refused), and that the stream
     * does not end before it.
     */
    static void requireSingleImage(byte[] s, String codec, boolean jpegLs) throws CodecException {
        int p = 2; // after SOI
        while (true) {
            if (p + 1 >= s.length) {
                throw new CodecException(codec + ": the stream ends before its end-of-image marker (truncated)");
            }
            if (s[p] != (byte) 0xFF) {
                throw new CodecException(codec + ": marker expected at byte " + p);
            }
            int m = s[p + 1] & 0xFF;
            if (m == 0xFF) { // fill byte
                p++;
                continue;
            }
            if (m == 0xD9) {
                p += 2;
                break;
            }
            if (m >= 0xD0 && m <= 0xD7 || m == 0x01) { // RSTn, TEM: no length
                p += 2;
            } else {
                if (p + 3 >= s.length) {
                    throw new CodecException(codec + ": the stream ends inside marker segment FF"
                            + Integer.toHexString(m).toUpperCase() + " (truncated)");
                }
                p += 2 + ((s[p + 2] & 0xFF) << 8 | (s[p + 3] & 0xFF));
            }
            if (m == 0xDA || m >= 0xD0 && m <= 0xD7) { // entropy-coded data up to the next marker
                while (p < s.length) {
                    if (s[p] == (byte) 0xFF && p + 1 < s.length
                            && (jpegLs ? (s[p + 1] & 0x80) != 0 : s[p + 1] != 0)) {
                        break;
                    }
                    p++;
                }
            }
        }
        for (int k = p; k < s.length; k++) {
            if (s[k] != 0 && s[k] != (byte) 0xFF) {
                throw new CodecException(codec + ": " + (s.length - p) + " bytes of data after the end-of-image marker");
            }
        }
    }

    /**
     * For a JPEG 2000 code stream: walks the main header's marker segments and the tile-parts (by their Psot lengths)
     * to the EOC marker and requires that only padding follows it and that the stream does not end before it.
     */
    static void requireSingleCodeStream(byte[] s) throws CodecException {
        int p = 2; // after SOC
        while (p + 3 < s.length && s[p] == (byte) 0xFF && s[p + 1] != (byte) 0x90) { // main header up to the first SOT
            p += 2 + ((s[p + 2] & 0xFF) << 8 | (s[p + 3] & 0xFF));
        }
        while (p + 11 < s.length && s[p] == (byte) 0xFF && s[p + 1] == (byte) 0x90) {
            long psot = (s[p + 6] & 0xFFL) << 24 | (s[p + 7] & 0xFFL) << 16 | (s[p + 8] & 0xFFL) << 8 | (s[p + 9] & 0xFFL);
            if (psot == 0) { // the last tile-part, up to the EOC at the end of the stream
                requireEndMarker(s, "JPEG 2000", "end-of-code-stream");
                return;
            }
            if (psot < 14 || p + psot > s.length) {
                throw new CodecException("JPEG 2000: tile-part of " + psot + " bytes at byte " + p + " runs past the end of"
                        + " the stream (" + s.length + " bytes; truncated)");
            }
            p += (int) psot;
        }
        if (p + 1 >= s.length || s[p] != (byte) 0xFF || s[p + 1] != (byte) 0xD9) {
            throw new CodecException("JPEG 2000: no end-of-code-stream marker FFD9 after the last tile-part (byte " + p
                    + " of " + s.length + "; truncated or corrupt)");
        }
        for (int k = p + 2; k < s.length; k++) {
            if (s[k] != 0 && s[k] != (byte) 0xFF) {
                throw new CodecException("JPEG 2000: " + (s.length - p - 2) + " bytes of data after the end-of-code-stream"
                        + " marker");
            }
        }
    }
}
