/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.ImageSeriesWriter;
import org.isocenter.dicom.io.SeriesAttributes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressed pixel data with specific structures corrupted must be refused with a {@link DicomReadException} naming
 * the file, never decoded into a plausible image: a slice of the demo planning CT and pydicom's CT_small are encoded
 * by dcmtk (JPEG Lossless SV1, RLE, JPEG-LS) and GDCM (JPEG 2000), then the compressed stream inside the one pixel
 * data fragment is edited (entropy-coded data zeroed, point transform changed, truncated before the end marker,
 * garbage after it, impossible frame or scan header values, RLE headers with out-of-range, overlapping or too many
 * segments) and the file re-written with the fragment length adjusted.
 */
class CorruptCodecStreamTest {

    @TempDir
    static Path tmp;
    /** A slice of the demo planning CT through the pelvis, and pydicom's CT_small (noisy, real CT). */
    static List<Path> sources;

    @BeforeAll
    static void writeSources() throws Exception {
        Path series = tmp.resolve("demo_ct");
        new ImageSeriesWriter().writeCt(DemoPatient.planningCt(), new SeriesAttributes("20261102", "080000", "1",
                "codec test", 1, null), series, ProgressMonitor.NONE);
        Path slice;
        try (Stream<Path> s = Files.list(series)) {
            List<Path> files = s.sorted().toList();
            slice = files.get(files.size() / 2);
        }
        sources = List.of(Files.copy(slice, tmp.resolve("demo_slice.dcm")), TransferSyntaxTest.CT);
    }

    private static ImageVolume read(Path file) throws DicomReadException {
        return new ImageSeriesReader().read(List.of(file), ProgressMonitor.NONE);
    }

    private static Path encode(String tool, Path in, String name, String... options) throws Exception {
        Path out = ExternalTools.convert(tool, in, tmp.resolve(name), options);
        read(out); // the unedited file decodes
        return out;
    }

    // ---- the one pixel data fragment of a single-frame encapsulated file ----

    /** Offset of the fragment's Item tag, and its length; the file must hold exactly one fragment after the BOT. */
    private static int[] fragment(byte[] file) {
        byte[] pixelData = { (byte) 0xE0, 0x7F, 0x10, 0x00, 0x4F, 0x42, 0, 0, -1, -1, -1, -1 };
        int p = -1;
        for (int i = 0; i + pixelData.length <= file.length; i++) {
            if (Arrays.equals(file, i, i + pixelData.length, pixelData, 0, pixelData.length)) {
                p = i + pixelData.length;
            }
        }
        assertTrue(p > 0, "encapsulated pixel data element");
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<int[]> items = new ArrayList<>();
        while (b.getShort(p) == (short) 0xFFFE && b.getShort(p + 2) == (short) 0xE000) {
            int length = b.getInt(p + 4);
            items.add(new int[] { p, length });
            p += 8 + length;
        }
        assertEquals((short) 0xE0DD, b.getShort(p + 2), "sequence delimiter after the items");
        assertEquals(2, items.size(), "basic offset table and one fragment");
        return items.get(1);
    }

    private static byte[] stream(Path file) throws Exception {
        byte[] f = Files.readAllBytes(file);
        int[] item = fragment(f);
        return Arrays.copyOfRange(f, item[0] + 8, item[0] + 8 + item[1]);
    }

    /** A copy of {@code source} named {@code name} whose fragment is replaced by {@code edit} of it (padded to even). */
    private static Path withStream(Path source, String name, UnaryOperator<byte[]> edit) throws Exception {
        byte[] f = Files.readAllBytes(source);
        int[] item = fragment(f);
        byte[] s = edit.apply(Arrays.copyOfRange(f, item[0] + 8, item[0] + 8 + item[1]));
        byte[] padded = Arrays.copyOf(s, s.length + (s.length & 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(f, 0, item[0] + 4);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(padded.length).array());
        out.write(padded);
        int rest = item[0] + 8 + item[1];
        out.write(f, rest, f.length - rest);
        Path file = tmp.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    private static void assertRefused(Path file, String... expectedWords) {
        DicomReadException e = assertThrows(DicomReadException.class, () -> read(file), file.getFileName() + " was decoded");
        String m = e.getMessage();
        assertTrue(m.contains(file.getFileName().toString()), "message names the file: " + m);
        for (String w : expectedWords) {
            assertTrue(m.contains(w), "message says '" + w + "': " + m);
        }
        System.out.println("refused " + m.substring(m.indexOf(file.getFileName().toString())));
    }

    // ---- JPEG marker structure ----

    /** Offset of the first marker {@code FF code} among the marker segments before the scan (SOI, SOFn, DHT, SOS ...). */
    static int marker(byte[] s, int code) {
        int p = 2;
        while (p + 4 <= s.length) {
            assertEquals((byte) 0xFF, s[p], "marker at " + p);
            if ((s[p + 1] & 0xFF) == code) {
                return p;
            }
            assertTrue((s[p + 1] & 0xFF) != 0xDA, "marker FF" + Integer.toHexString(code) + " before the scan");
            p += 2 + ((s[p + 2] & 0xFF) << 8 | (s[p + 3] & 0xFF));
        }
        throw new AssertionError("no marker FF" + Integer.toHexString(code));
    }

    /** Offset of the first entropy-coded byte after the scan header. */
    static int scanData(byte[] s) {
        int sos = marker(s, 0xDA);
        return sos + 2 + ((s[sos + 2] & 0xFF) << 8 | (s[sos + 3] & 0xFF));
    }

    /** Offset of the end marker FFD9 (EOI, or EOC in JPEG 2000): the last one, before any padding. */
    static int endMarker(byte[] s) {
        for (int p = s.length - 2; p >= 0; p--) {
            if (s[p] == (byte) 0xFF && s[p + 1] == (byte) 0xD9) {
                return p;
            }
        }
        throw new AssertionError("no FFD9");
    }

    private static UnaryOperator<byte[]> zeroScanData() {
        return s -> {
            Arrays.fill(s, scanData(s), endMarker(s), (byte) 0);
            return s;
        };
    }

    private static UnaryOperator<byte[]> truncateBeforeEnd(int bytesBeforeEnd) {
        return s -> Arrays.copyOf(s, endMarker(s) - bytesBeforeEnd);
    }

    /**
     * 64 random bytes after the end marker, then another FFD9: PixelMed's fragment reader cuts a frame after its
     * last FFD9 (see {@link #plainTrailingBytesNeverReachTheDecoder()}), so only a tail ending in FFD9 reaches the
     * decoder, which must see that the image ended before it.
     */
    private static UnaryOperator<byte[]> appendGarbage(boolean endingInFfd9) {
        return s -> {
            byte[] garbage = new byte[64];
            new Random(17).nextBytes(garbage);
            if (endingInFfd9) {
                garbage[62] = (byte) 0xFF;
                garbage[63] = (byte) 0xD9;
            }
            int end = endMarker(s) + 2;
            byte[] out = Arrays.copyOf(s, end + garbage.length);
            System.arraycopy(garbage, 0, out, end, garbage.length);
            return out;
        };
    }

    private static UnaryOperator<byte[]> setByte(int code, int offsetInSegment, int value) {
        return s -> {
            s[marker(s, code) + offsetInSegment] = (byte) value;
            return s;
        };
    }

    /** Offset of the first JPEG 2000 marker {@code FF code} (main header segments are walked by their lengths). */
    static int j2kMarker(byte[] s, int code) {
        int p = 2;
        while ((s[p + 1] & 0xFF) != code) {
            p += 2 + ((s[p + 2] & 0xFF) << 8 | (s[p + 3] & 0xFF));
        }
        return p;
    }

    // ---- JPEG Lossless (our own decoder) ----

    @Test
    void jpegLosslessWithCorruptStructuresIsRefused() throws Exception {
        for (Path source : sources) {
            String n = source.getFileName().toString().replace(".dcm", "");
            Path jpeg = encode("dcmcjpeg", source, n + "_sv1.dcm", "+e1");
            byte[] s = stream(jpeg);
            int sos = marker(s, 0xDA), sof = marker(s, 0xC3);
            assertEquals(0, s[sos + 9] & 0x0F, "dcmtk writes point transform 0");
            int precision = s[sof + 4] & 0xFF;

            assertRefused(withStream(jpeg, n + "_zeroed.dcm", zeroScanData()), "JPEG Lossless", "entropy-coded data");
            for (int pt = 1; pt < precision; pt += 4) {
                assertRefused(withStream(jpeg, n + "_pt" + pt + ".dcm", setByte(0xDA, 9, pt)), "JPEG Lossless");
            }
            assertRefused(withStream(jpeg, n + "_pt_eq_p.dcm", s2 -> setByte(0xDA, 9, 12).apply(setByte(0xC3, 4, 12).apply(s2))),
                    "invalid point transform 12 for precision 12");
            assertRefused(withStream(jpeg, n + "_no_eoi.dcm", truncateBeforeEnd(0)), "JPEG Lossless");
            assertRefused(withStream(jpeg, n + "_truncated.dcm", truncateBeforeEnd(200)), "JPEG Lossless");
            assertRefused(withStream(jpeg, n + "_after_eoi.dcm", appendGarbage(true)), "after the end-of-image marker");
            assertRefused(withStream(jpeg, n + "_precision17.dcm", setByte(0xC3, 4, 17)), "precision 17");
            assertRefused(withStream(jpeg, n + "_precision1.dcm", setByte(0xC3, 4, 1)), "precision 1");
            assertRefused(withStream(jpeg, n + "_rows.dcm", setByte(0xC3, 6, s[sof + 6] + 1)), "frame is");
            assertRefused(withStream(jpeg, n + "_components.dcm", setByte(0xC3, 9, 3)), "components");
            assertRefused(withStream(jpeg, n + "_predictor0.dcm", setByte(0xDA, 7, 0)), "predictor 0");
            assertRefused(withStream(jpeg, n + "_predictor8.dcm", setByte(0xDA, 7, 8)), "predictor 8");
            assertRefused(withStream(jpeg, n + "_se.dcm", setByte(0xDA, 8, 5)), "Se 5");
        }
    }

    @Test
    void plainTrailingBytesNeverReachTheDecoder() throws Exception {
        // bytes after the last FFD9 of a fragment are dropped by PixelMed when it splits the pixel data into frames:
        // they cannot change the image, which stays exactly that of the unedited file
        for (Path source : sources) {
            String n = source.getFileName().toString().replace(".dcm", "");
            Path jpeg = encode("dcmcjpeg", source, n + "_sv1_tail.dcm", "+e1");
            ImageVolume original = read(jpeg);
            ImageVolume withTail = read(withStream(jpeg, n + "_plain_tail.dcm", appendGarbage(false)));
            int nx = original.geometry().sizeX(), ny = original.geometry().sizeY();
            int differ = 0;
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    differ += original.valueAt(i, j, 0) == withTail.valueAt(i, j, 0) ? 0 : 1;
                }
            }
            assertEquals(0, differ, n + ": pixels changed by bytes after the end-of-image marker");
        }
    }

    // ---- RLE (our own decoder) ----

    private static UnaryOperator<byte[]> rleHeader(int index, long value) {
        return s -> {
            ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN).putInt(4 * index, (int) value);
            return s;
        };
    }

    @Test
    void rleWithCorruptHeaderOrRunsIsRefused() throws Exception {
        for (Path source : sources) {
            String n = source.getFileName().toString().replace(".dcm", "");
            Path rle = encode("dcmcrle", source, n + "_rle.dcm");
            ByteBuffer header = ByteBuffer.wrap(stream(rle)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(2, header.getInt(0), "two segments for 16-bit samples");
            int second = header.getInt(8);

            assertRefused(withStream(rle, n + "_rle_offset_huge.dcm", rleHeader(2, 0x7FFFFFF0L)), "RLE", "segment 1");
            assertRefused(withStream(rle, n + "_rle_offset_ffff.dcm", rleHeader(1, 0xFFFFFFFFL)), "RLE", "segment 0");
            assertRefused(withStream(rle, n + "_rle_16_segments.dcm", rleHeader(0, 16)), "RLE", "16 segments");
            assertRefused(withStream(rle, n + "_rle_count_huge.dcm", rleHeader(0, 0xFFFFFFF0L)), "RLE");
            assertRefused(withStream(rle, n + "_rle_overlap.dcm", rleHeader(2, 64)), "RLE", "overlapping");
            assertRefused(withStream(rle, n + "_rle_in_header.dcm", rleHeader(1, 16)), "RLE", "header");
            assertRefused(withStream(rle, n + "_rle_shifted.dcm", rleHeader(2, second - 40)), "RLE");
            assertRefused(withStream(rle, n + "_rle_truncated.dcm", s -> Arrays.copyOf(s, s.length - 300)), "RLE");
            assertRefused(withStream(rle, n + "_rle_appended.dcm", s -> Arrays.copyOf(s, s.length + 300)), "RLE");
            assertRefused(withStream(rle, n + "_rle_zeroed.dcm", s -> {
                Arrays.fill(s, 64, s.length, (byte) 0); // every control byte 0: literal runs of one byte
                return s;
            }), "RLE");
        }
    }

    // ---- libraries: JPEG-LS (CharLS) and JPEG 2000 (OpenJPEG) ----

    @Test
    void jpegLsAndJpeg2000TruncatedOrWithDataAfterTheEndAreRefused() throws Exception {
        for (Path source : sources) {
            String n = source.getFileName().toString().replace(".dcm", "");
            Path jls = encode("dcmcjpls", source, n + "_jls.dcm");
            assertRefused(withStream(jls, n + "_jls_no_eoi.dcm", truncateBeforeEnd(0)), "JPEG-LS");
            assertRefused(withStream(jls, n + "_jls_truncated.dcm", truncateBeforeEnd(200)), "JPEG-LS");
            assertRefused(withStream(jls, n + "_jls_after_eoi.dcm", appendGarbage(true)), "JPEG-LS");
            assertRefused(withStream(jls, n + "_jls_zeroed.dcm", zeroScanData()), "JPEG-LS");
            Path j2k = encode("gdcmconv", source, n + "_j2k.dcm", "--j2k");
            assertRefused(withStream(j2k, n + "_j2k_no_eoc.dcm", truncateBeforeEnd(0)), "JPEG 2000");
            assertRefused(withStream(j2k, n + "_j2k_truncated.dcm", truncateBeforeEnd(200)), "JPEG 2000");
            assertRefused(withStream(j2k, n + "_j2k_after_eoc.dcm", appendGarbage(true)), "JPEG 2000");
            assertRefused(withStream(j2k, n + "_j2k_psot.dcm", s -> {
                int sot = j2kMarker(s, 0x90);
                s[sot + 8] ^= 0x10; // tile-part length off by 4096
                return s;
            }), "JPEG 2000");
        }
    }

    @Test
    void jpegBaselineTruncatedOrWithDataAfterTheEndIsRefused() throws Exception {
        for (Path source : sources) {
            String n = source.getFileName().toString().replace(".dcm", "");
            Path jpeg = encode("dcmcjpeg", source, n + "_eb.dcm", "+eb");
            assertRefused(withStream(jpeg, n + "_eb_no_eoi.dcm", truncateBeforeEnd(0)), "JPEG");
            assertRefused(withStream(jpeg, n + "_eb_truncated.dcm", truncateBeforeEnd(200)), "JPEG");
            assertRefused(withStream(jpeg, n + "_eb_after_eoi.dcm", appendGarbage(true)), "JPEG");
        }
    }

    @Test
    void jpegExtended12BitTruncatedCorruptOrWithDataAfterTheEndIsRefused() throws Exception {
        for (Path source : sources) {
            String n = source.getFileName().toString().replace(".dcm", "");
            Path jpeg = encode("dcmcjpeg", source, n + "_ee12.dcm", "+ee");
            assertRefused(withStream(jpeg, n + "_ee12_no_eoi.dcm", truncateBeforeEnd(0)), "JPEG");
            assertRefused(withStream(jpeg, n + "_ee12_truncated.dcm", truncateBeforeEnd(200)), "JPEG");
            assertRefused(withStream(jpeg, n + "_ee12_after_eoi.dcm", appendGarbage(true)), "JPEG");
            // 200 bytes cut from the middle of the scan, EOI kept: the structure is whole, the data end early;
            // dcmdjpeg's libjpeg warns (and would fill in grey), which is a refusal
            assertRefused(withStream(jpeg, n + "_ee12_cut.dcm", s -> {
                int from = (scanData(s) + endMarker(s)) / 2;
                byte[] out = new byte[s.length - 200];
                System.arraycopy(s, 0, out, 0, from);
                System.arraycopy(s, from + 200, out, from, s.length - from - 200);
                return out;
            }), "12-bit JPEG", "dcmdjpeg", "Corrupt JPEG data");
            // a wrong frame size in the header is refused before dcmtk runs
            assertRefused(withStream(jpeg, n + "_ee12_sof_rows.dcm", setByte(0xC1, 6, 0x7F)), "JPEG frame is");
        }
    }
}
