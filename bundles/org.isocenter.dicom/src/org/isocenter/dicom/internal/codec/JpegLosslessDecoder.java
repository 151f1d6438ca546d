package org.isocenter.dicom.internal.codec;

import java.util.Arrays;

/**
 * Decodes a single-component lossless JPEG stream (ITU T.81 Annex H, process 14: SOF3, Huffman coding), as used by
 * DICOM transfer syntaxes 1.2.840.10008.1.2.4.57 and .70. Supports predictors 1-7, precision 2-16 bits, point
 * transform, restart intervals (whole lines, as libjpeg also requires) and up to four Huffman tables. The result holds
 * the unsigned samples (0..2^P-1) row-major; interpreting them as signed is the caller's business.
 */
public final class JpegLosslessDecoder {

    private final byte[] in;
    private int pos;
    /** Per table id: code-to-symbol table indexed by the next 16 bits; entry = codeLength << 8 | symbol, 0 = no code. */
    private final char[][] tables = new char[4][];
    private int restartInterval;
    private int precision;
    private int rows;
    private int columns;
    // bit reader: the low nbits of bits are unread, of which the last padBits are zero padding past a marker
    private long bits;
    private int nbits;
    private int padBits;
    private boolean atMarker;

    private JpegLosslessDecoder(byte[] in) {
        this.in = in;
    }

    public static int[] decode(byte[] jpegStream, int expectedRows, int expectedColumns) throws CodecException {
        if (jpegStream == null) {
            throw new CodecException("JPEG lossless: no data");
        }
        try {
            return new JpegLosslessDecoder(jpegStream).read(expectedRows, expectedColumns);
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
                readFrame(expectedRows, expectedColumns);
            } else if (marker == 0xC4) {
                while (pos < end) {
                    readHuffmanTable();
                }
            } else if (marker == 0xDD) {
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

    private void readFrame(int expectedRows, int expectedColumns) throws CodecException {
        precision = u8();
        rows = u16();
        columns = u16();
        int components = u8();
        if (components != 1) {
            throw new CodecException("JPEG lossless: " + components + " components, only single-component supported");
        }
        if (precision < 2 || precision > 16) {
            throw new CodecException("JPEG lossless: invalid precision " + precision);
        }
        if (rows == 0) {
            rows = expectedRows; // height given by a DNL marker after the scan
        }
        if (rows != expectedRows || columns != expectedColumns) {
            throw new CodecException("JPEG lossless: frame is " + rows + "x" + columns + ", expected "
                    + expectedRows + "x" + expectedColumns);
        }
        pos += 3; // component id, sampling factors (irrelevant for one component), quantisation table
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
        char[] table = new char[1 << 16];
        int code = 0;
        for (int len = 1; len <= 16; len++) {
            for (int k = 0; k < counts[len]; k++, code++) {
                if (code >= 1 << len) {
                    throw new CodecException("JPEG lossless: invalid Huffman table (code overflow)");
                }
                int shift = 16 - len;
                Arrays.fill(table, code << shift, (code + 1) << shift, (char) (len << 8 | u8()));
            }
            code <<= 1;
        }
        if (classAndId >> 4 == 0) { // AC tables are meaningless in lossless mode and ignored
            tables[id] = table;
        }
    }

    private int[] readScan() throws CodecException {
        int end = pos + u16();
        int components = u8();
        if (components != 1) {
            throw new CodecException("JPEG lossless: scan with " + components + " components");
        }
        pos++; // component selector: the frame has only one component
        char[] table = tables[u8() >> 4 & 3];
        int predictor = u8();
        pos++; // end of spectral selection, unused
        int pointTransform = u8() & 15;
        pos = end;
        if (table == null) {
            throw new CodecException("JPEG lossless: scan uses an undefined Huffman table");
        }
        if (predictor < 1 || predictor > 7) {
            throw new CodecException("JPEG lossless: invalid predictor " + predictor);
        }
        if (pointTransform >= precision) {
            throw new CodecException("JPEG lossless: invalid point transform " + pointTransform);
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
        int mask = (1 << (precision - pointTransform)) - 1;
        int initial = 1 << (precision - pointTransform - 1);
        for (int y = 0, i = 0; y < rows; y++) {
            // the first line of the image and of each restart interval is predicted from the left only
            boolean firstLine = y == 0 || linesPerInterval > 0 && y % linesPerInterval == 0;
            if (firstLine && y > 0) {
                restart();
            }
            out[i] = ((firstLine ? initial : out[i - columns]) + difference(table)) & mask;
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
                out[i] = (prediction + difference(table)) & mask;
            }
        }
        checkNotPastEnd();
        if (pointTransform > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] <<= pointTransform;
            }
        }
        return out;
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
            if (category > 16) {
                throw new CodecException("JPEG lossless: invalid difference category " + category);
            }
            return 32768; // category 16 carries no extra bits
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
            throw new CodecException("JPEG lossless: entropy-coded data truncated or corrupt");
        }
    }

    /** Skips the byte-alignment bits and the RSTn marker that must end each restart interval. */
    private void restart() throws CodecException {
        checkNotPastEnd();
        nbits = 0;
        padBits = 0;
        bits = 0;
        atMarker = false;
        if (pos + 1 >= in.length || in[pos] != (byte) 0xFF) {
            throw new CodecException("JPEG lossless: missing restart marker at offset " + pos);
        }
        int m = nextMarker();
        if (m < 0xD0 || m > 0xD7) {
            throw new CodecException("JPEG lossless: expected a restart marker, found FF" + Integer.toHexString(m));
        }
    }

    private int u8() {
        return in[pos++] & 0xFF;
    }

    private int u16() {
        return u8() << 8 | u8();
    }
}
