/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.internal.ScanStore;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scanner that remembers what it read gives the same index as one that reads every file, reads again exactly
 * the files whose size or modification time changed, and ignores a damaged store.
 */
class ScanStoreTest {

    @TempDir
    Path tmp;

    /** Everything an index says, positions included, as text (records print arrays by identity). */
    static String describe(DicomIndex index) {
        StringBuilder b = new StringBuilder();
        b.append(index.filesSeen()).append(" files\n");
        index.patients().forEach(p -> {
            b.append(p.identity()).append('\n');
            p.studies().forEach(st -> {
                b.append(' ').append(st.studyInstanceUid()).append(' ').append(st.studyDate()).append(' ')
                        .append(st.description()).append('\n');
                for (SeriesRecord s : st.series()) {
                    b.append("  ").append(s.seriesInstanceUid()).append(' ').append(s.modality()).append(' ')
                            .append(s.seriesNumber()).append(' ').append(s.description()).append(' ')
                            .append(s.frameOfReferenceUid()).append(" refs ").append(s.referencedSeriesUids())
                            .append(s.referencedFrameOfReferenceUids()).append(s.referencedInstanceUids())
                            .append(" rois ").append(s.roiNames()).append(" summary ").append(s.summary())
                            .append(" warnings ").append(s.warnings()).append('\n');
                    for (InstanceRecord i : s.instances()) {
                        b.append("   ").append(i.file()).append(' ').append(i.sopClassUid()).append(' ')
                                .append(i.sopInstanceUid()).append(' ').append(i.instanceNumber()).append(' ')
                                .append(Arrays.toString(i.imagePositionMm())).append('\n');
                    }
                }
            });
        });
        b.append("not DICOM ").append(index.notDicom()).append('\n');
        index.problems().forEach(p -> b.append("problem ").append(p.file()).append(": ").append(p.problem()).append('\n'));
        return b.toString();
    }

    private static DicomIndex scan(Path folder) throws Exception {
        return new DicomFolderScanner().scan(folder, ProgressMonitor.NONE);
    }

    private static DicomIndex remembered(Path store, Path folder) throws Exception {
        return DicomFolderScanner.remembering(store).scan(folder, ProgressMonitor.NONE);
    }

    /** The demo patient (CT, CBCTs, structures, plan, dose), a file that is not DICOM and a truncated one. */
    private Path patientFolder() throws Exception {
        Path folder = tmp.resolve("patient");
        DemoPatient.generate(folder, ProgressMonitor.NONE);
        Files.writeString(folder.resolve("notes.txt"), "not an image");
        Path ct = folder.resolve(DemoPatient.CT_FOLDER);
        try (Stream<Path> files = Files.list(ct)) {
            Path victim = files.sorted().findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(victim);
            Files.write(folder.resolve("truncated.dcm"), Arrays.copyOf(bytes, bytes.length / 2));
        }
        return folder;
    }

    @Test
    void theSameIndexAsReadingEveryFile() throws Exception {
        Path folder = patientFolder();
        Path store = tmp.resolve("store");
        String truth = describe(scan(folder));
        assertTrue(truth.contains("RTSTRUCT") && truth.contains("not DICOM [") && truth.contains("problem "), truth);
        assertEquals(truth, describe(remembered(store, folder)), "first scan, store written");
        try (Stream<Path> s = Files.list(store)) {
            assertEquals(1, s.count());
        }
        assertEquals(truth, describe(remembered(store, folder)), "second scan, from the store");
    }

    @Test
    void onlyFilesWhoseSizeOrTimeChangedAreReadAgain() throws Exception {
        Path folder = patientFolder();
        Path store = tmp.resolve("store");
        remembered(store, folder);
        Path ct = folder.resolve(DemoPatient.CT_FOLDER);
        List<Path> files;
        try (Stream<Path> s = Files.list(ct)) {
            files = s.sorted().toList();
        }
        // same size and time, other content: the store's entry stands (what makes the second scan fast)
        Path same = files.get(10);
        FileTime t = Files.getLastModifiedTime(same);
        byte[] original = Files.readAllBytes(same);
        byte[] junk = new byte[original.length];
        Files.write(same, junk);
        Files.setLastModifiedTime(same, t);
        String stale = describe(remembered(store, folder));
        assertTrue(stale.contains("   " + same + " "), "unchanged size and time: still listed from the store");
        assertTrue(describe(scan(folder)).contains(same.toString()) && !describe(scan(folder)).contains("   " + same + " "),
                "read afresh it is no instance");
        // its time moves: read again, found broken
        Files.setLastModifiedTime(same, FileTime.fromMillis(t.toMillis() + 2000));
        String after = describe(remembered(store, folder));
        assertFalse(after.contains("   " + same + " "), after);
        assertTrue(after.contains(same.toString()), "reported as not DICOM or as a problem: " + after);
        // a file removed and one added
        Files.write(same, original);
        Files.delete(files.get(20));
        Files.copy(files.get(30), ct.resolve("copy-of-30.dcm"));
        String expected = describe(scan(folder));
        assertTrue(expected.contains("duplicate SOP Instance UID"), "the copy is a duplicate instance");
        assertEquals(expected, describe(remembered(store, folder)));
        assertEquals(expected, describe(remembered(store, folder)));
    }

    @Test
    void aDamagedStoreIsIgnoredAndReplaced() throws Exception {
        Path folder = patientFolder();
        Path store = tmp.resolve("store");
        String truth = describe(remembered(store, folder));
        Path file;
        try (Stream<Path> s = Files.list(store)) {
            file = s.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
        assertEquals(truth, describe(remembered(store, folder)), "a damaged store: every file read");
        assertNotEquals(Arrays.hashCode(bytes), Arrays.hashCode(Files.readAllBytes(file)), "replaced");
        Files.write(file, Arrays.copyOf(bytes, 100));
        assertEquals(truth, describe(remembered(store, folder)), "a truncated store");
        Files.writeString(file, "");
        assertEquals(truth, describe(remembered(store, folder)), "an empty store");
    }

    @Test
    void oneStorePerFolderAndTheOldestGo() throws Exception {
        Path store = tmp.resolve("store");
        for (int i = 0; i < ScanStore.MAX_FOLDERS + 5; i++) {
            Path folder = Files.createDirectories(tmp.resolve("folders").resolve("f" + i));
            Files.writeString(folder.resolve("a.txt"), "folder " + i);
            DicomIndex index = remembered(store, folder);
            assertEquals(List.of(folder.resolve("a.txt")), index.notDicom());
        }
        try (Stream<Path> s = Files.list(store)) {
            assertEquals(ScanStore.MAX_FOLDERS, s.count());
        }
        // a folder's store never answers for another folder
        Path a = tmp.resolve("folders").resolve("f0"), b = tmp.resolve("folders").resolve("f1");
        assertEquals(describe(scan(a)), describe(remembered(store, a)));
        assertEquals(describe(scan(b)), describe(remembered(store, b)));
    }
}
