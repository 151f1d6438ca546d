/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fast path for the Contour Data (3006,0050) of RT Structure Sets, whose decimal strings PixelMed splits in
 * quadratic time (seconds for a BODY on 150 slices). The file's bytes are walked element by element (Explicit or
 * Implicit VR Little Endian); each Contour Data value is parsed here and replaced in a copy of the bytes by its
 * index as a decimal string of the same length, so PixelMed parses that copy quickly with every length intact and
 * the reader swaps the values back in ({@link #values(double[])}). A value that is not a decimal string is reported, not skipped or cut short (PixelMed's own parsing would read "12x.5" as 12). Other
 * transfer syntaxes, or anything unexpected in the walk, give no index: the caller reads the file the ordinary way.
 */
public final class ContourDataIndex {

    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1", IMPLICIT_LE = "1.2.840.10008.1.2";
    private static final int UNDEFINED = -1;

    private final byte[] marked;
    /** Per Contour Data element its values (double[]) or what is wrong with them (String). */
    private final List<Object> data;

    private ContourDataIndex(byte[] marked, List<Object> data) {
        this.marked = marked;
        this.data = data;
    }

    /** The file with each Contour Data value replaced by its index (same length, still a valid DS). */
    public byte[] markedBytes() {
        return marked;
    }

    /** Number of Contour Data elements found. */
    public int count() {
        return data.size();
    }

    /**
     * The Contour Data for what PixelMed read from the marked bytes: a single value is an index into the parsed
     * values; anything else is returned unchanged.
     *
     * @throws IllegalArgumentException when that element holds something that is not a decimal string
     */
    public double[] values(double[] read) {
        if (read.length == 1 && read[0] >= 0 && read[0] < data.size() && read[0] == Math.rint(read[0])) {
            Object v = data.get((int) read[0]);
            if (v instanceof double[] values) {
                return values;
            }
            throw new IllegalArgumentException("Contour Data that is not a list of decimal strings (" + v + ")");
        }
        return read;
    }

    /** The index of a Part 10 file's bytes, or empty when the fast path does not apply. */
    public static Optional<ContourDataIndex> of(byte[] file) {
        try {
            return Optional.ofNullable(walk(file));
        } catch (RuntimeException e) {
            return Optional.empty(); // malformed or unexpected: PixelMed reads it and reports what is wrong
        }
    }

    private static ContourDataIndex walk(byte[] b) {
        if (b.length < 132 || b[128] != 'D' || b[129] != 'I' || b[130] != 'C' || b[131] != 'M') {
            return null;
        }
        int p = 132;
        String syntax = null;
        while (p + 8 <= b.length && u16(b, p) == 0x0002) { // File Meta: always Explicit VR Little Endian
            int element = u16(b, p + 2);
            String vr = new String(b, p + 4, 2, StandardCharsets.US_ASCII);
            int headerLength = longVr(vr) ? 12 : 8;
            int length = longVr(vr) ? (int) u32(b, p + 8) : u16(b, p + 6);
            if (element == 0x0010) {
                syntax = new String(b, p + headerLength, length, StandardCharsets.US_ASCII).trim().replace("\0", "");
            }
            p += headerLength + length;
        }
        boolean explicit;
        if (EXPLICIT_LE.equals(syntax)) {
            explicit = true;
        } else if (IMPLICIT_LE.equals(syntax)) {
            explicit = false;
        } else {
            return null;
        }
        byte[] marked = b.clone();
        List<Object> data = new ArrayList<>();
        while (p < b.length) {
            if (p + 8 > b.length) {
                return null;
            }
            int group = u16(b, p), element = u16(b, p + 2);
            if (group == 0xFFFE) { // item or delimiter: a 4-byte length, the item's content follows as elements
                p += 8;
                continue;
            }
            int headerLength, length;
            boolean sequence;
            if (explicit) {
                String vr = new String(b, p + 4, 2, StandardCharsets.US_ASCII);
                boolean lng = longVr(vr);
                headerLength = lng ? 12 : 8;
                long l = lng ? u32(b, p + 8) : u16(b, p + 6);
                length = l == 0xFFFFFFFFL ? UNDEFINED : (int) l;
                sequence = vr.equals("SQ") || (vr.equals("UN") && length == UNDEFINED);
            } else {
                headerLength = 8;
                long l = u32(b, p + 4);
                length = l == 0xFFFFFFFFL ? UNDEFINED : (int) l;
                // implicit VR: descend into the sequences that hold contours, and into any undefined-length one
                sequence = length == UNDEFINED || (group == 0x3006 && (element == 0x0039 || element == 0x0040));
            }
            p += headerLength;
            if (sequence) {
                continue; // walk through its items
            }
            if (length == UNDEFINED || length < 0 || p + length > b.length) {
                return null;
            }
            if (group == 0x3006 && element == 0x0050) {
                byte[] index = Integer.toString(data.size()).getBytes(StandardCharsets.US_ASCII);
                if (index.length > length) {
                    return null;
                }
                try {
                    data.add(parse(b, p, length));
                } catch (NumberFormatException e) {
                    data.add(e.getMessage()); // reported with the ROI's name when the reader gets to it
                }
                System.arraycopy(index, 0, marked, p, index.length);
                java.util.Arrays.fill(marked, p + index.length, p + length, (byte) ' ');
            }
            p += length;
        }
        return new ContourDataIndex(marked, data);
    }

    /** Backslash-separated decimal strings, spaces allowed around each. */
    private static double[] parse(byte[] b, int from, int length) {
        int count = 1;
        for (int i = from; i < from + length; i++) {
            if (b[i] == '\\') {
                count++;
            }
        }
        double[] values = new double[count];
        int n = 0, start = from;
        for (int i = from; i <= from + length; i++) {
            if (i == from + length || b[i] == '\\') {
                String s = new String(b, start, i - start, StandardCharsets.US_ASCII).trim();
                if (!s.isEmpty() || count > 1) {
                    values[n++] = decimal(s);
                }
                start = i + 1;
            }
        }
        return n == values.length ? values : java.util.Arrays.copyOf(values, n);
    }

    /** A DS value: digits, sign, point and exponent only (Java would also take "NaN", "Infinity", "1d", "0x1p3"). */
    private static double decimal(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw new NumberFormatException("'" + s + "' is not a decimal string");
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + s + "' is not a decimal string");
        }
    }

    private static boolean longVr(String vr) {
        return switch (vr) {
        case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" -> true;
        default -> false;
        };
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int p) {
        return (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
    }
}
