/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.ImageSeriesWriter;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The series reader takes the headers the folder scan has just parsed instead of parsing them again: the volume is
 * the same as without a scan, and a file changed after the scan is read again (a truncated one is refused).
 */
class ScanThenReadTest {

    @TempDir
    Path tmp;

    private List<Path> writeSeries(Path folder) throws Exception {
        new ImageSeriesWriter().writeCt(DemoPatient.planningCt(), new SeriesAttributes("20261206", "080000", "1",
                "scan then read", 1, null), folder, ProgressMonitor.NONE);
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void theVolumeIsTheSameWithTheScansHeaders() throws Exception {
        List<Path> files = writeSeries(tmp.resolve("ct"));
        ImageVolume unscanned = new ImageSeriesReader().read(files, ProgressMonitor.NONE);
        new DicomFolderScanner().scan(tmp.resolve("ct"), ProgressMonitor.NONE);
        ImageVolume scanned = new ImageSeriesReader().read(files, ProgressMonitor.NONE);
        assertArrayEquals(unscanned.storedValues(), scanned.storedValues());
        assertTrue(unscanned.geometry().toString().equals(scanned.geometry().toString()), scanned.geometry().toString());
    }

    @Test
    void aFileChangedAfterTheScanIsReadAgain() throws Exception {
        List<Path> files = writeSeries(tmp.resolve("ct2"));
        new DicomFolderScanner().scan(tmp.resolve("ct2"), ProgressMonitor.NONE);
        Path cut = files.get(40);
        byte[] bytes = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 1000)); // truncated after the scan saw it whole
        DicomReadException e = assertThrows(DicomReadException.class,
                () -> new ImageSeriesReader().read(files, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains(cut.getFileName().toString()), e.getMessage());
    }
}
