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
            throw new CodecException("RLE: header has " + count + " segments, expected " + segments);
        }
        long pixels = (long) rows * columns;
        if (pixels * segments > Integer.MAX_VALUE - 8) {
            throw new CodecException("RLE: frame too large (" + rows + "x" + columns + ")");
        }
        byte[] out = new byte[(int) (pixels * segments)];
        for (int seg = 0; seg < segments; seg++) {
            long start = uint32(rleFrame, 4 + 4 * seg);
            long end = seg + 1 < segments ? uint32(rleFrame, 8 + 4 * seg) : rleFrame.length;
            if (start < 64 || end > rleFrame.length || start > end) {
                throw new CodecException("RLE: segment " + seg + " offsets " + start + ".." + end
                        + " outside the frame (" + rleFrame.length + " bytes)");
            }
            int sample = seg / bytesPerSample;
            int littleEndianByte = bytesPerSample - 1 - seg % bytesPerSample;
            unpack(rleFrame, (int) start, (int) end, out, sample * bytesPerSample + littleEndianByte, segments,
                    (int) pixels, seg);
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
