/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal.codec;

/**
 * Decodes one frame of DICOM RLE Lossless (PS3.5 Annex G, transfer syntax 1.2.840.10008.1.2.5): a 64-byte header
 * (little-endian uint32 segment count, then 15 uint32 segment offsets) followed by PackBits-coded segments, one
 * per byte of each sample, most significant byte first. The result is little-endian, sample-interleaved bytes:
 * sample {@code s} of pixel {@code p} occupies bytes {@code [(p*spp+s)*bps, (p*spp+s+1)*bps)}.
 */
public final class RleDecoder {

    private RleDecoder() {
    }

    /**
     * Decodes one frame, refusing (before allocating anything) a header whose segment count is not
     * {@code bytesPerSample * samplesPerPixel} or whose offsets are not ascending within the fragment, and any
     * segment whose runs do not decode to exactly {@code rows * columns} bytes (at most one byte of padding after).
     */
    public static byte[] decode(byte[] rleFrame, int rows, int columns, int bytesPerSample, int samplesPerPixel)
            throws CodecException {
        if (rows <= 0 || columns <= 0) {
            throw new CodecException("RLE: invalid frame size " + rows + "x" + columns);
        }
        if (bytesPerSample != 1 && bytesPerSample != 2 && bytesPerSample != 4) {
            throw new CodecException("RLE: unsupported bytes per sample " + bytesPerSample + " (1, 2 or 4)");
        }
        if (samplesPerPixel < 1 || samplesPerPixel * bytesPerSample > 15) {
            throw new CodecException("RLE: unsupported samples per pixel " + samplesPerPixel);
        }
        if (rleFrame == null || rleFrame.length < 64) {
            throw new CodecException("RLE: frame shorter than the 64-byte header");
        }
        int segments = samplesPerPixel * bytesPerSample;
        long count = uint32(rleFrame, 0);
        if (count != segments) {
            throw new CodecException("RLE: header has " + count + " segments, expected " + segments
                    + (count < 1 || count > 15 ? " (a header holds 1 to 15)" : ""));
        }
        // every offset is checked before anything is allocated: ascending, after the header, inside the fragment
        long[] offsets = new long[segments + 1];
        for (int seg = 0; seg < segments; seg++) {
            offsets[seg] = uint32(rleFrame, 4 + 4 * seg);
            long previous = seg == 0 ? 64 : offsets[seg - 1] + 1;
            if (offsets[seg] < previous || offsets[seg] >= rleFrame.length) {
                throw new CodecException("RLE: segment " + seg + " offset " + offsets[seg] + " is "
                        + (offsets[seg] >= rleFrame.length ? "beyond the end of the frame (" + rleFrame.length + " bytes)"
                                : seg == 0 ? "inside the 64-byte header" : "not after segment " + (seg - 1) + "'s offset "
                                        + offsets[seg - 1] + " (overlapping segments)"));
            }
        }
        offsets[segments] = rleFrame.length;
        long pixels = (long) rows * columns;
        if (pixels * segments > Integer.MAX_VALUE - 8) {
            throw new CodecException("RLE: frame too large (" + rows + "x" + columns + ")");
        }
        // each segment byte decodes to at most 128 bytes: a frame too short for its size is refused before allocation
        for (int seg = 0; seg < segments; seg++) {
            long bytes = offsets[seg + 1] - offsets[seg];
            if (bytes * 64 < pixels) { // a replicate run of 128 bytes takes 2 bytes
                throw new CodecException("RLE: segment " + seg + " of " + bytes + " bytes cannot hold " + pixels
                        + " bytes (truncated or corrupt)");
            }
        }
        byte[] out = new byte[(int) (pixels * segments)];
        for (int seg = 0; seg < segments; seg++) {
            int sample = seg / bytesPerSample;
            int littleEndianByte = bytesPerSample - 1 - seg % bytesPerSample;
            unpack(rleFrame, (int) offsets[seg], (int) offsets[seg + 1], out, sample * bytesPerSample + littleEndianByte,
                    segments, (int) pixels, seg);
        }
        return out;
    }

    /** PackBits-decodes {@code [p, end)} into {@code n} bytes of {@code out} at {@code first, first+stride, ...}. */
    private static void unpack(byte[] in, int p, int end, byte[] out, int first, int stride, int n, int seg)
            throws CodecException {
        int done = 0;
        int o = first;
        while (done < n && p < end) {
            int c = in[p++];
            if (c >= 0) { // literal: copy the next c+1 bytes
                int len = c + 1;
                if (p + len > end || done + len > n) {
                    throw overrun(seg, p + len > end);
                }
                for (int k = 0; k < len; k++, o += stride) {
                    out[o] = in[p++];
                }
                done += len;
            } else if (c != -128) { // replicate the next byte 1-c times
                int len = 1 - c;
                if (p >= end || done + len > n) {
                    throw overrun(seg, p >= end);
                }
                byte b = in[p++];
                for (int k = 0; k < len; k++, o += stride) {
                    out[o] = b;
                }
                done += len;
            }
        }
        if (done < n) {
            throw new CodecException("RLE: segment " + seg + " ends after " + done + " of " + n + " bytes");
        }
        if (end - p > 1) { // beyond one byte of padding: the frame is larger than rows x columns says
            throw new CodecException("RLE: segment " + seg + " has " + (end - p) + " bytes left after the frame");
        }
    }

    private static CodecException overrun(int seg, boolean pastSegment) {
        return new CodecException("RLE: segment " + seg
                + (pastSegment ? " is truncated (run past the segment end)" : " decodes to more bytes than the frame"));
    }

    private static long uint32(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }
}
