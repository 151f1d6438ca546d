/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal.codec;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a single-component 8-bit DCT JPEG stream (baseline, process 1, SOF0; extended with 8-bit samples, process 2,
 * SOF1), as used by DICOM transfer syntaxes 1.2.840.10008.1.2.4.50 and .51, through the JDK's own ImageIO JPEG reader
 * (IJG libjpeg 6b, the same decoder family as dcmtk's dcmdjpeg). The reader is taken from the JDK's built-in ImageIO
 * registry by class name, never found through ServiceLoader, so it works the same inside OSGi.
 * <p>
 * 12-bit DCT JPEG (process 4, the rest of .51) is decoded by {@link DcmtkJpegDecoder}, not here.
 */
public final class ImageIoJpegDecoder {

    /** Class of the JDK's built-in JPEG reader provider (java.desktop). */
    private static final String JDK_JPEG_SPI = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";

    private ImageIoJpegDecoder() {
    }

    /** Sample precision P of the stream's frame header and its SOF marker (0xC0..0xCF), or throws when absent. */
    static int[] frameHeader(byte[] s) throws CodecException {
        if (s.length < 4 || (s[0] & 0xFF) != 0xFF || (s[1] & 0xFF) != 0xD8) {
            throw new CodecException("JPEG: no start-of-image marker");
        }
        int p = 2;
        while (p + 4 <= s.length) {
            if ((s[p] & 0xFF) != 0xFF) {
                throw new CodecException("JPEG: marker expected at byte " + p);
            }
            int marker = s[p + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                p++;
                continue;
            }
            int length = (s[p + 2] & 0xFF) << 8 | (s[p + 3] & 0xFF);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (p + 10 > s.length) {
                    break;
                }
                int precision = s[p + 4] & 0xFF;
                int rows = (s[p + 5] & 0xFF) << 8 | (s[p + 6] & 0xFF);
                int columns = (s[p + 7] & 0xFF) << 8 | (s[p + 8] & 0xFF);
                int components = s[p + 9] & 0xFF;
                return new int[] { marker, precision, rows, columns, components };
            }
            if (marker == 0xDA || marker == 0xD9 || length < 2) {
                break;
            }
            p += 2 + length;
        }
        throw new CodecException("JPEG: no frame header (SOF) before the scan");
    }

    /**
     * The stream's samples, row-major (0..255). Refuses streams that are not 8-bit single-component DCT (baseline or
     * extended sequential Huffman), whose size is not {@code expectedRows} x {@code expectedColumns}, that do not end
     * with the EOI marker (only padding after it), or on which the reader warns (libjpeg's warnings all report corrupt
     * or missing data, which it would otherwise fill in).
     */
    public static int[] decode(byte[] jpegStream, int expectedRows, int expectedColumns) throws CodecException {
        if (jpegStream == null) {
            throw new CodecException("JPEG: no data");
        }
        int[] sof = frameHeader(jpegStream);
        int marker = sof[0], precision = sof[1];
        if (marker != 0xC0 && marker != 0xC1) {
            throw new CodecException(String.format("JPEG process with SOF marker 0x%02X is not supported here"
                    + " (only baseline and extended sequential DCT)", marker));
        }
        if (precision != 8) {
            throw new CodecException(precision + "-bit samples in a " + (marker == 0xC0 ? "baseline" : "extended")
                    + " DCT JPEG stream: baseline is 8-bit only, extended 8 or 12-bit");
        }
        requireGreyFrame(jpegStream, sof, expectedRows, expectedColumns);
        ImageReader reader = jdkReader();
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpegStream))) {
            reader.setInput(in, true, true);
            Raster raster = reader.readRaster(0, null);
            if (!warnings.isEmpty()) { // libjpeg's warnings are all about corrupt data (it fills in grey and goes on)
                throw new CodecException("JPEG: corrupt data: " + String.join("; ", warnings));
            }
            if (raster.getWidth() != expectedColumns || raster.getHeight() != expectedRows || raster.getNumBands() != 1) {
                throw new CodecException("JPEG decoded to " + raster.getWidth() + " x " + raster.getHeight() + " x "
                        + raster.getNumBands() + " samples, expected " + expectedColumns + " x " + expectedRows + " x 1");
            }
            return raster.getSamples(raster.getMinX(), raster.getMinY(), expectedColumns, expectedRows, 0,
                    new int[expectedRows * expectedColumns]);
        } catch (IOException | RuntimeException e) {
            throw new CodecException("JPEG: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    /**
     * Refuses a DCT stream whose frame header ({@link #frameHeader}) is not one component of the expected size, or
     * that does not end with its end-of-image marker (only padding after it): the checks of every lossy JPEG decoder.
     */
    static void requireGreyFrame(byte[] stream, int[] sof, int expectedRows, int expectedColumns) throws CodecException {
        if (sof[4] != 1) {
            throw new CodecException("JPEG stream has " + sof[4] + " components; only greyscale (1) is supported");
        }
        if (sof[2] != expectedRows || sof[3] != expectedColumns) {
            throw new CodecException("JPEG frame is " + sof[3] + " x " + sof[2] + ", the header says " + expectedColumns
                    + " x " + expectedRows);
        }
        StreamEnd.requireSingleImage(stream, "JPEG", false);
    }

    /** A new instance of the JDK's JPEG reader (not a third-party one that might be registered in the same JVM). */
    private static ImageReader jdkReader() throws CodecException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        ImageReader chosen = null;
        while (readers.hasNext()) {
            ImageReader r = readers.next();
            if (chosen == null && r.getOriginatingProvider() != null
                    && r.getOriginatingProvider().getClass().getName().equals(JDK_JPEG_SPI)) {
                chosen = r;
            } else {
                r.dispose();
            }
        }
        if (chosen == null) {
            throw new CodecException("the Java runtime has no built-in JPEG reader (" + JDK_JPEG_SPI + ")");
        }
        return chosen;
    }
}
