/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.RtDoseReader;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.SeriesRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt numbers in headers that decide geometry, scaling or pixel layout are refused, naming the file and the
 * value, never turned into a plausible wrong number: each case edits one attribute of a demo object with pydicom
 * (an independent writer), then the reader must refuse and the folder scan must name the problem.
 */
class HostileHeaderTest {

    @TempDir
    static Path tmp;
    static Path demo;
    static List<Path> slices;

    @BeforeAll
    static void writeDemo() throws Exception {
        demo = tmp.resolve("demo");
        DemoPatient.generate(demo, ProgressMonitor.NONE);
        try (Stream<Path> s = Files.list(demo.resolve(DemoPatient.dailyFolder(1)))) {
            slices = s.sorted().limit(12).toList();
        }
    }

    private static void python(String script, Object... args) throws Exception {
        ExternalTools.python(script, args);
    }

    /** Dose objects: {@code assignment} is a pydicom statement on {@code ds}; {@code expected} part of the refusal. */
    @ParameterizedTest(name = "RT Dose with {0}")
    @CsvSource(delimiter = '|', value = {
            "NaN Dose Grid Scaling       | ds.DoseGridScaling = 'NaN'                        | Dose Grid Scaling NaN",
            "negative Dose Grid Scaling  | ds.DoseGridScaling = -0.001                        | Dose Grid Scaling -0.00100000",
            "no Dose Grid Scaling        | del ds.DoseGridScaling                             | no Dose Grid Scaling",
            "infinite Pixel Spacing      | ds.PixelSpacing = ['inf', 3]                       | Pixel Spacing [0.00000, 3.00000] is not within",
            "absurd Pixel Spacing        | ds.PixelSpacing = [3, 30000]                       | is not within 0..100 mm",
            "absurd frame offsets        | ds.GridFrameOffsetVector = [float(i) * 1e6 for i in range(len(ds.GridFrameOffsetVector))] | Grid Frame Offset Vector value 2",
            "NaN Image Position          | ds.ImagePositionPatient = [0, 'NaN', 0]             | Image Position (Patient) [0.00000, NaN, 0.00000]",
            "8192 x 8192 x 16 grid       | ds.Rows = 8192; ds.Columns = 8192; ds.NumberOfFrames = 16; ds.GridFrameOffsetVector = [float(i) for i in range(16)] | exceed the limit of 268435456 voxels" })
    void corruptDoseHeadersAreRefusedByName(String name, String assignment, String expected) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("dose-" + name.replace(' ', '-')));
        Path file = folder.resolve("dose.dcm");
        python("import sys, pydicom\nds = pydicom.dcmread(sys.argv[1])\n" + assignment + "\nds.save_as(sys.argv[2])",
                demo.resolve(DemoPatient.RTDOSE_FILE), file);
        DicomReadException e = assertThrows(DicomReadException.class, () -> new RtDoseReader().read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        // the scan names the problem too: as a warning on the series, or the file is not indexed at all
        var index = new DicomFolderScanner().scan(folder, ProgressMonitor.NONE);
        if (index.allSeries().isEmpty()) {
            assertEquals(file, index.problems().get(0).file());
        } else {
            SeriesRecord s = index.allSeries().get(0);
            assertTrue(s.warnings().stream().anyMatch(w -> w.contains("refused when read") && w.contains(expected)),
                    s.warnings().toString());
        }
    }

    /** One slice of a 12-slice series edited: the series is refused naming that slice. */
    @ParameterizedTest(name = "a slice with {0}")
    @CsvSource(delimiter = '|', value = {
            "NaN Image Position          | ds.ImagePositionPatient = [ds.ImagePositionPatient[0], 'NaN', ds.ImagePositionPatient[2]] | Image Position (Patient)",
            "NaN Rescale Intercept       | ds.RescaleIntercept = 'NaN'                       | Rescale Intercept NaN",
            "Rescale Slope 1e300         | ds.RescaleSlope = '1e300'                         | Rescale Slope 1.00000e+300",
            "NaN orientation             | ds.ImageOrientationPatient = [1, 0, 0, 0, 'NaN', 0] | Image Orientation (Patient)",
            "infinite Pixel Spacing      | ds.PixelSpacing = ['inf', 'inf']                  | Pixel Spacing [0.00000, 0.00000] is not within",
            "other Pixel Spacing         | ds.PixelSpacing = [1.1, 1.1]                      | Pixel Spacing [1.10000, 1.10000] differs",
            "Bits Stored changed         | ds.BitsStored = 12; ds.HighBit = 11               | Bits Stored 12 differs",
            "Bits Allocated changed      | ds.BitsAllocated = 8; ds.BitsStored = 8; ds.HighBit = 7 | Bits Allocated 8 differs",
            "20 mm displaced             | ds.ImagePositionPatient = [ds.ImagePositionPatient[0] + 20, ds.ImagePositionPatient[1], ds.ImagePositionPatient[2]] | displaced 20.00 mm within the slice plane" })
    void aCorruptSliceRefusesTheSeriesNamingIt(String name, String assignment, String expected) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("ct-" + name.replace(' ', '-')));
        for (Path f : slices) {
            Files.copy(f, folder.resolve(f.getFileName()));
        }
        Path bad = folder.resolve(slices.get(5).getFileName());
        python("import sys, pydicom\nds = pydicom.dcmread(sys.argv[1])\n" + assignment + "\nds.save_as(sys.argv[1])", bad);
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.sorted().toList();
        }
        DicomReadException e = assertThrows(DicomReadException.class,
                () -> new ImageSeriesReader().read(files, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(bad.toString()), "names the slice: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aHugeImageHeaderIsRefusedBeforeAnythingIsAllocated() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("huge"));
        Path file = folder.resolve("huge.dcm");
        python("import sys, pydicom\nds = pydicom.dcmread(sys.argv[1])\nds.Rows = 46340; ds.Columns = 46340\n"
                + "ds.save_as(sys.argv[2])", slices.get(0), file);
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        DicomReadException e = assertThrows(DicomReadException.class,
                () -> new ImageSeriesReader().read(List.of(file), ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("46340 x 46340 x 1 = 2147395600 voxels exceed the limit"), e.getMessage());
        assertTrue(rt.totalMemory() - rt.freeMemory() - before < 512L << 20, "no gigabyte allocation");
    }

    /** Structure sets: {@code edit} is pydicom on {@code ds}; the reader must refuse naming the ROI. */
    @ParameterizedTest(name = "RT Structure Set with {0}")
    @CsvSource(delimiter = '|', value = {
            "a point 10 km away        | c = ds.ROIContourSequence[1].ContourSequence[3]; d = list(c.ContourData); d[0] = 1e7; c.ContourData = d | contour point 1 (1.0E7",
            "a point 2 m away in-plane | c = ds.ROIContourSequence[1].ContourSequence[3]; d = list(c.ContourData); d[3] = d[3] + 2000; c.ContourData = d | lies 2",
            "a point off its plane     | c = ds.ROIContourSequence[1].ContourSequence[3]; d = list(c.ContourData); d[5] = d[5] + 5; c.ContourData = d | off the contour's plane",
            "a wrong point count       | c = ds.ROIContourSequence[1].ContourSequence[3]; c.NumberOfContourPoints = int(c.NumberOfContourPoints) + 1 | Number of Contour Points says" })
    void corruptContoursAreRefusedNamingTheRoi(String name, String edit, String expected) throws Exception {
        Path file = tmp.resolve("ss-" + name.replace(' ', '-') + ".dcm");
        python("import sys, pydicom\nds = pydicom.dcmread(sys.argv[1])\n" + edit + "\nds.save_as(sys.argv[2])",
                demo.resolve(DemoPatient.RTSTRUCT_FILE), file);
        String roi = new org.isocenter.dicom.io.StructureSetReader().read(demo.resolve(DemoPatient.RTSTRUCT_FILE)).rois()
                .get(1).name();
        DicomReadException e = assertThrows(DicomReadException.class,
                () -> new org.isocenter.dicom.io.StructureSetReader().read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("ROI '" + roi + "'"),
                e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aDuplicatedRoiNameIsNeverResolvedToTheFirst() throws Exception {
        Path file = tmp.resolve("ss-duplicate.dcm");
        python("import sys, pydicom\nds = pydicom.dcmread(sys.argv[1])\n"
                + "ds.StructureSetROISequence[2].ROIName = ds.StructureSetROISequence[1].ROIName.lower()\n"
                + "ds.save_as(sys.argv[2])", demo.resolve(DemoPatient.RTSTRUCT_FILE), file);
        var ss = new org.isocenter.dicom.io.StructureSetReader().read(file);
        String name = ss.rois().get(1).name();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ss.roi(name));
        assertTrue(e.getMessage().contains("has 2 ROIs named '" + name + "'"), e.getMessage());
        assertTrue(ss.roi(ss.rois().get(0).name()).isPresent(), "unique names still resolve");
    }
}
