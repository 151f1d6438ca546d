/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.isocenter.session.PlanObjects;
import org.isocenter.session.PlanResolver;

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

    /** The structure set: the given file, else the one found for the planning CT ({@link PlanResolver}); empty when none. */
    Optional<Found<StructureSet>> structureSet(Path given) throws Exception {
        Optional<Candidate> c = given != null ? Optional.of(candidate(given, "given"))
                : chosen(resolved(null).structureSet(), "RTSTRUCT", "--rtstruct");
        if (c.isEmpty()) {
            return Optional.empty();
        }
        StructureSet ss = new StructureSetReader().read(c.get().file());
        check("RTSTRUCT", c.get().file(), ss.patient(), ss.frameOfReferenceUid());
        return Optional.of(new Found<>(c.get().file(), c.get().how(), c.get().sopInstanceUid(), ss));
    }

    /**
     * The plan: the given file, else the one found for the planning CT ({@link PlanResolver}: among several, the one
     * on the structure set {@code structureSetFile}, null: the one found).
     */
    Optional<Found<RtPlan>> plan(Path given, Path structureSetFile) throws Exception {
        Optional<Candidate> c = given != null ? Optional.of(candidate(given, "given"))
                : chosen(resolved(structureSetFile).plan(), "RTPLAN", "--rtplan");
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
     * The plan objects of the planning CT among the series of the planning folder (recursively) and of the files
     * directly in its parent folder, plus the structure set given (it is the one asked for); RT objects of other
     * frames are noted as ignored.
     */
    private PlanObjects resolved(Path structureSetFile) throws IOException {
        List<SeriesRecord> all = new ArrayList<>(planning.index().allSeries());
        all.addAll(parentSeries());
        String asked = null;
        if (structureSetFile != null) {
            List<SeriesRecord> given = new DicomFolderScanner().scan(structureSetFile, ProgressMonitor.NONE).allSeries();
            all.addAll(given);
            asked = given.isEmpty() ? null : given.get(0).seriesInstanceUid();
        }
        if (resolvedNotes) {
            resolvedNotes = false;
            for (SeriesRecord s : all) {
                boolean rt = s.modality().equals("RTSTRUCT") || s.modality().equals("RTPLAN");
                boolean inFrame = frame().equals(s.frameOfReferenceUid()) || s.referencedFrameOfReferenceUids().contains(frame());
                if (rt && !inFrame) {
                    s.instances().forEach(i -> notes.add("ignored " + s.modality() + " " + i.file()
                            + ": not in the planning CT's Frame of Reference"));
                }
            }
        }
        return PlanResolver.resolve(all, planning.volume().info().seriesInstanceUid(), frame(), asked);
    }

    private boolean resolvedNotes = true;
    private List<SeriesRecord> parentSeries;

    /**
     * The series of the files directly in the planning folder's parent: scanned once, for the structure set and the
     * plan alike.
     */
    private List<SeriesRecord> parentSeries() throws IOException {
        if (parentSeries == null) {
            List<SeriesRecord> found = new ArrayList<>();
            Path parent = planning.folder().getParent();
            if (parent != null && Files.isDirectory(parent)) {
                List<Path> files;
                try (Stream<Path> s = Files.list(parent)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    found.addAll(new DicomFolderScanner().scan(f, ProgressMonitor.NONE).allSeries());
                }
            }
            parentSeries = List.copyOf(found);
        }
        return parentSeries;
    }

    /** The chosen object as a candidate; refuses an ambiguous choice, naming the files and the option that decides. */
    private Optional<Candidate> chosen(PlanObjects.Choice choice, String modality, String option) {
        if (choice.ambiguous()) {
            throw new IllegalArgumentException("found " + choice.candidates().size() + " " + modality + " files for the "
                    + "planning CT's Frame of Reference (" + String.join(", ", choice.candidates().stream()
                            .map(f -> f.instance().file().toString()).toList()) + "); choose one with " + option);
        }
        return choice.chosen().map(f -> {
            Path file = f.instance().file();
            String where = file.startsWith(planning.folder()) ? "the planning folder" : "the planning folder's parent";
            return new Candidate(file, "found in " + where + " (" + choice.how() + ")", f.sopInstanceUid());
        });
    }
}
