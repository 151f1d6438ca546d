/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.internal.HeaderReader;
import org.isocenter.dicom.internal.HeaderReader.Header;
import org.isocenter.dicom.internal.ScanStore;

/**
 * Indexes a folder tree of DICOM files by patient, study and series, reading headers only (no pixel or
 * contour data), so thousands of files scan quickly. Files that are not DICOM are listed; files that are
 * DICOM but broken (truncated, missing UIDs, unreadable) are reported by name with the problem, and the scan
 * goes on. Studies are listed oldest first. After indexing, RT objects are checked against the images they
 * reference. A scanner made by {@link #remembering(Path)} keeps what it read in a store folder and reads again
 * only the files whose size or modification time changed since the last scan of the same folder (the index is
 * the same either way).
 */
public final class DicomFolderScanner {

    private final Path storeFolder;

    /** A scanner that reads every file's header on every scan. */
    public DicomFolderScanner() {
        this(null);
    }

    private DicomFolderScanner(Path storeFolder) {
        this.storeFolder = storeFolder;
    }

    /**
     * A scanner that remembers, in {@code storeFolder} (one file per scanned folder, the least recently scanned of
     * more than 200 deleted), what each file's header gave, for the next scan of the same folder.
     */
    public static DicomFolderScanner remembering(Path storeFolder) {
        return new DicomFolderScanner(Objects.requireNonNull(storeFolder, "storeFolder"));
    }

    /** Files whose headers are read in parallel between two checks for cancellation. */
    private static final int BATCH = 64;

    /** Scans {@code root} (a folder, or a single file) recursively. */
    public DicomIndex scan(Path root, ProgressMonitor monitor) throws IOException {
        if (!Files.exists(root)) {
            throw new IOException("no such file or folder: " + root);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        monitor.begin("Scanning " + root, files.size());
        ScanStore store = storeFolder == null ? null : ScanStore.open(storeFolder, root);
        Function<Path, HeaderReader.Result> reader = store == null ? HeaderReader::read : store::read;
        List<Path> notDicom = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        List<Header> headers = new ArrayList<>();
        // headers are read in parallel, a batch at a time (cancellation and progress between batches, on this
        // thread); results keep the files' order, so the index does not depend on the number of cores
        for (int from = 0; from < files.size(); from += BATCH) {
            monitor.checkCancelled();
            List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            List<HeaderReader.Result> results = batch.size() == 1 ? List.of(reader.apply(batch.get(0)))
                    : batch.parallelStream().map(reader).toList();
            for (int i = 0; i < batch.size(); i++) {
                Path file = batch.get(i);
                switch (results.get(i)) {
                    case HeaderReader.NotDicom n -> notDicom.add(file);
                    case HeaderReader.Problem p -> problems.add(new FileProblem(file, p.message()));
                    case Header h when h.defect() != null -> problems.add(new FileProblem(file, h.defect() + "; not indexed"));
                    case Header h -> headers.add(h);
                }
            }
            monitor.worked(batch.size());
        }
        if (store != null) {
            store.save();
        }
        return new DicomIndex(root, files.size(), group(headers, problems), notDicom, problems);
    }

    private static List<PatientRecord> group(List<Header> headers, List<FileProblem> problems) {
        // patient id -> study uid -> series uid -> headers, in first-seen order
        Map<String, Map<String, Map<String, List<Header>>>> tree = new LinkedHashMap<>();
        Map<String, Header> firstOfPatient = new HashMap<>();
        Set<String> seenSop = new HashSet<>();
        for (Header h : headers) {
            if (!seenSop.add(h.sopInstanceUid())) {
                problems.add(new FileProblem(h.file(), "duplicate SOP Instance UID " + h.sopInstanceUid()
                        + " (another file holds the same instance); ignored"));
                continue;
            }
            String patientKey = patientKey(h);
            Header first = firstOfPatient.putIfAbsent(patientKey, h);
            if (first != null && !first.patient().isSamePatient(h.patient())) {
                problems.add(new FileProblem(h.file(), "same Patient ID as " + first.file().getFileName()
                        + " but a different patient: " + String.join(", ", first.patient().differencesFrom(h.patient()))));
            }
            tree.computeIfAbsent(patientKey, k -> new LinkedHashMap<>())
                    .computeIfAbsent(h.studyInstanceUid(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(h.seriesInstanceUid(), k -> new ArrayList<>()).add(h);
        }
        Map<String, SeriesRecordBuilder> bySeriesUid = new HashMap<>();
        Map<String, List<String>> studiesOfSeries = new HashMap<>();
        Map<String, SeriesRecordBuilder> byStudyAndSeries = new HashMap<>();
        List<SeriesRecordBuilder> all = new ArrayList<>();
        for (var studies : tree.values()) {
            for (var study : studies.entrySet()) {
                for (var entry : study.getValue().entrySet()) {
                    SeriesRecordBuilder b = new SeriesRecordBuilder(entry.getValue());
                    bySeriesUid.putIfAbsent(entry.getKey(), b);
                    byStudyAndSeries.put(study.getKey() + "/" + entry.getKey(), b);
                    studiesOfSeries.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(study.getKey());
                    all.add(b);
                }
            }
        }
        for (SeriesRecordBuilder b : all) {
            List<String> studies = studiesOfSeries.get(b.seriesUid);
            if (studies.size() > 1) {
                b.warnings.add("this Series Instance UID is spread over " + studies.size() + " studies or patients ("
                        + String.join(", ", studies) + "): one series should belong to one study");
            }
        }
        checkReferences(all, bySeriesUid);
        List<PatientRecord> patients = new ArrayList<>();
        for (var patientEntry : tree.entrySet()) {
            PatientIdentity identity = firstOfPatient.get(patientEntry.getKey()).patient();
            List<StudyRecord> studies = new ArrayList<>();
            for (var studyEntry : patientEntry.getValue().entrySet()) {
                List<SeriesRecord> series = studyEntry.getValue().keySet().stream().map(uid -> byStudyAndSeries.get(studyEntry.getKey() + "/" + uid).build())
                        .sorted(Comparator.comparing(SeriesRecord::modality).thenComparing(SeriesRecord::seriesNumber))
                        .toList();
                Header any = studyEntry.getValue().values().iterator().next().get(0);
                studies.add(new StudyRecord(studyEntry.getKey(), any.studyDate(), any.studyDescription(), series));
            }
            studies.sort(Comparator.comparing(StudyRecord::studyDate).thenComparing(StudyRecord::studyInstanceUid));
            patients.add(new PatientRecord(identity, studies));
        }
        return patients;
    }

    /**
     * Files are grouped by Patient ID; files without one are grouped by the rest of their identity (name, birth
     * date, sex) or, when that is empty too, by study, so that unrelated anonymous files never merge into one patient.
     */
    private static String patientKey(Header h) {
        PatientIdentity p = h.patient();
        if (!p.patientId().isBlank()) {
            return "id:" + p.patientId();
        }
        String rest = p.patientName() + "|" + p.birthDate() + "|" + p.sex();
        return rest.equals("||") ? "no-identity:" + h.studyInstanceUid() : "no-id:" + rest;
    }

    /** RT objects must reference series and Frames of Reference that exist and agree. */
    private static void checkReferences(List<SeriesRecordBuilder> all, Map<String, SeriesRecordBuilder> bySeriesUid) {
        Set<String> imageFrames = new HashSet<>();
        for (SeriesRecordBuilder b : all) {
            if (b.isImage() && !b.frameOfReferenceUid.isEmpty()) {
                imageFrames.add(b.frameOfReferenceUid);
            }
        }
        Map<String, SeriesRecordBuilder> bySopUid = new HashMap<>();
        for (SeriesRecordBuilder b : all) {
            b.headers.forEach(h -> bySopUid.put(h.sopInstanceUid(), b));
        }
        for (SeriesRecordBuilder b : all) {
            for (String ref : b.referencedInstances) {
                SeriesRecordBuilder target = bySopUid.get(ref);
                if (target == null) {
                    b.warnings.add("references instance " + ref + ", which is not in the scanned folder");
                } else if (!b.frameOfReferenceUid.isEmpty() && !target.frameOfReferenceUid.isEmpty()
                        && !b.frameOfReferenceUid.equals(target.frameOfReferenceUid)) {
                    b.warnings.add("Frame of Reference mismatch: own frame " + b.frameOfReferenceUid + " but the referenced "
                            + target.modality + " is in frame " + target.frameOfReferenceUid);
                }
            }
            for (String ref : b.referencedSeries) {
                SeriesRecordBuilder target = bySeriesUid.get(ref);
                if (target == null) {
                    b.warnings.add("references series " + ref + ", which is not in the scanned folder");
                } else if (!b.referencedFrames.isEmpty() && !target.frameOfReferenceUid.isEmpty()
                        && !b.referencedFrames.contains(target.frameOfReferenceUid)) {
                    b.warnings.add("Frame of Reference mismatch: references series " + ref + " in frame "
                            + target.frameOfReferenceUid + " but its own frame is " + String.join(", ", b.referencedFrames));
                }
            }
            if (!b.isImage() && !b.modality.equals("RTPLAN") && b.referencedSeries.isEmpty()) {
                for (String frame : b.referencedFrames) {
                    if (!imageFrames.contains(frame)) {
                        b.warnings.add("no image series in the folder has its Frame of Reference " + frame);
                    }
                }
            }
        }
    }

    private static final class SeriesRecordBuilder {
        final List<Header> headers;
        final String modality;
        final String frameOfReferenceUid;
        final Set<String> referencedSeries = new LinkedHashSet<>();
        final Set<String> referencedFrames = new LinkedHashSet<>();
        final Set<String> referencedInstances = new LinkedHashSet<>();
        final List<String> warnings = new ArrayList<>();

        final String seriesUid;

        SeriesRecordBuilder(List<Header> headers) {
            this.headers = headers;
            Header first = headers.get(0);
            this.seriesUid = first.seriesInstanceUid();
            this.modality = first.modality();
            this.frameOfReferenceUid = first.frameOfReferenceUid();
            fileWarnings();
            Map<String, Integer> modalities = count(headers, Header::modality);
            if (modalities.size() > 1) {
                warnings.add("the series mixes object types " + describe(modalities) + "; listed as " + modality);
            }
            Map<String, Integer> geometries = count(headers.stream().filter(h -> !h.imageGeometry().isEmpty()).toList(),
                    Header::imageGeometry);
            if (geometries.size() > 1) {
                warnings.add("slices of different size or pixel spacing share this Series Instance UID: "
                        + describe(geometries));
            }
            if (first.patient().patientId().isBlank()) {
                warnings.add("no Patient ID: listed under a patient of its own (by name, birth date and sex, or by study "
                        + "when those are empty too), never merged with other files without one");
            }
            if (isImage() && frameOfReferenceUid.isEmpty()) {
                warnings.add("no Frame of Reference UID: the images cannot be related to structures, plans, doses or "
                        + "registrations");
            }
            Set<String> frames = new LinkedHashSet<>();
            for (Header h : headers) {
                referencedSeries.addAll(h.referencedSeriesUids());
                referencedFrames.addAll(h.referencedFrameUids());
                referencedInstances.addAll(h.referencedInstanceUids());
                if (!h.frameOfReferenceUid().isEmpty()) {
                    frames.add(h.frameOfReferenceUid());
                }
            }
            if (frames.size() > 1) {
                warnings.add("instances of this series are in " + frames.size() + " different Frames of Reference");
            }
            if (!frameOfReferenceUid.isEmpty()) {
                referencedFrames.add(frameOfReferenceUid);
            }
        }

        /** Each file's own warnings; the same warning on many files is said once with the count. */
        private void fileWarnings() {
            Map<String, List<Path>> byText = new LinkedHashMap<>();
            for (Header h : headers) {
                for (String w : h.warnings()) {
                    byText.computeIfAbsent(w, k -> new ArrayList<>()).add(h.file());
                }
            }
            byText.forEach((w, files) -> warnings.add(files.size() == 1 ? files.get(0).getFileName() + ": " + w
                    : files.size() + " files (" + files.get(0).getFileName() + ", ...): " + w));
        }

        private static Map<String, Integer> count(List<Header> headers, java.util.function.Function<Header, String> key) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            headers.forEach(h -> counts.merge(key.apply(h), 1, Integer::sum));
            return counts;
        }

        private static String describe(Map<String, Integer> counts) {
            return String.join("; ", counts.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " file)" : " files)")).toList());
        }

        boolean isImage() {
            return !modality.startsWith("RT") && !modality.equals("REG") && !modality.equals("SR");
        }

        SeriesRecord build() {
            Header first = headers.get(0);
            List<InstanceRecord> instances = headers.stream()
                    .map(h -> new InstanceRecord(h.file(), h.sopClassUid(), h.sopInstanceUid(), h.instanceNumber(),
                            h.imagePositionMm()))
                    .sorted(Comparator.comparingInt(InstanceRecord::instanceNumber)
                            .thenComparing(i -> i.file().toString()))
                    .toList();
            // several RT objects in one series (e.g. structure sets): each is summarised, ROI names of all are listed
            List<String> summaries = headers.stream().map(Header::summary).filter(x -> !x.isEmpty()).distinct().toList();
            String summary = headers.size() > 1 && !isImage() && !summaries.isEmpty()
                    ? headers.size() + " objects: " + String.join("; ", summaries)
                    : first.summary();
            List<String> rois = headers.stream().flatMap(h -> h.roiNames().stream()).distinct().toList();
            return new SeriesRecord(first.seriesInstanceUid(), modality, first.seriesNumber(), first.seriesDescription(),
                    frameOfReferenceUid, instances, List.copyOf(referencedSeries), List.copyOf(referencedFrames),
                    List.copyOf(referencedInstances), rois, summary, warnings);
        }
    }
}
