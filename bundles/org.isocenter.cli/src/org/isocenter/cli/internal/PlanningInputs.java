package org.isocenter.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.ImageSeriesReference;
import org.isocenter.dicom.io.InstanceReference;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.SeriesRecord;

/**
 * What the planning-side commands ({@code register}, {@code margin}, {@code boolean}) read: the one image series of
 * a folder, and the planning CT's structure set and plan —
 * given on the command line, or found in the planning folder and (not recursively) its parent folder by the
 * planning CT's Frame of Reference. Objects of another patient or Frame of Reference are refused with a message.
 */
final class PlanningInputs {

    /** An image series read from its folder, with what a Spatial Registration needs to reference it. */
    record Series(Path folder, DicomIndex index, SeriesRecord record, ImageVolume volume) {

        ImageSeriesReference reference() {
            return ImageSeriesReference.of(volume, record);
        }
    }

    /** An RT object used, where it came from ("given", "found in ..."), its SOP Instance UID and its content. */
    record Found<T>(Path file, String how, String sopInstanceUid, T object) {
    }

    private final Series planning;
    private final List<String> notes;

    PlanningInputs(Series planning, List<String> notes) {
        this.planning = planning;
        this.notes = notes;
    }

    /**
     * The one image series of a scanned folder ({@code what} names the folder in messages); refuses a folder
     * without one (naming its unreadable files) or with several (naming them).
     */
    static SeriesRecord oneImageSeries(String what, DicomIndex index) {
        List<SeriesRecord> images = index.allSeries().stream().filter(SeriesRecord::isImageSeries).toList();
        if (images.isEmpty()) {
            throw new IllegalArgumentException(what + " holds no readable image series"
                    + (index.problems().isEmpty() ? "" : " (" + index.problems().size() + " unreadable DICOM file"
                            + (index.problems().size() == 1 ? "" : "s") + ", e.g. "
                            + index.problems().get(0).file().getFileName() + ": " + index.problems().get(0).problem()
                            + ")"));
        }
        if (images.size() > 1) {
            List<String> names = images.stream().map(s -> s.modality() + " '" + s.description() + "' ("
                    + s.instances().size() + " files)").toList();
            throw new IllegalArgumentException(what + " holds " + images.size() + " image series: "
                    + String.join(", ", names) + "; give a folder with exactly one");
        }
        if (!index.problems().isEmpty()) {
            // a slice that could not be read would leave a gap or silently shorten the volume: name it instead
            List<String> named = index.problems().stream().limit(3)
                    .map(p -> p.file().getFileName() + ": " + p.problem()).toList();
            throw new IllegalArgumentException(what + " holds " + index.problems().size() + " DICOM file"
                    + (index.problems().size() == 1 ? "" : "s") + " that cannot be read, so the series would be "
                    + "incomplete: " + String.join("; ", named) + (index.problems().size() > 3 ? "; ..." : ""));
        }
        return images.get(0);
    }

    /** Reads the one image series in {@code folder}; refuses a folder without one or with several. */
    static Series loadSeries(String role, Path folder, ProgressMonitor progress) throws IOException,
            org.isocenter.dicom.io.DicomReadException {
        DicomIndex index = new DicomFolderScanner().scan(folder, ProgressMonitor.NONE);
        SeriesRecord record = oneImageSeries("the " + role + " folder " + folder, index);
        if (record.frameOfReferenceUid().isEmpty()) {
            throw new IllegalArgumentException("the " + role + " image series in " + folder + " states no Frame of "
                    + "Reference UID (0020,0052): structures, plans, doses and registrations cannot be related to it");
        }
        ImageVolume volume = new ImageSeriesReader().read(record.instances().stream().map(InstanceRecord::file).toList(),
                progress);
        return new Series(folder, index, record, volume);
    }

    /** The structure set: the given file, else the one found for the planning CT's frame; empty when none. */
    Optional<Found<StructureSet>> structureSet(Path given) throws Exception {
        Optional<Candidate> c = given != null ? Optional.of(candidate(given, "given"))
                : find("RTSTRUCT", "--rtstruct", s -> s.referencedFrameOfReferenceUids().contains(frame()),
                        s -> s.referencedSeriesUids().contains(planning.volume().info().seriesInstanceUid()));
        if (c.isEmpty()) {
            return Optional.empty();
        }
        StructureSet ss = new StructureSetReader().read(c.get().file());
        check("RTSTRUCT", c.get().file(), ss.patient(), ss.frameOfReferenceUid());
        return Optional.of(new Found<>(c.get().file(), c.get().how(), c.get().sopInstanceUid(), ss));
    }

    /** The plan: the given file, else the one found for the planning CT's frame (preferring one on the structure set). */
    Optional<Found<RtPlan>> plan(Path given, String structureSetUid) throws Exception {
        Optional<Candidate> c = given != null ? Optional.of(candidate(given, "given"))
                : find("RTPLAN", "--rtplan", s -> frame().equals(s.frameOfReferenceUid()),
                        s -> !structureSetUid.isEmpty() && s.referencedInstanceUids().contains(structureSetUid));
        if (c.isEmpty()) {
            return Optional.empty();
        }
        RtPlan plan = new RtPlanReader().read(c.get().file());
        check("RTPLAN", c.get().file(), plan.patient(), plan.frameOfReferenceUid());
        return Optional.of(new Found<>(c.get().file(), c.get().how(), c.get().sopInstanceUid(), plan));
    }

    private record Candidate(Path file, String how, String sopInstanceUid) {
    }

    private String frame() {
        return planning.volume().frameOfReferenceUid();
    }

    private void check(String what, Path file, PatientIdentity patient, String frameUid) {
        List<String> differences = planning.volume().patient().differencesFrom(patient);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("refusing " + what + " " + file + ": it belongs to another patient than the "
                    + "planning CT (" + String.join(", ", differences) + ")");
        }
        if (!frameUid.equals(frame())) {
            throw new IllegalArgumentException("refusing " + what + " " + file + ": its Frame of Reference "
                    + (frameUid.isEmpty() ? "(none)" : frameUid) + " is not the planning CT's " + frame());
        }
    }

    private static Candidate candidate(Path file, String how) throws IOException {
        DicomIndex index = new DicomFolderScanner().scan(file, ProgressMonitor.NONE);
        String sop = index.allSeries().stream().flatMap(s -> s.instances().stream()).map(InstanceRecord::sopInstanceUid)
                .findFirst().orElse("");
        return new Candidate(file, how, sop);
    }

    /**
     * The object of {@code modality} for the planning CT's frame in the planning folder (recursively) or its parent
     * folder (files directly in it); among several, those {@code preferred}; several left is ambiguous.
     */
    private Optional<Candidate> find(String modality, String option, Predicate<SeriesRecord> matches,
            Predicate<SeriesRecord> preferred) throws IOException {
        Map<Path, SeriesRecord> found = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        collect(planning.index(), modality, matches, found, ignored);
        Path parent = planning.folder().getParent();
        if (parent != null && Files.isDirectory(parent)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(parent)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                collect(new DicomFolderScanner().scan(f, ProgressMonitor.NONE), modality, matches, found, ignored);
            }
        }
        ignored.forEach(i -> notes.add("ignored " + modality + " " + i + ": not in the planning CT's Frame of Reference"));
        List<Path> files = new ArrayList<>(found.keySet());
        if (files.size() > 1) {
            List<Path> better = files.stream().filter(f -> preferred.test(found.get(f))).toList();
            if (!better.isEmpty()) {
                files = better;
            }
        }
        if (files.size() > 1) {
            throw new IllegalArgumentException("found " + files.size() + " " + modality + " files for the planning CT's "
                    + "Frame of Reference (" + String.join(", ", files.stream().map(Path::toString).toList())
                    + "); choose one with " + option);
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        Path f = files.get(0);
        String where = f.startsWith(planning.folder()) ? "the planning folder" : "the planning folder's parent";
        return Optional.of(new Candidate(f, "found in " + where + " by Frame of Reference",
                found.get(f).instances().stream().filter(i -> i.file().equals(f)).map(InstanceRecord::sopInstanceUid)
                        .findFirst().orElse("")));
    }

    private static void collect(DicomIndex index, String modality, Predicate<SeriesRecord> matches,
            Map<Path, SeriesRecord> found, List<String> ignored) {
        for (SeriesRecord s : index.allSeries()) {
            if (!s.modality().equals(modality)) {
                continue;
            }
            for (InstanceRecord i : s.instances()) {
                if (matches.test(s)) {
                    found.putIfAbsent(i.file(), s);
                } else {
                    ignored.add(i.file().toString());
                }
            }
        }
    }
}
