/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a folder scan found: patients → studies → series → instances, the files that are not DICOM, and
 * the files that are DICOM but could not be indexed (each with a message naming the problem).
 */
public record DicomIndex(Path root, int filesSeen, List<PatientRecord> patients, List<Path> notDicom,
        List<FileProblem> problems) {

    public DicomIndex {
        patients = List.copyOf(patients);
        notDicom = List.copyOf(notDicom);
        problems = List.copyOf(problems);
    }

    /** All series of all patients. */
    public List<SeriesRecord> allSeries() {
        return patients.stream().flatMap(p -> p.studies().stream()).flatMap(s -> s.series().stream()).toList();
    }

    /** The series with this Series Instance UID, if scanned. */
    public Optional<SeriesRecord> series(String seriesInstanceUid) {
        return allSeries().stream().filter(s -> s.seriesInstanceUid().equals(seriesInstanceUid)).findFirst();
    }

    /** Number of DICOM instances indexed. */
    public int instanceCount() {
        return allSeries().stream().mapToInt(s -> s.instances().size()).sum();
    }
}
