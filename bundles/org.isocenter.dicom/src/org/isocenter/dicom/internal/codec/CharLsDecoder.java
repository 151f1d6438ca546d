/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal.codec;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;

/**
 * Decodes a single-component JPEG-LS stream (ITU T.87, lossless or near-lossless), as used by DICOM transfer syntaxes
 * 1.2.840.10008.1.2.4.80 and .81, through CharLS (Debian package libcharls2, {@code libcharls.so.2}, CharLS 2.x C API)
 * called with JNA. The result holds the unsigned samples (0..2^P-1) row-major.
 */
public final class CharLsDecoder {

    /** Soname of the CharLS 2.x runtime library (Debian libcharls2). */
    public static final String LIBRARY = "libcharls.so.2";

    /** The CharLS 2.x C decoder API (charls_jpegls_decoder.h); size_t is 64-bit on the supported platform. */
    interface CharLs extends Library {
        Pointer charls_jpegls_decoder_create();

        void charls_jpegls_decoder_destroy(Pointer decoder);

        int charls_jpegls_decoder_set_source_buffer(Pointer decoder, Pointer source, long sourceSize);

        int charls_jpegls_decoder_read_header(Pointer decoder);

        /** frameInfo: width, height (uint32), bits_per_sample, component_count (int32). */
        int charls_jpegls_decoder_get_frame_info(Pointer decoder, int[] frameInfo);

        int charls_jpegls_decoder_get_near_lossless(Pointer decoder, int component, int[] nearLossless);

        int charls_jpegls_decoder_get_destination_size(Pointer decoder, int stride, LongByReference size);

        int charls_jpegls_decoder_decode_to_buffer(Pointer decoder, byte[] destination, long destinationSize, int stride);

        String charls_get_error_message(int error);
    }

    private static final NativeLibrary<CharLs> NATIVE = new NativeLibrary<>(LIBRARY, CharLs.class, "JPEG-LS (CharLS)",
            "libcharls2");

    private CharLsDecoder() {
    }

    /** The loaded library, or throws naming the Debian package when it is missing. */
    static CharLs library() throws CodecException {
        return NATIVE.get();
    }

    /** Whether the library can be loaded on this machine. */
    public static boolean available() {
        return NATIVE.available();
    }

    /** Decoded frame: unsigned samples row-major, and the NEAR parameter (0 = lossless). */
    public record Result(int[] samples, int nearLossless) {
    }

    /**
     * Decodes the stream, refusing any whose frame is not {@code expectedRows} x {@code expectedColumns}, single
     * component, 2..16 bits, that does not end with the EOI marker (only padding after it), or that CharLS reports
     * as corrupt. CharLS reads only the {@code stream.length} bytes copied to native memory and writes only into an
     * output buffer of exactly Rows x Columns samples.
     */
    public static Result decode(byte[] stream, int expectedRows, int expectedColumns) throws CodecException {
        if (stream == null || stream.length == 0) {
            throw new CodecException("JPEG-LS: no data");
        }
        StreamEnd.requireSingleImage(stream, "JPEG-LS", true);
        CharLs charls = library();
        Pointer decoder = charls.charls_jpegls_decoder_create();
        if (decoder == null) {
            throw new CodecException("JPEG-LS: CharLS could not create a decoder");
        }
        try (Memory source = new Memory(stream.length)) { // must outlive every call: CharLS keeps the pointer
            source.write(0, stream, 0, stream.length);
            check(charls, charls.charls_jpegls_decoder_set_source_buffer(decoder, source, stream.length));
            check(charls, charls.charls_jpegls_decoder_read_header(decoder));
            int[] info = new int[4];
            check(charls, charls.charls_jpegls_decoder_get_frame_info(decoder, info));
            int width = info[0], height = info[1], bits = info[2], components = info[3];
            if (components != 1) {
                throw new CodecException("JPEG-LS stream has " + components + " components; only greyscale (1) is supported");
            }
            if (width != expectedColumns || height != expectedRows) {
                throw new CodecException("JPEG-LS frame is " + Integer.toUnsignedString(width) + " x "
                        + Integer.toUnsignedString(height) + ", the header says " + expectedColumns + " x " + expectedRows);
            }
            if (bits < 2 || bits > 16) {
                throw new CodecException("JPEG-LS stream has " + bits + " bits per sample");
            }
            int[] near = new int[1];
            check(charls, charls.charls_jpegls_decoder_get_near_lossless(decoder, 0, near));
            int bytesPerSample = bits <= 8 ? 1 : 2;
            int n = width * height;
            LongByReference size = new LongByReference();
            check(charls, charls.charls_jpegls_decoder_get_destination_size(decoder, 0, size));
            if (size.getValue() != (long) n * bytesPerSample) {
                throw new CodecException("JPEG-LS: CharLS asks for " + size.getValue() + " bytes for " + n + " samples");
            }
            byte[] out = new byte[n * bytesPerSample];
            check(charls, charls.charls_jpegls_decoder_decode_to_buffer(decoder, out, out.length, 0));
            int[] samples = new int[n];
            if (bytesPerSample == 1) {
                for (int p = 0; p < n; p++) {
                    samples[p] = out[p] & 0xFF;
                }
            } else { // native (little-endian) 16-bit words
                for (int p = 0; p < n; p++) {
                    samples[p] = (out[2 * p] & 0xFF) | (out[2 * p + 1] & 0xFF) << 8;
                }
            }
            return new Result(samples, near[0]);
        } finally {
            charls.charls_jpegls_decoder_destroy(decoder);
        }
    }

    private static void check(CharLs charls, int error) throws CodecException {
        if (error != 0) {
            throw new CodecException("JPEG-LS: " + charls.charls_get_error_message(error) + " (CharLS error " + error + ")");
        }
    }
}
