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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.DicomUids;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.ImageSeriesWriter;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.FileProblem;
import org.isocenter.dicom.scan.SeriesRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken input is reported by file name and the rest of the folder is still indexed. */
class FolderScanProblemsTest {

    @TempDir
    static Path tmp;
    static List<Path> slices;

    @BeforeAll
    static void writeSmallSeries() throws Exception {
        // a small CT series: the first 12 slices of the demo daily image
        ImageVolume daily = DemoPatient.dailyImage(DemoPatient.DAILY_IMAGES.get(0));
        new ImageSeriesWriter().writeCt(daily, new SeriesAttributes("20261109", "080000", "1", "test", 1, null),
                tmp.resolve("series"), ProgressMonitor.NONE);
        try (Stream<Path> s = Files.list(tmp.resolve("series"))) {
            slices = s.sorted().limit(12).toList();
        }
    }

    private Path folderWith(String name, List<Path> files) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve(name));
        for (Path f : files) {
            Files.copy(f, folder.resolve(f.getFileName()));
        }
        return folder;
    }

    @Test
    void corruptTruncatedAndNonDicomFilesAreNamedAndTheRestIsListed() throws Exception {
        Path folder = folderWith("mixed", slices);
        // 1. truncated in the pixel data
        byte[] good = Files.readAllBytes(slices.get(0));
        Files.write(folder.resolve("truncated.dcm"), Arrays.copyOf(good, good.length - 40_000));
        // 2. valid preamble + DICM, then garbage
        byte[] garbage = new byte[4096];
        new java.util.Random(3).nextBytes(garbage);
        System.arraycopy(good, 0, garbage, 0, 132);
        Files.write(folder.resolve("corrupt.dcm"), garbage);
        // 3. a text file
        Files.writeString(folder.resolve("notes.txt"), "not a DICOM file");

        DicomIndex index = new DicomFolderScanner().scan(folder, ProgressMonitor.NONE);
        assertEquals(List.of(folder.resolve("notes.txt")), index.notDicom());
        List<Path> problemFiles = index.problems().stream().map(FileProblem::file).sorted().toList();
        assertEquals(List.of(folder.resolve("corrupt.dcm"), folder.resolve("truncated.dcm")), problemFiles);
        FileProblem truncated = index.problems().stream().filter(p -> p.file().endsWith("truncated.dcm")).findFirst()
                .orElseThrow();
        assertTrue(truncated.problem().contains("truncated"), truncated.problem());
        // the 12 good slices are still indexed as one series (the truncated copy shares slice 1's UID and is
        // reported as a duplicate or a defect, never counted twice)
        SeriesRecord series = index.allSeries().get(0);
        assertEquals(12, series.instances().size());
        assertEquals(1, index.patients().size());
    }

    @Test
    void aMissingSliceIsReportedAsUnevenSpacing() throws Exception {
        List<Path> withGap = new ArrayList<>(slices);
        withGap.remove(5);
        DicomReadException e = assertThrows(DicomReadException.class,
                () -> new ImageSeriesReader().read(withGap, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("uneven slice spacing"), e.getMessage());
        assertTrue(e.getMessage().contains("5.00 mm"), e.getMessage());
    }

    @Test
    void aDuplicatedSliceIsRefused() throws Exception {
        List<Path> dup = new ArrayList<>(slices);
        Path copy = Files.copy(slices.get(3), tmp.resolve("dup.dcm"));
        dup.add(copy);
        DicomReadException e = assertThrows(DicomReadException.class,
                () -> new ImageSeriesReader().read(dup, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("same position"), e.getMessage());
    }

    @Test
    void uidsAreValidAndDerivedUidsAreStable() {
        String a = DicomUids.derived("x", "1"), b = DicomUids.derived("x", "1"), c = DicomUids.derived("x", "2");
        assertEquals(a, b);
        assertTrue(!a.equals(c));
        for (String uid : List.of(a, c, DicomUids.random())) {
            assertTrue(DicomUids.isValid(uid), uid);
            assertTrue(uid.startsWith("2.25."), uid);
        }
        assertTrue(!DicomUids.isValid("1.02.3"));
    }
}
