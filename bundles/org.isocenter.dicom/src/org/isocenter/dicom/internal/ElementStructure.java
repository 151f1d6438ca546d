/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;

/**
 * Walks a DICOM file's data elements by their tags and lengths only, without decoding values, to tell whether
 * the file is complete: every declared length fits in the file, every undefined-length sequence and item is
 * closed by its delimiter, nesting stays below {@value #MAX_DEPTH} levels, and the file ends on an element
 * boundary. A truncated file is refused here with the byte offset and the element where it ends, instead of
 * being read as a shorter, plausible object (the DICOM library stops silently at the end of the data).
 * Also tells where Pixel Data's value starts and how long it is declared to be, whatever the encoding
 * (with or without preamble and File Meta Information, implicit or explicit VR).
 */
public final class ElementStructure {

    /** Deeper nesting than this is refused as hostile (real RT objects nest fewer than 10 levels). */
    public static final int MAX_DEPTH = 64;

    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR",
            "UT", "UV");
    private static final Set<String> ALL_VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO",
            "LT", "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL",
            "UN", "UR", "US", "UT", "UV");

    /**
     * What the walk found: {@code defect} null when the structure is complete; {@code pixelDataValueOffset} the file
     * offset of Pixel Data's value (-1: none), {@code pixelDataLength} its declared length in bytes (-1: undefined,
     * i.e. encapsulated); {@code checked} false when the encoding could not be walked (deflated), then nothing is
     * claimed.
     */
    public record Result(String defect, long pixelDataValueOffset, long pixelDataLength, boolean checked) {
        public boolean complete() {
            return defect == null;
        }
    }

    private final ByteBuffer buf;
    private final long size;
    private long pixelOffset = -1;
    private long pixelLength = -1;

    private ElementStructure(ByteBuffer buf) {
        this.buf = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.size = buf.limit();
    }

    /** Walks a file (memory-mapped; files beyond 2 GiB are not walked). */
    public static Result check(Path file) throws IOException {
        ByteBuffer bytes = map(file);
        return bytes == null ? new Result(null, -1, -1, false) : check(bytes);
    }

    /** A file's bytes, memory-mapped read-only; null for a file beyond 2 GiB. */
    public static ByteBuffer map(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            return size > Integer.MAX_VALUE ? null : ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
    }

    /** Whether the bytes hold the DICOM prefix "DICM" after a 128-byte preamble. */
    public static boolean hasDicmPrefix(ByteBuffer bytes) {
        return bytes.limit() >= 132 && bytes.get(128) == 'D' && bytes.get(129) == 'I' && bytes.get(130) == 'C'
                && bytes.get(131) == 'M';
    }

    /**
     * Walks a file's bytes held in memory. A mapped file that another program shortens meanwhile is reported as a
     * defect (the JVM signals the lost pages with an {@link InternalError}).
     */
    public static Result check(ByteBuffer bytes) {
        try {
            return new ElementStructure(bytes).walkFile();
        } catch (InternalError e) {
            if (!lostPages(e)) {
                throw e;
            }
            return new Result(SHORTENED, -1, -1, true);
        }
    }

    /** Whether the JVM's error reports a fault reading mapped memory (the file behind it was shortened). */
    public static boolean lostPages(InternalError e) {
        return e.getMessage() != null && e.getMessage().contains("unsafe memory access");
    }

    /** The defect of a mapped file that was shortened while it was read. */
    public static final String SHORTENED = "the file was shortened while it was read (is another program still writing "
            + "it?)";

    private static final class Defect extends Exception {
        private static final long serialVersionUID = 1L;

        Defect(String message) {
            super(message, null, false, false);
        }
    }

    private Result walkFile() {
        try {
            long pos = 0;
            boolean hasPreamble = hasDicmPrefix(buf);
            if (hasPreamble) {
                pos = 132;
            }
            String ts = null;
            if (size - pos >= 8 && u16(pos, false) == 0x0002) {
                // File Meta Information: always explicit VR little endian
                while (size - pos >= 8 && u16(pos, false) == 0x0002) {
                    int element = u16(pos + 2, false);
                    long next = element(pos, true, false, 0);
                    if (element == 0x0010) {
                        ts = text(valueStart(pos, true), next - valueStart(pos, true));
                    }
                    pos = next;
                }
            } else if (hasPreamble) {
                throw new Defect("no File Meta Information after the DICM prefix");
            }
            boolean explicit, bigEndian = false;
            if (ts == null || ts.isEmpty()) {
                // no File Meta Information: the encoding is guessed from the first element, as readers do
                if (size - pos < 8) {
                    throw new Defect("file ends at byte " + size + " before the first data element");
                }
                bigEndian = (u16(pos, false) & 0x00FF) == 0 && u16(pos, false) != 0;
                explicit = ALL_VRS.contains(text(pos + 4, 2));
            } else if (ts.equals("1.2.840.10008.1.2.1.99") || ts.equals("1.2.840.10008.1.2.5.1")) {
                return new Result(null, -1, -1, false); // deflated: the dataset cannot be walked without inflating
            } else {
                explicit = !ts.equals("1.2.840.10008.1.2");
                bigEndian = ts.equals("1.2.840.10008.1.2.2");
            }
            if (explicit && size - pos >= 8 && !ALL_VRS.contains(text(pos + 4, 2))) {
                explicit = false; // stated explicit but written implicit (seen in the field): readers fall back too
            }
            while (pos < size) {
                if (size - pos < 8) {
                    if (allZero(pos, size)) {
                        break; // trailing padding written by some systems
                    }
                    throw new Defect("file ends inside a data element header at byte " + pos);
                }
                pos = element(pos, explicit, bigEndian, 0);
            }
            return new Result(null, pixelOffset, pixelLength, true);
        } catch (Defect d) {
            return new Result("truncated or corrupt: " + d.getMessage(), pixelOffset, pixelLength, true);
        }
    }

    /** Walks one element starting at {@code pos}; returns the position after it. */
    private long element(long pos, boolean explicit, boolean bigEndian, int depth) throws Defect {
        need(pos, 8, "a data element header");
        int group = u16(pos, bigEndian), element = u16(pos + 2, bigEndian);
        String vr = null;
        long length, value;
        if (group == 0xFFFE) {
            throw new Defect("unexpected item or delimiter tag " + tag(group, element) + " at byte " + pos);
        }
        if (explicit) {
            vr = text(pos + 4, 2);
            if (!ALL_VRS.contains(vr)) {
                throw new Defect("invalid value representation '" + printable(vr) + "' in " + tag(group, element)
                        + " at byte " + pos);
            }
            if (LONG_VRS.contains(vr)) {
                need(pos, 12, group, element);
                length = u32(pos + 8, bigEndian);
                value = pos + 12;
            } else {
                length = u16(pos + 6, bigEndian);
                value = pos + 8;
            }
        } else {
            length = u32(pos + 4, bigEndian);
            value = pos + 8;
        }
        boolean pixelData = group == 0x7FE0 && element == 0x0010 && depth == 0;
        if (pixelData) {
            pixelOffset = value;
            pixelLength = length == UNDEFINED ? -1 : length;
        }
        if (length == UNDEFINED) {
            // sequence, encapsulated pixel data, or UN of undefined length (then implicit VR little endian inside)
            boolean innerExplicit = explicit && !"UN".equals(vr);
            boolean innerBig = bigEndian && !"UN".equals(vr);
            return items(value, innerExplicit, innerBig, depth + 1, tag(group, element));
        }
        if (value + length > size) {
            throw new Defect(tag(group, element) + " declares " + length + " bytes at byte " + value + " but the file ends "
                    + (size - value) + " bytes later");
        }
        return value + length;
    }

    /** Walks the items of an undefined-length value up to its Sequence Delimitation Item. */
    private long items(long pos, boolean explicit, boolean bigEndian, int depth, String owner) throws Defect {
        if (depth > MAX_DEPTH) {
            throw new Defect("sequences nested deeper than " + MAX_DEPTH + " levels at byte " + pos);
        }
        while (true) {
            if (size - pos < 8) {
                throw new Defect("file ends at byte " + size + " inside " + owner + " (no sequence delimiter)");
            }
            int group = u16(pos, bigEndian), element = u16(pos + 2, bigEndian);
            long length = u32(pos + 4, bigEndian);
            if (group == 0xFFFE && element == 0xE0DD) {
                return pos + 8;
            }
            if (group != 0xFFFE || element != 0xE000) {
                throw new Defect("expected an item in " + owner + " at byte " + pos + ", found " + tag(group, element));
            }
            long start = pos + 8;
            if (length != UNDEFINED) {
                if (start + length > size) {
                    throw new Defect("an item of " + owner + " declares " + length + " bytes at byte " + start
                            + " but the file ends " + (size - start) + " bytes later");
                }
                pos = start + length;
                continue;
            }
            pos = start;
            while (true) {
                if (size - pos < 8) {
                    throw new Defect("file ends at byte " + size + " inside an item of " + owner + " (no item delimiter)");
                }
                if (u16(pos, bigEndian) == 0xFFFE && u16(pos + 2, bigEndian) == 0xE00D) {
                    pos += 8;
                    break;
                }
                if (depth + 1 > MAX_DEPTH) {
                    throw new Defect("sequences nested deeper than " + MAX_DEPTH + " levels at byte " + pos);
                }
                pos = element(pos, explicit, bigEndian, depth + 1);
            }
        }
    }

    private void need(long pos, int bytes, String what) throws Defect {
        if (pos + bytes > size) {
            throw new Defect("file ends at byte " + size + " inside " + what);
        }
    }

    /** {@link #need} for the header of element (group, element): its tag is formatted only when the file ends there. */
    private void need(long pos, int bytes, int group, int element) throws Defect {
        if (pos + bytes > size) {
            need(pos, bytes, "the header of " + tag(group, element));
        }
    }

    private int u16(long pos, boolean bigEndian) {
        int a = buf.get((int) pos) & 0xFF, b = buf.get((int) pos + 1) & 0xFF;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    private long u32(long pos, boolean bigEndian) {
        long lo = u16(pos, bigEndian), hi = u16(pos + 2, bigEndian);
        return bigEndian ? (lo << 16) | hi : (hi << 16) | lo;
    }

    private long valueStart(long pos, boolean explicit) {
        return explicit && LONG_VRS.contains(text(pos + 4, 2)) ? pos + 12 : pos + 8;
    }

    private String text(long pos, long length) {
        byte[] b = new byte[(int) Math.min(Math.max(length, 0), Math.max(0, size - pos))];
        buf.get((int) pos, b);
        return new String(b, StandardCharsets.ISO_8859_1).replace("\0", "").strip();
    }

    private boolean allZero(long from, long to) {
        for (long p = from; p < to; p++) {
            if (buf.get((int) p) != 0) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? s : "?";
    }

    private static String tag(int group, int element) {
        return String.format(Locale.ROOT, "(%04X,%04X)", group, element);
    }
}
