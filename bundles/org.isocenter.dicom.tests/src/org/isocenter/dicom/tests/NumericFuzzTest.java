/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.RtDoseReader;
import org.isocenter.dicom.io.StructureSetReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Structure-aware fuzzing of the numbers that decide geometry, scaling and pixel layout (seeded, bounded in time:
 * {@code isocenter.fuzz.seconds}, default 90): one attribute of a demo CT slice, RT Dose or RT Structure Set is set
 * to a value no valid object can hold (NaN, infinities, 1e300, zero or negative spacing and scaling, Bits Stored
 * beyond Bits Allocated, a contour point 10 km away), and the reader must refuse the object naming the file; it
 * must never hand back a volume, dose grid or structure set built from that value.
 */
class NumericFuzzTest {

    static final long SEED = 20261206L;

    @TempDir
    static Path tmp;

    record Mutation(String object, String attribute, String value) {
    }

    private static final String[] NON_FINITE = { "NaN", "Infinity", "-Infinity", "1e300", "-1e300" };

    @Test
    void everyImpossibleNumberIsRefusedNamingTheFile() throws Exception {
        Path demo = tmp.resolve("demo");
        DemoPatient.generate(demo, ProgressMonitor.NONE);
        List<Path> slices;
        try (Stream<Path> s = Files.list(demo.resolve(DemoPatient.dailyFolder(1)))) {
            slices = s.sorted().limit(6).toList();
        }
        Path dose = demo.resolve(DemoPatient.RTDOSE_FILE), structures = demo.resolve(DemoPatient.RTSTRUCT_FILE);
        long seconds = Long.getLong("isocenter.fuzz.seconds", 90);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Random random = new Random(SEED);
        int cases = 0;
        List<String> accepted = new ArrayList<>();
        while (System.nanoTime() < end && accepted.size() < 5) {
            Path dir = Files.createDirectories(tmp.resolve("case-" + cases));
            int kind = random.nextInt(3);
            Mutation m;
            Path target;
            try {
                if (kind == 0) {
                    for (Path f : slices) {
                        Files.copy(f, dir.resolve(f.getFileName()));
                    }
                    target = dir.resolve(slices.get(random.nextInt(slices.size())).getFileName());
                    m = mutateSlice(target, random);
                    List<Path> files;
                    try (Stream<Path> s = Files.list(dir)) {
                        files = s.sorted().toList();
                    }
                    new ImageSeriesReader().read(files, ProgressMonitor.NONE);
                } else if (kind == 1) {
                    target = dir.resolve("dose.dcm");
                    Files.copy(dose, target);
                    m = mutateDose(target, random);
                    new RtDoseReader().read(target);
                } else {
                    target = dir.resolve("ss.dcm");
                    Files.copy(structures, target);
                    m = mutateContour(target, random);
                    new StructureSetReader().read(target);
                }
                accepted.add(m.toString());
            } catch (DicomReadException e) {
                assertTrue(e.file() != null && e.getMessage().startsWith(e.file().toString()),
                        "the refusal names the file: " + e.getMessage());
            }
            cases++;
            deleteTree(dir);
        }
        System.out.printf(Locale.ROOT, "numeric fuzz: %d impossible values in %d s, all refused%n", cases, seconds);
        if (!accepted.isEmpty()) {
            fail("accepted without a problem: " + accepted);
        }
        assertTrue(cases >= 50, "ran " + cases + " cases");
    }

    private static Mutation mutateSlice(Path file, Random r) throws Exception {
        AttributeList l = read(file);
        String attribute, value;
        switch (r.nextInt(7)) {
            case 0 -> {
                attribute = "ImagePositionPatient";
                value = setComponent(l, TagFromName.ImagePositionPatient, r.nextInt(3), pick(r, NON_FINITE));
            }
            case 1 -> {
                attribute = "ImageOrientationPatient";
                value = setComponent(l, TagFromName.ImageOrientationPatient, r.nextInt(6),
                        pick(r, "NaN", "Infinity", "5", "1e300"));
            }
            case 2 -> {
                attribute = "PixelSpacing";
                value = setComponent(l, TagFromName.PixelSpacing, r.nextInt(2), pick(r, "NaN", "Infinity", "0", "-1",
                        "1e300", "5000"));
            }
            case 3 -> {
                attribute = "RescaleSlope";
                value = set(l, TagFromName.RescaleSlope, pick(r, "NaN", "Infinity", "0", "1e300", "1e-300"));
            }
            case 4 -> {
                attribute = "RescaleIntercept";
                value = set(l, TagFromName.RescaleIntercept, pick(r, NON_FINITE));
            }
            case 5 -> {
                attribute = "BitsStored";
                value = set(l, TagFromName.BitsStored, pick(r, "0", "17", "24"));
            }
            default -> {
                attribute = "BitsAllocated";
                value = set(l, TagFromName.BitsAllocated, pick(r, "12", "32", "0"));
            }
        }
        write(l, file);
        return new Mutation(file.getFileName().toString(), attribute, value);
    }

    private static Mutation mutateDose(Path file, Random r) throws Exception {
        AttributeList l = read(file);
        String attribute, value;
        switch (r.nextInt(4)) {
            case 0 -> {
                attribute = "DoseGridScaling";
                value = set(l, tag(0x3004, 0x000E), pick(r, "NaN", "Infinity", "0", "-0.001", "-1"));
            }
            case 1 -> {
                attribute = "GridFrameOffsetVector";
                int n = Attribute.getDoubleValues(l, tag(0x3004, 0x000C)).length;
                value = setComponent(l, tag(0x3004, 0x000C), 1 + r.nextInt(n - 1), pick(r, NON_FINITE));
            }
            case 2 -> {
                attribute = "PixelSpacing";
                value = setComponent(l, TagFromName.PixelSpacing, r.nextInt(2), pick(r, "NaN", "Infinity", "0", "-3",
                        "1e300"));
            }
            default -> {
                attribute = "ImagePositionPatient";
                value = setComponent(l, TagFromName.ImagePositionPatient, r.nextInt(3), pick(r, NON_FINITE));
            }
        }
        write(l, file);
        return new Mutation("dose", attribute, value);
    }

    private static Mutation mutateContour(Path file, Random r) throws Exception {
        AttributeList l = read(file);
        SequenceAttribute rois = (SequenceAttribute) l.get(tag(0x3006, 0x0039));
        AttributeList roi = rois.getItem(r.nextInt(rois.getNumberOfItems())).getAttributeList();
        SequenceAttribute contours = (SequenceAttribute) roi.get(tag(0x3006, 0x0040));
        AttributeList contour = contours.getItem(r.nextInt(contours.getNumberOfItems())).getAttributeList();
        int n = Attribute.getDoubleValues(contour, tag(0x3006, 0x0050)).length;
        String value = setComponent(contour, tag(0x3006, 0x0050), r.nextInt(n), pick(r, "NaN", "Infinity", "1e300",
                "1e7", "-1e7"));
        write(l, file);
        return new Mutation("structure set", "ContourData", value);
    }

    private static AttributeTag tag(int group, int element) {
        return new AttributeTag(group, element);
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }

    private static String set(AttributeList l, AttributeTag tag, String value) throws Exception {
        Attribute a = l.get(tag);
        a.removeValues();
        a.addValue(value);
        return value;
    }

    private static String setComponent(AttributeList l, AttributeTag tag, int index, String value) throws Exception {
        Attribute a = l.get(tag);
        String[] values = a.getStringValues();
        values[index] = value;
        a.removeValues();
        for (String v : values) {
            a.addValue(v);
        }
        return "[" + index + "] = " + value;
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList l = new AttributeList();
        l.read(file.toFile());
        return l;
    }

    private static void write(AttributeList l, Path file) throws Exception {
        l.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
