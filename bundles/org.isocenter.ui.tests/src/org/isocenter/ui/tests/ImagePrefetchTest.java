/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.ui.internal.viewer.ImagePrefetch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The start-up series decoded while the window is built: taken by the series' first load only, once, and the same
 * voxels and geometry as a read of the files.
 */
class ImagePrefetchTest {

    static Path dir;
    static SeriesRecord planning, daily;

    @BeforeAll
    static void series() throws Exception {
        UiTestSupport.awaitStartup(); // the workbench's own start-up prefetch has been taken by then
        dir = Files.createTempDirectory("isocenter-prefetch");
        DemoPatient.generate(dir, ProgressMonitor.NONE);
        List<SeriesRecord> all = new DicomFolderScanner().scan(dir, ProgressMonitor.NONE).allSeries();
        planning = all.stream().filter(s -> s.seriesInstanceUid().equals(DemoPatient.PLANNING_SERIES_UID)).findFirst()
                .orElseThrow();
        daily = all.stream().filter(s -> s.seriesInstanceUid().equals(DemoPatient.dailySeriesUid(1))).findFirst()
                .orElseThrow();
    }

    @AfterAll
    static void removeFolder() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static ImageVolume read(SeriesRecord s) throws Exception {
        return new ImageSeriesReader().read(s.instances().stream().map(InstanceRecord::file).toList(),
                ProgressMonitor.NONE);
    }

    @Test
    void takenOnceWithTheVoxelsOfTheFiles() throws Exception {
        ImagePrefetch.start(planning);
        ImageVolume prefetched = ImagePrefetch.take(planning).orElseThrow();
        ImageVolume fresh = read(planning);
        assertNotSame(fresh, prefetched);
        var g = fresh.geometry();
        var h = prefetched.geometry();
        assertEquals(List.of(g.sizeX(), g.sizeY(), g.sizeZ()), List.of(h.sizeX(), h.sizeY(), h.sizeZ()));
        assertEquals(List.of(g.spacingXMm(), g.spacingYMm(), g.spacingZMm()), List.of(h.spacingXMm(), h.spacingYMm(),
                h.spacingZMm()));
        assertEquals(g.originMm(), h.originMm());
        assertEquals(fresh.rescaleSlope(), prefetched.rescaleSlope());
        assertEquals(fresh.rescaleIntercept(), prefetched.rescaleIntercept());
        assertArrayEquals(fresh.storedValues(), prefetched.storedValues());
        assertEquals(fresh.frameOfReferenceUid(), prefetched.frameOfReferenceUid());
        assertTrue(ImagePrefetch.take(planning).isEmpty(), "a prefetch is taken once");
    }

    @Test
    void anotherSeriesDiscardsIt() {
        ImagePrefetch.start(planning);
        assertTrue(ImagePrefetch.take(daily).isEmpty(), "another series is read by its load, not given the prefetch");
        assertTrue(ImagePrefetch.take(planning).isEmpty(), "the prefetch went with the other series' load");
    }

    @Test
    void aDiscardedPrefetchIsNotTaken() {
        ImagePrefetch.start(planning);
        ImagePrefetch.discard();
        assertTrue(ImagePrefetch.take(planning).isEmpty());
    }

    @Test
    void aFailedDecodingLeavesTheReadToTheLoad() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("broken-copy"));
        for (InstanceRecord i : planning.instances()) {
            Files.copy(i.file(), copy.resolve(i.file().getFileName()));
        }
        SeriesRecord broken = new DicomFolderScanner().scan(copy, ProgressMonitor.NONE).allSeries().get(0);
        try (Stream<Path> files = Files.list(copy)) {
            Path one = files.sorted().skip(40).findFirst().orElseThrow();
            Files.write(one, new byte[200]); // truncated to junk after the scan
        }
        ImagePrefetch.start(broken);
        assertTrue(ImagePrefetch.take(broken).isEmpty(), "a decoding that failed is not handed on");
    }
}
