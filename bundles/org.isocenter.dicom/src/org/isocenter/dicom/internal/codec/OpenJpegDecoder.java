/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal.codec;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * Decodes a single-component JPEG 2000 code stream (ISO 15444-1, reversible or irreversible wavelet), as used by DICOM
 * transfer syntaxes 1.2.840.10008.1.2.4.90 and .91, through OpenJPEG (Debian package libopenjp2-7,
 * {@code libopenjp2.so.7}, OpenJPEG 2.x C API) called with JNA. A JP2 file wrapper, which some writers put in the
 * pixel data against the standard, is accepted too. The result holds the samples row-major, signed when the code
 * stream says so.
 */
public final class OpenJpegDecoder {

    /** Soname of the OpenJPEG 2.x runtime library (Debian libopenjp2-7). */
    public static final String LIBRARY = "libopenjp2.so.7";

    private static final int OPJ_CODEC_J2K = 0;
    private static final int OPJ_CODEC_JP2 = 2;
    /** sizeof(opj_dparameters_t) is about 8.3 KB (two 4096-byte paths); allocated with room to spare. */
    private static final int DPARAMETERS_BYTES = 16384;
    // opj_image_t: x0, y0, x1, y1, numcomps, color_space (4 bytes each), then comps (pointer) at 24
    private static final int IMAGE_NUMCOMPS = 16;
    private static final int IMAGE_COMPS = 24;
    // opj_image_comp_t: dx, dy, w, h, x0, y0, prec, bpp, sgnd, resno_decoded, factor (uint32 each), data at 48
    private static final int COMP_W = 8;
    private static final int COMP_H = 12;
    private static final int COMP_PREC = 24;
    private static final int COMP_SGND = 32;
    private static final int COMP_DATA = 48;

    /** The part of the OpenJPEG 2.x C API (openjpeg.h) used to decode from memory. */
    interface OpenJpeg extends Library {
        Pointer opj_create_decompress(int format);

        void opj_destroy_codec(Pointer codec);

        void opj_set_default_decoder_parameters(Pointer parameters);

        int opj_setup_decoder(Pointer codec, Pointer parameters);

        /** OpenJPEG 2.5.0 and later: a truncated code stream is an error instead of a partly decoded image. */
        int opj_decoder_set_strict_mode(Pointer codec, int strict);

        int opj_set_error_handler(Pointer codec, MessageCallback handler, Pointer clientData);

        int opj_set_warning_handler(Pointer codec, MessageCallback handler, Pointer clientData);

        Pointer opj_stream_create(long bufferSize, int isInput);

        void opj_stream_destroy(Pointer stream);

        void opj_stream_set_read_function(Pointer stream, ReadCallback read);

        void opj_stream_set_skip_function(Pointer stream, SkipCallback skip);

        void opj_stream_set_seek_function(Pointer stream, SeekCallback seek);

        void opj_stream_set_user_data_length(Pointer stream, long length);

        int opj_read_header(Pointer stream, Pointer codec, PointerByReference image);

        int opj_decode(Pointer codec, Pointer stream, Pointer image);

        int opj_end_decompress(Pointer codec, Pointer stream);

        void opj_image_destroy(Pointer image);
    }

    /** opj_msg_callback: void (*)(const char *msg, void *client_data). */
    public interface MessageCallback extends Callback {
        void invoke(String message, Pointer clientData);
    }

    /** opj_stream_read_fn: OPJ_SIZE_T (*)(void *buffer, OPJ_SIZE_T nb_bytes, void *user_data); -1 at the end. */
    public interface ReadCallback extends Callback {
        long invoke(Pointer buffer, long bytes, Pointer userData);
    }

    /** opj_stream_skip_fn: OPJ_OFF_T (*)(OPJ_OFF_T nb_bytes, void *user_data). */
    public interface SkipCallback extends Callback {
        long invoke(long bytes, Pointer userData);
    }

    /** opj_stream_seek_fn: OPJ_BOOL (*)(OPJ_OFF_T position, void *user_data). */
    public interface SeekCallback extends Callback {
        int invoke(long position, Pointer userData);
    }

    private static final NativeLibrary<OpenJpeg> NATIVE = new NativeLibrary<>(LIBRARY, OpenJpeg.class,
            "JPEG 2000 (OpenJPEG)", "libopenjp2-7");

    private OpenJpegDecoder() {
    }

    /** The loaded library, or throws naming the Debian package when it is missing. */
    static OpenJpeg library() throws CodecException {
        return NATIVE.get();
    }

    /** Whether the library can be loaded on this machine. */
    public static boolean available() {
        return NATIVE.available();
    }

    /** Decoded frame: samples row-major (sign-extended when signed), precision and signedness of the code stream. */
    public record Result(int[] samples, int precision, boolean signed) {
    }

    /** The in-memory stream OpenJPEG pulls from, with its callbacks (kept reachable for the whole decode). */
    private static final class Source {
        final byte[] data;
        long position;
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final ReadCallback read;
        final SkipCallback skip;
        final SeekCallback seek;
        final MessageCallback error;
        final MessageCallback warning;

        Source(byte[] bytes) {
            this.data = bytes;
            read = (buffer, count, userData) -> {
                long left = data.length - position;
                if (left <= 0) {
                    return -1L; // (OPJ_SIZE_T)-1: end of stream
                }
                int n = (int) Math.min(left, count);
                buffer.write(0, data, (int) position, n);
                position += n;
                return n;
            };
            skip = (count, userData) -> {
                long target = Math.max(0, Math.min(data.length, position + count));
                long skipped = target - position;
                position = target;
                return skipped == 0 && count != 0 ? -1 : skipped;
            };
            seek = (target, userData) -> {
                if (target < 0 || target > data.length) {
                    return 0;
                }
                position = target;
                return 1;
            };
            error = (message, clientData) -> errors.add(message == null ? "" : message.strip());
            warning = (message, clientData) -> warnings.add(message == null ? "" : message.strip());
        }

        String errorText() {
            return errors.isEmpty() ? "" : ": " + String.join("; ", errors);
        }
    }

    /**
     * Decodes the stream, refusing any whose image is not {@code expectedRows} x {@code expectedColumns} with one
     * component of at most 16 bits (the first component is not silently taken from a colour image), a code stream
     * that does not end with the EOC marker (only padding after it), and any stream OpenJPEG finds truncated or
     * corrupt (strict mode, OpenJPEG 2.5 and later; with older versions a truncation warning counts as an error).
     * OpenJPEG pulls the input through a callback that never reads past {@code stream.length}.
     */
    public static Result decode(byte[] stream, int expectedRows, int expectedColumns) throws CodecException {
        if (stream == null || stream.length < 4) {
            throw new CodecException("JPEG 2000: no data");
        }
        OpenJpeg opj = library();
        boolean jp2 = (stream[0] == 0 && stream[1] == 0 && stream[2] == 0 && stream[3] == 0x0C);
        if (!jp2 && ((stream[0] & 0xFF) != 0xFF || (stream[1] & 0xFF) != 0x4F)) {
            throw new CodecException("JPEG 2000: neither a code stream (FF4F) nor a JP2 file");
        }
        if (!jp2) {
            StreamEnd.requireSingleCodeStream(stream);
        }
        Source source = new Source(stream);
        Pointer codec = opj.opj_create_decompress(jp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K);
        if (codec == null) {
            throw new CodecException("JPEG 2000: OpenJPEG could not create a decoder");
        }
        Pointer opjStream = null;
        Pointer image = null;
        try (Memory parameters = new Memory(DPARAMETERS_BYTES)) {
            parameters.clear();
            opj.opj_set_error_handler(codec, source.error, null);
            opj.opj_set_warning_handler(codec, source.warning, null);
            opj.opj_set_default_decoder_parameters(parameters);
            if (opj.opj_setup_decoder(codec, parameters) == 0) {
                throw new CodecException("JPEG 2000: decoder set-up failed" + source.errorText());
            }
            boolean strict;
            try {
                strict = opj.opj_decoder_set_strict_mode(codec, 1) != 0;
            } catch (UnsatisfiedLinkError e) { // OpenJPEG before 2.5.0
                strict = false;
            }
            opjStream = opj.opj_stream_create(Math.min(1 << 20, Math.max(4096, stream.length)), 1);
            if (opjStream == null) {
                throw new CodecException("JPEG 2000: OpenJPEG could not create a stream");
            }
            opj.opj_stream_set_read_function(opjStream, source.read);
            opj.opj_stream_set_skip_function(opjStream, source.skip);
            opj.opj_stream_set_seek_function(opjStream, source.seek);
            opj.opj_stream_set_user_data_length(opjStream, stream.length);
            PointerByReference imageRef = new PointerByReference();
            if (opj.opj_read_header(opjStream, codec, imageRef) == 0) {
                image = imageRef.getValue();
                throw new CodecException("JPEG 2000: cannot read the header" + source.errorText());
            }
            image = imageRef.getValue();
            int components = image.getInt(IMAGE_NUMCOMPS);
            Pointer comps = image.getPointer(IMAGE_COMPS);
            if (components != 1 || comps == null) {
                throw new CodecException("JPEG 2000 stream has " + components + " components; only greyscale (1) is supported");
            }
            int width = comps.getInt(COMP_W), height = comps.getInt(COMP_H);
            if (width != expectedColumns || height != expectedRows) {
                throw new CodecException("JPEG 2000 image is " + Integer.toUnsignedString(width) + " x "
                        + Integer.toUnsignedString(height) + ", the header says " + expectedColumns + " x " + expectedRows);
            }
            int precision = comps.getInt(COMP_PREC);
            if (precision < 1 || precision > 16) {
                throw new CodecException("JPEG 2000 stream has " + precision + "-bit samples (at most 16 supported)");
            }
            if (opj.opj_decode(codec, opjStream, image) == 0 || opj.opj_end_decompress(codec, opjStream) == 0) {
                throw new CodecException("JPEG 2000: decoding failed" + source.errorText());
            }
            comps = image.getPointer(IMAGE_COMPS);
            Pointer data = comps.getPointer(COMP_DATA);
            if (data == null || comps.getInt(COMP_W) != width || comps.getInt(COMP_H) != height) {
                throw new CodecException("JPEG 2000: no decoded samples" + source.errorText());
            }
            int[] samples = data.getIntArray(0, width * height);
            return new Result(samples, precision, comps.getInt(COMP_SGND) != 0);
        } finally {
            if (image != null) {
                opj.opj_image_destroy(image);
            }
            if (opjStream != null) {
                opj.opj_stream_destroy(opjStream);
            }
            opj.opj_destroy_codec(codec);
            // the callbacks must stay reachable until OpenJPEG is done with them
            java.lang.ref.Reference.reachabilityFence(source);
        }
    }
}
