/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import org.isocenter.dicom.internal.codec.CharLsDecoder;
import org.isocenter.dicom.internal.codec.CodecException;
import org.isocenter.dicom.internal.codec.DcmtkJpegDecoder;
import org.isocenter.dicom.internal.codec.ImageIoJpegDecoder;
import org.isocenter.dicom.internal.codec.JpegLosslessDecoder;
import org.isocenter.dicom.internal.codec.OpenJpegDecoder;
import org.isocenter.dicom.internal.codec.RleDecoder;
import org.isocenter.dicom.io.DicomReadException;

/**
 * Turns the Pixel Data of one greyscale frame into stored sample values: native (implicit/explicit VR,
 * little or big endian, 8/16/32 bits allocated) through PixelMed; RLE Lossless and JPEG Lossless (process 14, any
 * predictor) through Isocenter's own decoders; 8-bit JPEG Baseline/Extended through the JDK's ImageIO JPEG reader;
 * 12-bit JPEG Extended through dcmtk's dcmdjpeg in a separate process; JPEG-LS through CharLS and JPEG 2000 through
 * OpenJPEG (Debian's libcharls2 and libopenjp2-7, called with JNA). Other encapsulated transfer syntaxes and colour
 * images are refused with the syntax named.
 */
public final class PixelDecoder {

    /** JPEG Baseline (Process 1), lossy 8-bit. */
    public static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    /** JPEG Extended (Process 2 and 4), lossy 8 or 12-bit. */
    public static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";
    /** JPEG-LS Lossless. */
    public static final String JPEG_LS = "1.2.840.10008.1.2.4.80";
    /** JPEG-LS Lossy (Near-Lossless). */
    public static final String JPEG_LS_NEAR = "1.2.840.10008.1.2.4.81";
    /** JPEG 2000 Image Compression (Lossless Only). */
    public static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    /** JPEG 2000 Image Compression (lossless or lossy). */
    public static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";

    /** Transfer syntaxes whose pixel data this class decodes. */
    public static final Map<String, String> SUPPORTED = Map.ofEntries(
            Map.entry(TransferSyntax.ImplicitVRLittleEndian, "Implicit VR Little Endian"),
            Map.entry(TransferSyntax.ExplicitVRLittleEndian, "Explicit VR Little Endian"),
            Map.entry(TransferSyntax.ExplicitVRBigEndian, "Explicit VR Big Endian"),
            Map.entry(TransferSyntax.DeflatedExplicitVRLittleEndian, "Deflated Explicit VR Little Endian"),
            Map.entry(TransferSyntax.RLE, "RLE Lossless"),
            Map.entry(TransferSyntax.JPEGLossless, "JPEG Lossless, Non-Hierarchical (Process 14)"),
            Map.entry(TransferSyntax.JPEGLosslessSV1, "JPEG Lossless, First-Order Prediction (Process 14 SV1)"),
            Map.entry(JPEG_BASELINE, "JPEG Baseline (Process 1, lossy)"),
            Map.entry(JPEG_EXTENDED, "JPEG Extended (Process 2 and 4, lossy)"),
            Map.entry(JPEG_LS, "JPEG-LS Lossless"),
            Map.entry(JPEG_LS_NEAR, "JPEG-LS Near-Lossless (lossy)"),
            Map.entry(JPEG_2000_LOSSLESS, "JPEG 2000 Lossless Only"),
            Map.entry(JPEG_2000, "JPEG 2000 (lossless or lossy)"));

    private static final Map<String, String> KNOWN_UNSUPPORTED = Map.of(
            "1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Lossless",
            "1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component",
            "1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Lossless",
            "1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 RPCL Lossless",
            "1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000",
            "1.2.840.10008.1.2.4.100", "MPEG-2 video",
            "1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 video",
            "1.2.840.10008.1.2.4.53", "JPEG Spectral Selection (retired)",
            "1.2.840.10008.1.2.4.55", "JPEG Full Progression (retired)");

    /** Transfer syntaxes whose decoding always or possibly loses information. */
    private static final Map<String, String> LOSSY = Map.of(
            JPEG_BASELINE, "JPEG Baseline", JPEG_EXTENDED, "JPEG Extended",
            JPEG_LS_NEAR, "JPEG-LS Near-Lossless", JPEG_2000, "JPEG 2000 (lossy allowed)");

    /** Largest frame accepted (8192 x 8192): larger Rows x Columns are taken for corruption, not allocated. */
    public static final long MAX_SAMPLES_PER_FRAME = 8192L * 8192L;

    private PixelDecoder() {
    }

    /**
     * Refuses compressed frames too short to hold the decoded size even at the codec's best ratio (RLE: 2 bytes
     * per 128 bytes; JPEG Lossless: 1 bit per sample), so corrupt sizes never cause large allocations. (JPEG, JPEG-LS
     * and JPEG 2000 have no such bound: their decoders check the frame size in the stream against Rows x Columns,
     * which is itself bounded by {@link #MAX_SAMPLES_PER_FRAME}, before decoding.)
     */
    private static void checkCompressedLength(Path file, String ts, long compressedBytes, long decodedBytes)
            throws DicomReadException {
        long maxDecoded = ts.equals(TransferSyntax.RLE) ? 64 * compressedBytes + 64 : 8 * compressedBytes * 2 + 1024;
        if (decodedBytes > maxDecoded) {
            throw new DicomReadException(file, "compressed frame of " + compressedBytes + " bytes cannot hold "
                    + decodedBytes + " bytes of pixels (truncated or corrupt)");
        }
    }

    /**
     * Null when the file's transfer syntax can be decoded, else the refusal message (also when the native codec a
     * syntax needs, CharLS or OpenJPEG, cannot be loaded on this machine).
     */
    public static String unsupportedTransferSyntax(String ts) {
        if ((ts.equals(JPEG_LS) || ts.equals(JPEG_LS_NEAR)) && !CharLsDecoder.available()) {
            return "unsupported transfer syntax " + ts + " (" + SUPPORTED.get(ts) + ") on this machine: the JPEG-LS codec "
                    + CharLsDecoder.LIBRARY + " (Debian package libcharls2) is not installed";
        }
        if ((ts.equals(JPEG_2000) || ts.equals(JPEG_2000_LOSSLESS)) && !OpenJpegDecoder.available()) {
            return "unsupported transfer syntax " + ts + " (" + SUPPORTED.get(ts) + ") on this machine: the JPEG 2000 codec "
                    + OpenJpegDecoder.LIBRARY + " (Debian package libopenjp2-7) is not installed";
        }
        if (ts.isEmpty() || SUPPORTED.containsKey(ts)) {
            return null;
        }
        return "unsupported transfer syntax " + ts + " (" + KNOWN_UNSUPPORTED.getOrDefault(ts, "unknown") + "); supported: "
                + String.join(", ", SUPPORTED.values().stream().sorted().toList());
    }

    /**
     * The stored values of frame {@code frame} (0-based), row by row: masked to Bits Stored and sign-extended
     * when Pixel Representation is 1. For unsigned 32-bit data the int holds the raw bits (use
     * {@link Integer#toUnsignedLong(int)}).
     */
    public static int[] frame(Path file, AttributeList l, int frame) throws DicomReadException {
        String ts = Attrs.string(l, TagFromName.TransferSyntaxUID);
        String refusal = unsupportedTransferSyntax(ts);
        if (refusal != null) {
            throw new DicomReadException(file, refusal);
        }
        int rows = Attrs.integer(l, TagFromName.Rows, 0);
        int columns = Attrs.integer(l, TagFromName.Columns, 0);
        int bits = Attrs.integer(l, TagFromName.BitsAllocated, 16);
        int bitsStored = Attrs.integer(l, TagFromName.BitsStored, bits);
        boolean signed = Attrs.integer(l, TagFromName.PixelRepresentation, 0) == 1;
        int frames = Math.max(1, Attrs.integer(l, TagFromName.NumberOfFrames, 1));
        if (rows <= 0 || columns <= 0) {
            throw new DicomReadException(file, "missing Rows/Columns");
        }
        if (Attrs.integer(l, TagFromName.SamplesPerPixel, 1) != 1) {
            throw new DicomReadException(file, "colour images (Samples per Pixel > 1) are not supported here");
        }
        if (bits != 8 && bits != 16 && bits != 32) {
            throw new DicomReadException(file, "Bits Allocated " + bits + " is not supported (8, 16 or 32)");
        }
        if (bitsStored < 1 || bitsStored > bits) {
            throw new DicomReadException(file, "Bits Stored " + bitsStored + " does not fit Bits Allocated " + bits);
        }
        if (frame < 0 || frame >= frames) {
            throw new DicomReadException(file, "frame " + frame + " of " + frames);
        }
        Attribute pd = l.getPixelData();
        if (pd == null) {
            throw new DicomReadException(file, "no Pixel Data");
        }
        if ((long) rows * columns > MAX_SAMPLES_PER_FRAME) {
            throw new DicomReadException(file, "frame of " + rows + " x " + columns + " pixels exceeds the "
                    + MAX_SAMPLES_PER_FRAME + "-pixel limit (corrupt Rows/Columns?)");
        }
        int n = rows * columns;
        int[] raw;
        try {
            if (pd instanceof OtherByteAttributeMultipleCompressedFrames compressed) {
                byte[][] data = compressed.getFrames();
                if (data == null || frame >= data.length) {
                    throw new DicomReadException(file, "compressed pixel data has " + (data == null ? 0 : data.length)
                            + " frames, frame " + (frame + 1) + " missing");
                }
                if (ts.equals(JPEG_EXTENDED) && DcmtkJpegDecoder.isTwelveBit(data[frame], rows, columns)) {
                    raw = decodeTwelveBitJpeg(file, frame, rows, columns, bits, frames);
                } else {
                    raw = decodeCompressed(file, ts, data[frame], rows, columns, bits, bitsStored);
                }
            } else {
                raw = nativeFrame(file, pd, n, frame, bits, ts.equals(TransferSyntax.ExplicitVRBigEndian));
            }
        } catch (CodecException e) {
            throw new DicomReadException(file, "cannot decode " + SUPPORTED.get(ts) + " (" + ts + ") pixel data: "
                    + e.getMessage(), e);
        } catch (DicomException e) {
            throw new DicomReadException(file, "cannot decode pixel data: " + e.getMessage(), e);
        }
        maskAndSignExtend(raw, bitsStored, signed);
        return raw;
    }

    /**
     * Frame {@code frame} of a 12-bit JPEG Extended file: dcmtk decompresses the whole file in a separate process to
     * a temporary file (deleted here), whose image attributes must be the original's before its native samples are
     * taken.
     */
    private static int[] decodeTwelveBitJpeg(Path file, int frame, int rows, int columns, int bits, int frames)
            throws CodecException, DicomReadException, DicomException {
        if (bits != 16) {
            throw new CodecException("12-bit JPEG samples need Bits Allocated 16, the header says " + bits);
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("isocenter-jpeg12-", ".dcm");
            DcmtkJpegDecoder.decompress(file, copy);
            AttributeList decoded = new AttributeList();
            decoded.read(copy.toString());
            int r = Attrs.integer(decoded, TagFromName.Rows, 0), c = Attrs.integer(decoded, TagFromName.Columns, 0);
            int b = Attrs.integer(decoded, TagFromName.BitsAllocated, 0);
            int f = Math.max(1, Attrs.integer(decoded, TagFromName.NumberOfFrames, 1));
            String ts = Attrs.string(decoded, TagFromName.TransferSyntaxUID);
            Attribute pd = decoded.getPixelData();
            if (r != rows || c != columns || b != bits || f != frames || pd == null
                    || !TransferSyntax.ExplicitVRLittleEndian.equals(ts)
                    || pd instanceof OtherByteAttributeMultipleCompressedFrames) {
                throw new CodecException("12-bit JPEG: " + DcmtkJpegDecoder.TOOL + " wrote " + c + " x " + r + " x " + f
                        + " frames of " + b + " bits in " + ts + ", expected " + columns + " x " + rows + " x " + frames
                        + " of " + bits + " bits uncompressed");
            }
            return nativeFrame(file, pd, rows * columns, frame, bits, false);
        } catch (IOException e) {
            throw new CodecException("12-bit JPEG: " + e.getMessage(), e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    copy.toFile().deleteOnExit();
                }
            }
        }
    }

    /** One compressed frame's samples (not yet masked or sign-extended), through the codec of its transfer syntax. */
    private static int[] decodeCompressed(Path file, String ts, byte[] frame, int rows, int columns, int bits, int bitsStored)
            throws CodecException, DicomReadException {
        int n = rows * columns;
        switch (ts) {
            case TransferSyntax.RLE -> {
                checkCompressedLength(file, ts, frame.length, (long) n * (bits / 8));
                return fromLittleEndian(RleDecoder.decode(frame, rows, columns, bits / 8, 1), n, bits);
            }
            case TransferSyntax.JPEGLossless, TransferSyntax.JPEGLosslessSV1 -> {
                checkCompressedLength(file, ts, frame.length, (long) n * (bits / 8));
                return JpegLosslessDecoder.decode(frame, rows, columns, bits);
            }
            case JPEG_BASELINE, JPEG_EXTENDED -> {
                return ImageIoJpegDecoder.decode(frame, rows, columns);
            }
            case JPEG_LS, JPEG_LS_NEAR -> {
                CharLsDecoder.Result r = CharLsDecoder.decode(frame, rows, columns);
                return r.samples();
            }
            case JPEG_2000, JPEG_2000_LOSSLESS -> {
                OpenJpegDecoder.Result r = OpenJpegDecoder.decode(frame, rows, columns);
                if (r.precision() > bits) {
                    throw new CodecException(r.precision() + "-bit JPEG 2000 samples do not fit Bits Allocated " + bits);
                }
                return r.samples();
            }
            default -> throw new CodecException("no decoder for transfer syntax " + ts);
        }
    }

    /**
     * Null when the pixel data are stored as acquired, else a warning that they were lossy compressed: the transfer
     * syntax is a lossy one (JPEG Baseline/Extended, JPEG-LS Near-Lossless, JPEG 2000 unless Lossy Image Compression
     * (0028,2110) says "00") or Lossy Image Compression is "01" (compressed lossily at some earlier time).
     */
    public static String lossyCompressionWarning(AttributeList l) {
        String ts = Attrs.string(l, TagFromName.TransferSyntaxUID);
        String flag = Attrs.string(l, TagFromName.LossyImageCompression);
        String method = Attrs.string(l, TagFromName.LossyImageCompressionMethod);
        boolean saysLossless = flag.equals("00") && (ts.equals(JPEG_2000) || ts.equals(JPEG_LS_NEAR));
        if (LOSSY.containsKey(ts) && !saysLossless) {
            return "lossy compressed pixel data (" + LOSSY.get(ts) + ", " + ts + "): values are not the original ones";
        }
        if (flag.equals("01")) {
            return "pixel data were lossy compressed before (Lossy Image Compression 01"
                    + (method.isEmpty() ? "" : ", " + method) + "): values are not the original ones";
        }
        return null;
    }

    /** Per-thread read buffer of the fast path (grows to the largest slice read; one per decoding thread). */
    private static final ThreadLocal<java.nio.ByteBuffer> READ_BUFFER = ThreadLocal
            .withInitial(() -> java.nio.ByteBuffer.allocateDirect(512 * 512 * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN));

    /**
     * Fast path for single-frame native little-endian 16-bit greyscale files (the common CT/MR case): reads the
     * pixel words straight from the file after a header read that stopped at Pixel Data, without PixelMed
     * parsing the values. Returns the raw words (not masked or sign-extended; valid until the calling thread's
     * next call), or null when the file is not such a file (the caller then reads it whole).
     */
    public static java.nio.ShortBuffer nativeWords16(Path file, Part10.Header header) throws DicomReadException {
        AttributeList l = header.list();
        String ts = Attrs.string(l, TagFromName.TransferSyntaxUID);
        boolean explicit = ts.equals(TransferSyntax.ExplicitVRLittleEndian);
        if (header.pixelDataTagEnd() < 0 || !(explicit || ts.equals(TransferSyntax.ImplicitVRLittleEndian))
                || Attrs.integer(l, TagFromName.NumberOfFrames, 1) > 1 || Attrs.integer(l, TagFromName.SamplesPerPixel, 1) != 1
                || Attrs.integer(l, TagFromName.BitsAllocated, 16) != 16) {
            return null;
        }
        int rows = Attrs.integer(l, TagFromName.Rows, 0), columns = Attrs.integer(l, TagFromName.Columns, 0);
        if (rows <= 0 || columns <= 0 || (long) rows * columns > MAX_SAMPLES_PER_FRAME) {
            return null;
        }
        int n = rows * columns;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            // explicit VR: VR (2) + reserved (2) + length (4); implicit VR: length (4)
            int headBytes = Part10.pixelDataHeaderBytes(ts);
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(headBytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.read(head, header.pixelDataTagEnd());
            if (head.position() < headBytes) {
                throw new DicomReadException(file, "pixel data truncated: no value length");
            }
            long length = Integer.toUnsignedLong(head.getInt(headBytes - 4));
            if (length == 0xFFFFFFFFL) {
                return null; // undefined length in a native syntax: leave it to the general reader
            }
            long at = header.pixelDataTagEnd() + headBytes;
            long available = Math.min(length, ch.size() - at);
            if (available < 2L * n) {
                throw new DicomReadException(file, "pixel data truncated: " + Math.max(0, available / 2) + " of " + n
                        + " samples present");
            }
            java.nio.ByteBuffer data = READ_BUFFER.get();
            if (data.capacity() < 2 * n) {
                data = java.nio.ByteBuffer.allocateDirect(2 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                READ_BUFFER.set(data);
            }
            data.clear().limit(2 * n);
            while (data.hasRemaining()) {
                if (ch.read(data, at + data.position()) < 0) {
                    throw new DicomReadException(file, "pixel data truncated");
                }
            }
            data.flip();
            return data.asShortBuffer();
        } catch (java.io.IOException e) {
            throw new DicomReadException(file, "cannot read pixel data: " + e.getMessage(), e);
        }
    }

    /** Keeps the low {@code bitsStored} bits of each sample (DICOM: the others are ignored) and sign-extends. */
    public static void maskAndSignExtend(int[] raw, int bitsStored, boolean signed) {
        if (bitsStored >= 32) {
            return;
        }
        int mask = (1 << bitsStored) - 1;
        int signBit = 1 << (bitsStored - 1);
        for (int p = 0; p < raw.length; p++) {
            int v = raw[p] & mask;
            raw[p] = signed && (v & signBit) != 0 ? v - (1 << bitsStored) : v;
        }
    }

    private static int[] nativeFrame(Path file, Attribute pd, int n, int frame, int bits, boolean bigEndian)
            throws DicomException, DicomReadException {
        int[] out = new int[n];
        if (bits == 8 && pd instanceof com.pixelmed.dicom.OtherByteAttribute) {
            byte[] b = pd.getByteValues();
            checkLength(file, b == null ? 0 : b.length, (long) (frame + 1) * n);
            for (int p = 0, o = frame * n; p < n; p++) {
                out[p] = b[o + p] & 0xFF;
            }
            return out;
        }
        short[] s = pd.getShortValues();
        int len = s == null ? 0 : s.length;
        if (bits == 8) { // OW holding byte pairs, first sample in the low byte
            checkLength(file, 2L * len, (long) (frame + 1) * n);
            for (int p = 0, o = frame * n; p < n; p++) {
                int w = s[(o + p) >> 1];
                out[p] = ((o + p) & 1) == 0 ? w & 0xFF : (w >> 8) & 0xFF;
            }
        } else if (bits == 16) {
            checkLength(file, len, (long) (frame + 1) * n);
            for (int p = 0, o = frame * n; p < n; p++) {
                out[p] = s[o + p];
            }
        } else { // 32 bits as word pairs: low word first in little endian, high word first in big endian
            checkLength(file, len / 2, (long) (frame + 1) * n);
            for (int p = 0, o = 2 * frame * n; p < n; p++, o += 2) {
                int first = s[o] & 0xFFFF, second = s[o + 1] & 0xFFFF;
                out[p] = bigEndian ? first << 16 | second : second << 16 | first;
            }
        }
        return out;
    }

    private static void checkLength(Path file, long available, long needed) throws DicomReadException {
        if (available < needed) {
            throw new DicomReadException(file, "pixel data truncated: " + available + " of " + needed + " samples present");
        }
    }

    private static int[] fromLittleEndian(byte[] b, int n, int bits) {
        int[] out = new int[n];
        int bytes = bits / 8;
        for (int p = 0; p < n; p++) {
            int v = 0;
            for (int k = bytes - 1; k >= 0; k--) {
                v = v << 8 | (b[p * bytes + k] & 0xFF);
            }
            out[p] = v;
        }
        return out;
    }
}
