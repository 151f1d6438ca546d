/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.FileProblem;
import org.isocenter.dicom.scan.SeriesRecord;

/**
 * What an import found, for the summary shown when it ends: counts, then one row per file that was not imported
 * (DICOM that could not be read, with the reason; files that are not DICOM) and per series warning.
 *
 * @param failure why nothing was imported (folder missing, scan failed), empty when the scan ran
 */
public record ImportReport(Path folder, int filesSeen, int patients, int series, int instances, List<Row> rows,
        String failure) {

    /** One line of the report: the file (or series) concerned, its kind and the reason. */
    public record Row(String kind, String what, String reason) {
    }

    /** Row kinds. */
    public static final String NOT_IMPORTED = Messages.ImportReport_kindNotImported,
            NOT_DICOM = Messages.ImportReport_kindNotDicom, WARNING = Messages.ImportReport_kindWarning;

    public ImportReport {
        rows = List.copyOf(rows);
        failure = failure == null ? "" : failure;
    }

    /** The report of a finished scan. */
    public static ImportReport of(DicomIndex index) {
        List<Row> rows = new ArrayList<>();
        for (FileProblem p : index.problems()) {
            rows.add(new Row(NOT_IMPORTED, relative(index.root(), p.file()), p.problem()));
        }
        for (Path f : index.notDicom()) {
            rows.add(new Row(NOT_DICOM, relative(index.root(), f), Messages.ImportReport_notDicomReason));
        }
        for (SeriesRecord s : index.allSeries()) {
            String name = s.modality() + " " + (s.description().isEmpty()
                    ? NLS.bind(Messages.ImportReport_seriesNumber, s.seriesNumber()) : s.description());
            for (String w : SeriesWarnings.of(s)) {
                rows.add(new Row(WARNING, name, w));
            }
        }
        return new ImportReport(index.root(), index.filesSeen(), index.patients().size(), index.allSeries().size(),
                index.instanceCount(), rows, "");
    }

    /** The report of an import that could not run. */
    public static ImportReport failed(Path folder, String why) {
        return new ImportReport(folder, 0, 0, 0, 0, List.of(), why);
    }

    /** Whether the user should see it: nothing imported, files left out (other than companion files) or series warnings. */
    public boolean worthShowing() {
        return !failure.isEmpty() || instances == 0
                || rows.stream().anyMatch(r -> !r.kind().equals(NOT_DICOM) || !companion(Path.of(r.what())));
    }

    /** Extensions of files that commonly sit beside DICOM and are not expected to be DICOM (notes, logs, images, ...). */
    private static final java.util.Set<String> COMPANIONS = java.util.Set.of("json", "txt", "log", "csv", "md", "xml",
            "html", "htm", "pdf", "png", "jpg", "jpeg", "ini", "cfg", "sh", "bat", "py", "mhd", "raw", "nii", "gz", "zip");

    /**
     * Whether a file that is not DICOM is an expected companion (a text, log, picture or archive by its extension), not a
     * problem: such files are listed in the import summary but not flagged in the Patient Browser.
     */
    public static boolean companion(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return (dot > 0 && COMPANIONS.contains(name.substring(dot + 1))) || name.equals("dicomdir") || name.startsWith(".");
    }

    /** The files of an index that are not DICOM and not {@linkplain #companion companions}. */
    public static java.util.List<Path> strayFiles(DicomIndex index) {
        return index.notDicom().stream().filter(f -> !companion(f)).toList();
    }

    /** Rows of one kind. */
    public List<Row> rows(String kind) {
        return rows.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    /** One sentence: what was imported and what was not. */
    public String headline() {
        if (!failure.isEmpty()) {
            return NLS.bind(Messages.ImportReport_nothingImported, folder, failure);
        }
        int notImported = rows(NOT_IMPORTED).size(), notDicom = rows(NOT_DICOM).size(), warnings = rows(WARNING).size();
        StringBuilder b = new StringBuilder();
        b.append(NLS.bind(Messages.ImportReport_imported, new Object[] {
                NLS.bind(instances == 1 ? Messages.ImportReport_dicomObject : Messages.ImportReport_dicomObjects, instances),
                series, NLS.bind(patients == 1 ? Messages.ImportReport_patient : Messages.ImportReport_patients, patients),
                NLS.bind(filesSeen == 1 ? Messages.ImportReport_file : Messages.ImportReport_files, filesSeen), folder }));
        if (notImported > 0) {
            b.append(NLS.bind(notImported == 1 ? Messages.ImportReport_notImportedOne
                    : Messages.ImportReport_notImportedMany, notImported));
        }
        if (notDicom > 0) {
            b.append(NLS.bind(notDicom == 1 ? Messages.ImportReport_notDicomOne : Messages.ImportReport_notDicomMany, notDicom));
        }
        if (warnings > 0) {
            b.append(NLS.bind(warnings == 1 ? Messages.ImportReport_warningOne : Messages.ImportReport_warningMany, warnings));
        }
        return b.toString();
    }

    private static String relative(Path root, Path file) {
        try {
            return root.relativize(file).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}
