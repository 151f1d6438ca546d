/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal.codec;

import java.util.Arrays;

/**
 * Decodes a single-component lossless JPEG stream (ITU T.81 Annex H, process 14: SOF3, Huffman coding), as used by
 * DICOM transfer syntaxes 1.2.840.10008.1.2.4.57 and .70. Supports predictors 1-7, precision 2-16 bits, point
 * transform, restart intervals (whole lines, as libjpeg also requires) and up to four Huffman tables. The result holds
 * the unsigned samples (0..2^P-1) row-major; interpreting them as signed is the caller's business.
 * <p>
 * Corrupt streams are refused, never decoded into a plausible image: the frame and scan headers are validated before
 * anything is allocated; the entropy-coded data must hold exactly the samples of the frame (running out of data, or
 * more than the final partial byte of data left after the last sample, is an error); every reconstructed sample must
 * lie within the precision P-Pt that the encoder worked with (a changed point transform or predictor shows as samples
 * out of range); each restart interval must end with the next RSTn marker; and the stream must end with the EOI
 * marker, followed by nothing but padding bytes (00 or FF).
 */
public final class JpegLosslessDecoder {

    private final byte[] in;
    private int pos;
    /** Per table id: code-to-symbol table indexed by the next 16 bits; entry = codeLength << 8 | symbol, 0 = no code. */
    private final char[][] tables = new char[4][];
    private int restartInterval;
    private int precision;
    private int componentId = -1;
    /** True when the frame header gave 0 lines (the height then comes from a DNL marker after the scan). */
    private boolean heightFromDnl;
    private int rows;
    private int columns;
    // bit reader: the low nbits of bits are unread, of which the last padBits are zero padding past a marker
    private long bits;
    private int nbits;
    private int padBits;
    private boolean atMarker;

    private int maxPrecision = 16;

    private JpegLosslessDecoder(byte[] in) {
        this.in = in;
    }

    /**
     * Decodes the stream, refusing any that is not a single-component frame of {@code expectedRows} x
     * {@code expectedColumns} samples or that is corrupt (see the class comment).
     */
    public static int[] decode(byte[] jpegStream, int expectedRows, int expectedColumns) throws CodecException {
        return decode(jpegStream, expectedRows, expectedColumns, 16);
    }

    /** As {@link #decode(byte[], int, int)}, also refusing a sample precision above {@code maxPrecision} bits. */
    public static int[] decode(byte[] jpegStream, int expectedRows, int expectedColumns, int maxPrecision)
            throws CodecException {
        if (jpegStream == null) {
            throw new CodecException("JPEG lossless: no data");
        }
        try {
            JpegLosslessDecoder d = new JpegLosslessDecoder(jpegStream);
            d.maxPrecision = maxPrecision;
            return d.read(expectedRows, expectedColumns);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new CodecException("JPEG lossless: truncated stream", e);
        }
    }

    private int[] read(int expectedRows, int expectedColumns) throws CodecException {
        if (in.length < 2 || u8() != 0xFF || u8() != 0xD8) {
            throw new CodecException("JPEG lossless: no SOI marker, not a JPEG stream");
        }
        while (true) {
            int marker = nextMarker();
            if (marker == 0xDA) {
                if (precision == 0) {
                    throw new CodecException("JPEG lossless: scan before the SOF3 frame header");
                }
                return readScan();
            }
            int length = u16();
            int end = pos - 2 + length;
            if (length < 2 || end > in.length) {
                throw new CodecException("JPEG lossless: truncated marker segment FF" + Integer.toHexString(marker));
            }
            if (marker == 0xC3) {
                if (precision != 0) {
                    throw new CodecException("JPEG lossless: second frame header (SOF3)");
                }
                readFrame(expectedRows, expectedColumns, length);
            } else if (marker == 0xC4) {
                while (pos < end) {
                    readHuffmanTable();
                    if (pos > end) {
                        throw new CodecException("JPEG lossless: Huffman table runs past its DHT segment");
                    }
                }
            } else if (marker == 0xDD) {
                if (length != 4) {
                    throw new CodecException("JPEG lossless: DRI segment of " + length + " bytes (4)");
                }
                restartInterval = u16();
            } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC8 && marker != 0xCC) {
                throw new CodecException("JPEG lossless: unsupported frame type SOF" + (marker - 0xC0)
                        + " (only lossless Huffman SOF3)");
            } else if (marker == 0xD9 || marker >= 0xD0 && marker <= 0xD7) {
                throw new CodecException("JPEG lossless: unexpected marker FF" + Integer.toHexString(marker)
                        + " before the scan");
            }
            pos = end; // APPn, COM, DQT, ... are skipped
        }
    }

    private int nextMarker() throws CodecException {
        if (u8() != 0xFF) {
            throw new CodecException("JPEG lossless: expected a marker at offset " + (pos - 1));
        }
        int m;
        while ((m = u8()) == 0xFF) { // fill bytes
        }
        return m;
    }

    private void readFrame(int expectedRows, int expectedColumns, int length) throws CodecException {
        precision = u8();
        rows = u16();
        columns = u16();
        int components = u8();
        if (components != 1) {
            throw new CodecException("JPEG lossless: " + components + " components, only single-component supported");
        }
        if (length != 11) {
            throw new CodecException("JPEG lossless: frame header of " + length + " bytes (11 for one component)");
        }
        if (precision < 2 || precision > 16) {
            throw new CodecException("JPEG lossless: invalid precision " + precision);
        }
        if (precision > maxPrecision) {
            throw new CodecException("JPEG lossless: " + precision + "-bit samples do not fit Bits Allocated "
                    + maxPrecision);
        }
        if (rows == 0) {
            heightFromDnl = true;
            rows = expectedRows; // height given by a DNL marker after the scan, checked there
        }
        if (rows != expectedRows || columns != expectedColumns) {
            throw new CodecException("JPEG lossless: frame is " + rows + "x" + columns + ", expected "
                    + expectedRows + "x" + expectedColumns);
        }
        componentId = u8();
        pos += 2; // sampling factors (irrelevant for one component), quantisation table (unused in lossless)
    }

    private void readHuffmanTable() throws CodecException {
        int classAndId = u8();
        int id = classAndId & 15;
        if (id > 3) {
            throw new CodecException("JPEG lossless: invalid Huffman table id " + id);
        }
        int[] counts = new int[17];
        int total = 0;
        for (int len = 1; len <= 16; len++) {
            counts[len] = u8();
            total += counts[len];
        }
        if (total > 256) {
            throw new CodecException("JPEG lossless: Huffman table with " + total + " codes");
        }
        boolean dc = classAndId >> 4 == 0;
        char[] table = new char[1 << 16];
        int code = 0;
        for (int len = 1; len <= 16; len++) {
            for (int k = 0; k < counts[len]; k++, code++) {
                if (code >= 1 << len) {
                    throw new CodecException("JPEG lossless: invalid Huffman table (code overflow)");
                }
                int symbol = u8();
                if (dc && symbol > 16) {
                    throw new CodecException("JPEG lossless: Huffman table codes difference category " + symbol
                            + " (at most 16)");
                }
                int shift = 16 - len;
                Arrays.fill(table, code << shift, (code + 1) << shift, (char) (len << 8 | symbol));
            }
            code <<= 1;
        }
        if (dc) { // AC tables are meaningless in lossless mode and ignored
            tables[id] = table;
        }
    }

    private int[] readScan() throws CodecException {
        int length = u16();
        if (length != 8) {
            throw new CodecException("JPEG lossless: scan header of " + length + " bytes (8 for one component)");
        }
        int components = u8();
        if (components != 1) {
            throw new CodecException("JPEG lossless: scan with " + components + " components");
        }
        int selector = u8();
        if (selector != componentId) {
            throw new CodecException("JPEG lossless: scan refers to component " + selector + ", the frame has "
                    + componentId);
        }
        int tableId = u8() >> 4;
        char[] table = tableId < 4 ? tables[tableId] : null;
        int predictor = u8();
        int spectralEnd = u8();
        int approximation = u8();
        int pointTransform = approximation & 15;
        if (table == null) {
            throw new CodecException("JPEG lossless: scan uses an undefined Huffman table " + tableId);
        }
        if (predictor < 1 || predictor > 7) {
            throw new CodecException("JPEG lossless: invalid predictor " + predictor);
        }
        if (spectralEnd != 0 || approximation >> 4 != 0) {
            throw new CodecException("JPEG lossless: invalid scan parameters Se " + spectralEnd + ", Ah "
                    + (approximation >> 4) + " (both 0 in lossless mode)");
        }
        if (pointTransform >= precision) {
            throw new CodecException("JPEG lossless: invalid point transform " + pointTransform + " for precision "
                    + precision);
        }
        if ((long) rows * columns > Integer.MAX_VALUE - 8) {
            throw new CodecException("JPEG lossless: frame too large");
        }
        if (restartInterval % columns != 0) {
            throw new CodecException("JPEG lossless: restart interval " + restartInterval
                    + " is not a whole number of lines (" + columns + " samples)");
        }
        int linesPerInterval = restartInterval / columns;
        int[] out = new int[rows * columns];
        // Differences are coded modulo 2^16 (T.81 H.1.2.1), so a conforming encoder's samples, reconstructed modulo
        // 2^16, lie within its P-Pt bits; anything above is corrupt data or a changed point transform or predictor.
        int max = (1 << (precision - pointTransform)) - 1;
        int initial = 1 << (precision - pointTransform - 1);
        int restartNumber = 0;
        for (int y = 0, i = 0; y < rows; y++) {
            // the first line of the image and of each restart interval is predicted from the left only
            boolean firstLine = y == 0 || linesPerInterval > 0 && y % linesPerInterval == 0;
            if (firstLine && y > 0) {
                restart(restartNumber++ & 7);
            }
            int v = ((firstLine ? initial : out[i - columns]) + difference(table)) & 0xFFFF;
            if (v > max) {
                throw outOfRange(y, 0, v, pointTransform);
            }
            out[i] = v;
            i++;
            for (int x = 1; x < columns; x++, i++) {
                int prediction;
                if (firstLine) {
                    prediction = out[i - 1];
                } else {
                    int a = out[i - 1];
                    int b = out[i - columns];
                    int c = out[i - columns - 1];
                    prediction = switch (predictor) {
                        case 1 -> a;
                        case 2 -> b;
                        case 3 -> c;
                        case 4 -> a + b - c;
                        case 5 -> a + ((b - c) >> 1);
                        case 6 -> b + ((a - c) >> 1);
                        default -> (a + b) >> 1;
                    };
                }
                v = (prediction + difference(table)) & 0xFFFF;
                if (v > max) {
                    throw outOfRange(y, x, v, pointTransform);
                }
                out[i] = v;
            }
        }
        endOfImage();
        if (pointTransform > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] <<= pointTransform;
            }
        }
        return out;
    }

    private CodecException outOfRange(int y, int x, int value, int pointTransform) {
        return new CodecException("JPEG lossless: sample (" + x + ", " + y + ") decodes to " + value + ", outside the "
                + (precision - pointTransform) + "-bit range of precision " + precision + " and point transform "
                + pointTransform + " (corrupt entropy-coded data or scan header)");
    }

    /** Decodes one Huffman-coded difference category and its extra bits (T.81 H.1.2.2). */
    private int difference(char[] table) throws CodecException {
        if (nbits < 32) {
            fill();
        }
        int entry = table[(int) (bits >>> (nbits - 16)) & 0xFFFF];
        if (entry == 0) {
            throw new CodecException("JPEG lossless: invalid Huffman code near offset " + pos);
        }
        nbits -= entry >> 8;
        int category = entry & 0xFF;
        if (category >= 16) {
            return 32768; // category 16 carries no extra bits (categories above 16 are refused with the table)
        }
        // branch-free: category 0 reads no bits; a leading 0 bit means a negative value, v - (2^category - 1)
        nbits -= category;
        int v = (int) (bits >>> nbits) & ((1 << category) - 1);
        int negative = ((v >> (category - 1)) & 1) - 1;
        return v + (negative & (1 - (1 << category)));
    }

    /** Tops the bit buffer up to more than 56 bits; past a marker or the end of data it feeds zeros. */
    private void fill() throws CodecException {
        checkNotPastEnd();
        while (nbits <= 56) {
            int b = 0;
            if (atMarker || pos >= in.length) {
                padBits += 8;
            } else if ((b = in[pos] & 0xFF) != 0xFF) {
                pos++;
            } else if (pos + 1 < in.length && in[pos + 1] == 0) {
                pos += 2; // stuffed zero byte
            } else {
                b = 0;
                atMarker = true;
                padBits += 8;
            }
            bits = bits << 8 | b;
            nbits += 8;
        }
    }

    private void checkNotPastEnd() throws CodecException {
        if (nbits < padBits) {
            throw new CodecException("JPEG lossless: entropy-coded data end before the last sample"
                    + " (truncated or corrupt stream)");
        }
    }

    /**
     * Ends an entropy-coded segment: refuses it when its last sample was decoded from padding (data ran out) or when
     * more than the final partial byte is left unread before the next marker (a zeroed or otherwise corrupt segment
     * decodes to fewer bits than it holds), and moves to that marker. Returns the marker's offset.
     */
    private int endOfSegment() throws CodecException {
        checkNotPastEnd();
        long leftoverBits = nbits - padBits;
        int p = pos;
        while (!atMarker && p < in.length) {
            if (in[p] != (byte) 0xFF) {
                p++;
            } else if (p + 1 < in.length && in[p + 1] == 0) {
                p += 2; // stuffed zero byte
            } else {
                break; // a marker, or a lone FF at the very end
            }
            leftoverBits += 8;
        }
        if (leftoverBits >= 8) {
            throw new CodecException("JPEG lossless: " + leftoverBits / 8 + " bytes of entropy-coded data left after"
                    + " the last sample of the segment (corrupt data or wrong frame size)");
        }
        nbits = 0;
        padBits = 0;
        bits = 0;
        atMarker = false;
        pos = p;
        if (p + 1 >= in.length) {
            throw new CodecException("JPEG lossless: stream ends without a marker after the entropy-coded data"
                    + " (truncated)");
        }
        return p;
    }

    /** Skips the byte-alignment bits and the RSTn marker that must end each restart interval. */
    private void restart(int expected) throws CodecException {
        int at = endOfSegment();
        int m = nextMarker();
        if (m != 0xD0 + expected) {
            throw new CodecException("JPEG lossless: expected restart marker FFD" + expected + " at offset " + at
                    + ", found FF" + Integer.toHexString(m).toUpperCase());
        }
    }

    /** After the last sample: an optional DNL segment, then EOI, then nothing but padding bytes (00 or FF). */
    private void endOfImage() throws CodecException {
        int at = endOfSegment();
        int m = nextMarker();
        if (m == 0xDC) { // DNL: number of lines, when the frame header gave 0
            if (pos + 4 > in.length || u16() != 4) {
                throw new CodecException("JPEG lossless: invalid DNL segment");
            }
            int lines = u16();
            if (!heightFromDnl || lines != rows) {
                throw new CodecException("JPEG lossless: DNL marker gives " + lines + " lines, expected " + rows);
            }
            at = pos;
            if (pos + 1 >= in.length) {
                throw new CodecException("JPEG lossless: no end-of-image marker (truncated stream)");
            }
            m = nextMarker();
        } else if (heightFromDnl) {
            throw new CodecException("JPEG lossless: frame header gives 0 lines but no DNL marker follows the scan");
        }
        if (m != 0xD9) {
            throw new CodecException("JPEG lossless: expected the end-of-image marker FFD9 at offset " + at
                    + ", found FF" + Integer.toHexString(m).toUpperCase());
        }
        for (int p = pos; p < in.length; p++) {
            if (in[p] != 0 && in[p] != (byte) 0xFF) {
                throw new CodecException("JPEG lossless: " + (in.length - pos) + " bytes of data after the"
                        + " end-of-image marker");
            }
        }
    }

    private int u8() {
        return in[pos++] & 0xFF;
    }

    private int u16() {
        return u8() << 8 | u8();
    }
}
