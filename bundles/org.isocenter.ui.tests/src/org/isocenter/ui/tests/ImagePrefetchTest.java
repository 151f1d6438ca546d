/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.RtDoseReader;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.dicom.io.StructureSetReader;
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
    static List<SeriesRecord> all;
    static SeriesRecord planning, daily;

    @BeforeAll
    static void series() throws Exception {
        UiTestSupport.awaitStartup(); // the workbench's own start-up prefetch has been taken by then
        dir = Files.createTempDirectory("isocenter-prefetch");
        DemoPatient.generate(dir, ProgressMonitor.NONE);
        all = new DicomFolderScanner().scan(dir, ProgressMonitor.NONE).allSeries();
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
        ImageVolume prefetched = ImagePrefetch.take(planning).orElseThrow().image().orElseThrow();
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
        assertTrue(ImagePrefetch.take(broken).orElseThrow().image().isEmpty(), "a decoding that failed is not handed on");
    }

    /** A reader that counts its reads. */
    private static <T> ImagePrefetch.FileReader<T> counting(ImagePrefetch.FileReader<T> reader, AtomicInteger reads) {
        return f -> {
            reads.incrementAndGet();
            return reader.read(f);
        };
    }

    @Test
    void theStructureSetPlanAndDoseAreReadAheadAndHandedOutOnce() throws Exception {
        Path rtstruct = dir.resolve(DemoPatient.RTSTRUCT_FILE);
        Path rtplan = dir.resolve(DemoPatient.RTPLAN_FILE);
        Path rtdose = dir.resolve(DemoPatient.RTDOSE_FILE);
        ImagePrefetch.start(planning, all);
        ImagePrefetch.Prefetched p = ImagePrefetch.take(planning).orElseThrow();
        AtomicInteger reads = new AtomicInteger();
        StructureSet ss = p.object(rtstruct, StructureSet.class, counting(new StructureSetReader()::read, reads));
        RtPlan plan = p.object(rtplan, RtPlan.class, counting(new RtPlanReader()::read, reads));
        DoseGrid dose = p.object(rtdose, DoseGrid.class, counting(new RtDoseReader()::read, reads));
        assertEquals(0, reads.get(), "the structure set, plan and dose the load chooses were read ahead");

        StructureSet freshSet = new StructureSetReader().read(rtstruct);
        assertEquals(freshSet.rois().stream().map(r -> List.of(r.name(), r.contours())).toList(),
                ss.rois().stream().map(r -> List.of(r.name(), r.contours())).toList());
        RtPlan freshPlan = new RtPlanReader().read(rtplan);
        assertEquals(freshPlan.beams().stream().map(Beam::number).toList(), plan.beams().stream().map(Beam::number).toList());
        assertEquals(freshPlan.label(), plan.label());
        DoseGrid freshDose = new RtDoseReader().read(rtdose);
        assertEquals(freshDose.geometry().toString(), dose.geometry().toString()); // sizes, spacing, origin
        assertArrayEquals(freshDose.values(), dose.values());

        p.object(rtstruct, StructureSet.class, counting(new StructureSetReader()::read, reads));
        assertEquals(1, reads.get(), "an object is handed out once; asked again, the file is read");
        p.object(dir.resolve(DemoPatient.CT_FOLDER).resolve(planning.instances().get(0).file().getFileName()),
                StructureSet.class, f -> {
                    reads.incrementAndGet();
                    return freshSet;
                });
        assertEquals(2, reads.get(), "a file the prefetch did not read goes to the reader");
    }

    @Test
    void filesWrittenAgainSinceTheReadAreReadAgain() throws Exception {
        PlanningCopy c = copyPlanningCtAndPlan("rewritten");
        Path plan = c.plan();
        SeriesRecord ct = c.ct();
        ImagePrefetch.start(ct, c.series());
        ImagePrefetch.Prefetched p = ImagePrefetch.take(ct).orElseThrow();
        Path slice = ct.instances().get(10).file();
        for (Path f : List.of(plan, slice)) { // the same bytes, written again a second later
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(
                    Files.getLastModifiedTime(f).toMillis() + 1000));
        }
        assertTrue(p.image().isEmpty(), "a slice changed since the decoding began: the load decodes the series itself");
        AtomicInteger reads = new AtomicInteger();
        p.object(plan, RtPlan.class, counting(new RtPlanReader()::read, reads));
        assertEquals(1, reads.get(), "the plan changed since it was read: the load reads it again");
    }

    @Test
    void aBackgroundReadThatFailedIsDoneAgainByTheLoadWhichReportsIt() throws Exception {
        PlanningCopy c = copyPlanningCtAndPlan("broken-plan");
        Path plan = c.plan();
        SeriesRecord ct = c.ct();
        byte[] bytes = Files.readAllBytes(plan);
        Files.write(plan, java.util.Arrays.copyOf(bytes, bytes.length / 3)); // truncated after the scan
        ImagePrefetch.start(ct, c.series());
        ImagePrefetch.Prefetched p = ImagePrefetch.take(ct).orElseThrow();
        assertTrue(p.image().isPresent());
        AtomicInteger reads = new AtomicInteger();
        assertThrows(DicomReadException.class, () -> p.object(plan, RtPlan.class, counting(new RtPlanReader()::read, reads)));
        assertEquals(1, reads.get(), "the load reads the file itself and reports its own error");
    }

    /** The demo planning CT and plan copied into a folder of their own: the plan's file, the folder's series, the CT. */
    private record PlanningCopy(Path plan, List<SeriesRecord> series, SeriesRecord ct) {
    }

    private PlanningCopy copyPlanningCtAndPlan(String folder) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(folder));
        for (InstanceRecord i : planning.instances()) {
            Files.copy(i.file(), copy.resolve(i.file().getFileName()));
        }
        Path plan = copy.resolve(DemoPatient.RTPLAN_FILE);
        Files.copy(dir.resolve(DemoPatient.RTPLAN_FILE), plan);
        List<SeriesRecord> series = new DicomFolderScanner().scan(copy, ProgressMonitor.NONE).allSeries();
        SeriesRecord ct = series.stream().filter(SeriesRecord::isImageSeries).findFirst().orElseThrow();
        return new PlanningCopy(plan, series, ct);
    }
}
