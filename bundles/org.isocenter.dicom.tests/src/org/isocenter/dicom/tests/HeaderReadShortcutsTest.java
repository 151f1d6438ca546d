/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;

import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.internal.Attrs;
import org.isocenter.dicom.internal.ByteBufferInput;
import org.isocenter.dicom.internal.ElementStructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder scan's shortcuts give what the long ways give: a header parsed from the file's mapped bytes is the
 * header PixelMed reads from the file itself (every file Debian's pydicom ships, in every encoding, and the demo
 * patient), and decimal strings made without BigDecimal are the ones BigDecimal's rounding makes.
 */
class HeaderReadShortcutsTest {

    @TempDir
    static Path tmp;
    static Path demo;

    @BeforeAll
    static void writeDemo() throws Exception {
        demo = tmp.resolve("demo");
        DemoPatient.generate(demo, ProgressMonitor.NONE);
    }

    /** PixelMed's attribute list up to Pixel Data, read from the file, or the exception's class and message. */
    private static String viaFile(Path f, long[] stopOffset) {
        try {
            AttributeList l = new AttributeList();
            l.read(f.toFile(), (list, tag, offset) -> stop(tag, offset, stopOffset));
            return l.toString();
        } catch (Exception | StackOverflowError e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** The same from the file's mapped bytes, the way the scan reads it. */
    private static String viaMappedBytes(Path f, long[] stopOffset) {
        try {
            ByteBuffer bytes = ElementStructure.map(f);
            AttributeList l = new AttributeList();
            l.read(new DicomInputStream(new ByteBufferInput(bytes)), (list, tag, offset) -> stop(tag, offset, stopOffset));
            return l.toString();
        } catch (Exception | StackOverflowError e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static boolean stop(com.pixelmed.dicom.AttributeTag tag, long offset, long[] stopOffset) {
        if (tag.equals(TagFromName.PixelData)) {
            stopOffset[0] = offset;
            return true;
        }
        return false;
    }

    @Test
    void aHeaderReadFromTheMappedFileIsTheHeaderReadFromTheFile() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(RealWorldDicomTest.PYDICOM_FILES)) {
            s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".dcm")).sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.walk(demo)) {
            s.filter(Files::isRegularFile).sorted().limit(40).forEach(files::add);
        }
        assertTrue(files.size() > 100, files.size() + " files");
        int parsed = 0;
        for (Path f : files) {
            long[] a = { -1 }, b = { -1 };
            String expected = viaFile(f, a);
            assertEquals(expected, viaMappedBytes(f, b), f.toString());
            assertEquals(a[0], b[0], "Pixel Data's offset in " + f);
            parsed += expected.contains("Exception") ? 0 : 1;
        }
        assertTrue(parsed > 90, parsed + " files parsed without an exception");
        // a stream over mapped bytes reads, skips and rewinds as a buffered file stream does
        ByteBufferInput in = new ByteBufferInput(ByteBuffer.wrap(new byte[] { 1, 2, 3, 4, 5 }));
        in.mark(5);
        assertEquals(1, in.read());
        assertEquals(2, in.skip(2));
        byte[] rest = new byte[4];
        assertEquals(2, in.read(rest, 0, 4));
        assertEquals(-1, in.read());
        assertEquals(-1, in.read(rest, 0, 4));
        in.reset();
        assertEquals(5, in.available());
    }

    /**
     * A file that another program shortens while its mapping is read (a folder still being written into) faults in
     * the JVM; the walk reports it as a defect of that file, not as an error that stops the scan. PixelMed reading the
     * same mapping faults the same way, which the header reader turns into a problem of the file.
     */
    @Test
    void aFileShortenedWhileItsMappingIsReadIsADefectNotACrash() throws Exception {
        Path slice = tmp.resolve("shortened.dcm");
        try (Stream<Path> s = Files.walk(demo)) {
            Files.copy(s.filter(Files::isRegularFile).sorted().findFirst().orElseThrow(), slice);
        }
        ByteBuffer bytes = ElementStructure.map(slice);
        assertTrue(ElementStructure.check(bytes.duplicate()).complete(), "complete before");
        try (var channel = java.nio.channels.FileChannel.open(slice, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        ElementStructure.Result r = ElementStructure.check(bytes.duplicate());
        assertEquals(ElementStructure.SHORTENED, r.defect());
        InternalError fault = org.junit.jupiter.api.Assertions.assertThrows(InternalError.class,
                () -> new AttributeList().read(new DicomInputStream(new ByteBufferInput(bytes.duplicate()))));
        assertTrue(ElementStructure.lostPages(fault), fault.getMessage());
        assertTrue(!ElementStructure.lostPages(new InternalError("something else")));
    }

    /** BigDecimal's way, as {@link Attrs#formatDecimal} did it for every value before. */
    private static String reference(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        for (int digits = 10; digits >= 1; digits--) {
            String s = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
            if (s.length() <= 16) {
                return s;
            }
        }
        return String.format(java.util.Locale.ROOT, "%.6e", v);
    }

    @Test
    void decimalStringsAreTheOnesBigDecimalRoundingMakes() {
        List<Double> values = new ArrayList<>(List.of(0.75, -191.625, 0.1, 0.3, 2.5, 0.9765625, -0.0, 1e-3, 9.99e-4,
                1.0000000001, 0.99999999995, 123456.789012, 1e7 + 0.5, 1e15 + 0.5, -2.5e-7, 4.9e-324, 1.7976931348623157e308,
                0.1 + 0.2, 1 / 3.0, 2 / 3.0, 1234567890.5, 999999999.95, -196.1214639676791, -142.82835224008863));
        SplittableRandom random = new SplittableRandom(20261207);
        for (int i = 0; i < 40_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(-9, 12));
            values.add((random.nextBoolean() ? 1 : -1) * random.nextDouble() * magnitude); // any binary value
            values.add(Math.round(random.nextDouble() * 1e6) / Math.pow(10, random.nextInt(0, 9))); // typical DS values
        }
        for (double v : values) {
            String s = Attrs.formatDecimal(v);
            assertEquals(reference(v), s, "formatDecimal(" + v + ")");
            assertTrue(s.length() <= 16, s);
        }
    }
}
