/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.RtImage;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.PatientSetup;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.io.DicomContentDigest;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.DicomUids;
import org.isocenter.dicom.io.DicomWriteException;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.RtImageWriter;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.SpatialRegistrationReader;
import org.isocenter.igrt.AcceptedRegistration;
import org.isocenter.session.PlanObjects.Choice;
import org.isocenter.session.PlanResolver;
import org.isocenter.margin.FractionLog;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.PatientRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.export.internal.Hashing;

/**
 * Builds the {@link ExportPackage} of a plan and refuses what must not go to a treatment machine. The structure set is
 * the one the plan references (by SOP Instance UID), the planning CT the series that structure set references (else
 * the one image series in the plan's Frame of Reference); IGRT Spatial Registrations qualify when they map a frame
 * into the plan's frame (or from it), couch correction records ({@code igrt-decisions.log}) when every line is the
 * plan's patient. Refused, with every reason: a plan without beams or isocenter, without Frame of Reference; any piece
 * of another patient ({@link PatientIdentity#differencesFrom}) or Frame of Reference; a referenced structure set or a
 * planning CT that cannot be found; several candidates where one is needed; a DRR that fails {@link DrrQuality}
 * (isocenter outside the planning CT, nearly blank image) unless the request accepts it. DRRs (one per beam,
 * {@link DrrRenderer}) are all rendered and judged before any is written, then written as new RT Images in the
 * planning CT's study with a display window from their own pixels. Files go in dependency order: CT, structure set, plan,
 * reference images, registrations, couch correction record.
 */
public final class PackageBuilder {

    /** The file name of the couch correction record the workbench writes beside the daily images. */
    public static final String COUCH_CORRECTION_RECORD = FractionLog.FILE_NAME;

    public ExportPackage build(PackageRequest request, ProgressMonitor monitor) throws ExportRefusedException, IOException {
        monitor.begin("Building the export package", 6);
        List<String> refusals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path planFile = request.planFile().toAbsolutePath().normalize();
        if (!Files.isRegularFile(planFile)) {
            throw new ExportRefusedException("no RT Plan file " + planFile);
        }
        RtPlan plan;
        DicomContentDigest.Content planContent;
        try {
            plan = new RtPlanReader().read(planFile);
            planContent = DicomContentDigest.of(planFile);
        } catch (DicomReadException e) {
            String m = e.getMessage();
            throw new ExportRefusedException("the RT Plan " + planFile + " cannot be exported: " + m
                    + (m.contains("Isocenter") ? " (a plan without isocenter cannot be set up on the machine)" : ""));
        }
        if (plan.beams().isEmpty()) {
            throw new ExportRefusedException("the RT Plan " + planFile + " has no beams, hence no isocenter: nothing to set up");
        }
        for (Beam b : plan.beams()) {
            Vector3 iso = b.isocenterMm();
            if (!Double.isFinite(iso.x()) || !Double.isFinite(iso.y()) || !Double.isFinite(iso.z())) {
                refusals.add("beam " + b.number() + " '" + b.name() + "' of " + planFile.getFileName() + " has no valid isocenter");
            }
        }
        String frame = plan.frameOfReferenceUid();
        if (frame.isEmpty()) {
            throw new ExportRefusedException("the RT Plan " + planFile + " states no Frame of Reference UID");
        }
        PatientIdentity patient = plan.patient();
        monitor.worked(1);

        monitor.subTask("scanning for the referenced objects");
        List<Path> folders = request.searchFolders().isEmpty() ? List.of(planFile.getParent())
                : request.searchFolders().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        List<Scanned> scanned = new ArrayList<>();
        for (Path f : folders) {
            scanned.addAll(scan(f));
        }
        monitor.worked(1);

        // structure set
        Path ssFile = null;
        String ssSeriesRef = "";
        if (request.structureSetFile() != null) {
            ssFile = request.structureSetFile().toAbsolutePath().normalize();
        } else if (!plan.referencedStructureSetUid().isEmpty()) {
            Choice referenced = PlanResolver.referencedStructureSet(series(scanned), plan.referencedStructureSetUid());
            if (referenced.chosen().isEmpty()) {
                refusals.add(referenced.how() + " (searched " + folders + ")");
            } else {
                ssFile = referenced.chosen().get().instance().file();
            }
        } else {
            notes.add("the plan references no structure set; none exported");
        }
        StructureSet ss = null;
        DicomContentDigest.Content ssContent = null;
        if (ssFile != null) {
            try {
                ss = new StructureSetReader().read(ssFile);
                ssContent = DicomContentDigest.of(ssFile);
                check(refusals, "RTSTRUCT " + ssFile.getFileName(), patient, ss.patient(), frame, ss.frameOfReferenceUid());
                if (!plan.referencedStructureSetUid().isEmpty()
                        && !plan.referencedStructureSetUid().equals(ssContent.sopInstanceUid())) {
                    refusals.add("the plan references structure set " + plan.referencedStructureSetUid() + ", not "
                            + ssFile.getFileName() + " (" + ssContent.sopInstanceUid() + ")");
                }
                ssSeriesRef = ss.referencedSeriesInstanceUid();
            } catch (DicomReadException e) {
                refusals.add(e.getMessage());
            }
        }
        monitor.worked(1);

        // planning CT
        monitor.subTask("planning CT");
        Scanned ct = null;
        if (request.planningCtFolder() != null) {
            List<Scanned> images = scan(request.planningCtFolder().toAbsolutePath().normalize()).stream()
                    .filter(s -> s.series().isImageSeries()).toList();
            if (images.size() != 1) {
                refusals.add("the planning CT folder " + request.planningCtFolder() + " holds " + images.size()
                        + " image series; it must hold one");
            } else {
                ct = images.get(0);
            }
        } else {
            List<SeriesRecord> candidates = PlanResolver.planningImages(series(scanned), frame,
                    ssSeriesRef.isEmpty() ? List.of() : List.of(ssSeriesRef));
            if (candidates.isEmpty()) {
                refusals.add("no planning CT in the plan's Frame of Reference " + frame + " found in " + folders);
            } else if (candidates.size() > 1) {
                refusals.add(candidates.size() + " image series in the plan's Frame of Reference; choose the planning CT");
            } else {
                ct = scanned.stream().filter(s -> s.series() == candidates.get(0)).findFirst().orElseThrow();
            }
        }
        if (ct != null) {
            check(refusals, "planning CT series " + ct.series().seriesInstanceUid(), patient, ct.patient(), frame,
                    ct.series().frameOfReferenceUid());
            if (!ssSeriesRef.isEmpty() && !ssSeriesRef.equals(ct.series().seriesInstanceUid())) {
                refusals.add("the structure set was drawn on series " + ssSeriesRef + ", not on the planning CT "
                        + ct.series().seriesInstanceUid());
            }
        }
        monitor.worked(1);

        // IGRT: registrations and couch correction records
        Set<Path> regFiles = new LinkedHashSet<>();
        request.registrationFiles().forEach(p -> regFiles.add(p.toAbsolutePath().normalize()));
        Set<Path> found = new LinkedHashSet<>();
        if (request.findIgrt()) {
            PlanResolver.registrations(series(scanned)).forEach(f -> found.add(f.instance().file()));
        }
        List<SpatialRegistration> registrations = new ArrayList<>();
        List<Path> regKept = new ArrayList<>();
        Set<Path> allRegs = new LinkedHashSet<>(regFiles);
        allRegs.addAll(found);
        for (Path f : allRegs) {
            boolean given = regFiles.contains(f);
            try {
                SpatialRegistration r = new SpatialRegistrationReader().read(f);
                boolean involvesPlan = AcceptedRegistration.involves(r, frame);
                if (!involvesPlan) {
                    if (given) {
                        refusals.add("Spatial Registration " + f.getFileName() + " does not register the plan's Frame of "
                                + "Reference " + frame);
                    } else {
                        notes.add("ignored Spatial Registration " + f + ": not in the plan's Frame of Reference");
                    }
                    continue;
                }
                List<String> d = patient.differencesFrom(r.patient());
                if (!d.isEmpty()) {
                    refusals.add("Spatial Registration " + f.getFileName() + " belongs to another patient ("
                            + String.join(", ", d) + ")");
                    continue;
                }
                registrations.add(r);
                regKept.add(f);
            } catch (DicomReadException e) {
                refusals.add(e.getMessage());
            }
        }
        Set<Path> records = new LinkedHashSet<>();
        request.couchCorrectionRecords().forEach(p -> records.add(p.toAbsolutePath().normalize()));
        if (request.findIgrt()) {
            for (Path f : folders) {
                try (Stream<Path> s = Files.walk(f)) {
                    s.filter(p -> p.getFileName().toString().equals(COUCH_CORRECTION_RECORD)).sorted().forEach(records::add);
                }
            }
        }
        for (Path r : records) {
            checkCouchRecord(refusals, r, patient);
        }
        monitor.worked(1);

        if (!refusals.isEmpty()) {
            throw new ExportRefusedException(refusals);
        }

        // reference images
        List<WrittenDrr> drrs = new ArrayList<>();
        if (request.drr() != null) {
            drrs = writeDrrs(request, plan, planFile, planContent.sopInstanceUid(), ct, notes, monitor);
        }

        monitor.subTask("hashing");
        List<PackageItem> items = new ArrayList<>();
        List<InstanceRecord> slices = new ArrayList<>(ct.series().instances());
        slices.sort(Comparator.comparingInt(InstanceRecord::instanceNumber).thenComparing(i -> i.file().toString()));
        for (InstanceRecord i : slices) {
            items.add(item(PackageItem.Role.PLANNING_IMAGE, i.file(), "planning CT"));
        }
        if (ssFile != null) {
            items.add(item(PackageItem.Role.STRUCTURE_SET, ssFile, "structure set '" + ss.label() + "'"));
        }
        items.add(item(PackageItem.Role.PLAN, planFile, "plan '" + plan.label() + "'"));
        for (WrittenDrr d : drrs) {
            items.add(item(PackageItem.Role.REFERENCE_IMAGE, d.file(), d.description()));
        }
        for (int k = 0; k < regKept.size(); k++) {
            items.add(item(PackageItem.Role.REGISTRATION, regKept.get(k),
                    "registration '" + registrations.get(k).contentLabel() + "'"));
        }
        for (Path r : records) {
            items.add(new PackageItem(PackageItem.Role.COUCH_CORRECTION_RECORD, r, "", "", "", "couch correction record",
                    Files.size(r), Hashing.sha256(r), ""));
        }
        monitor.worked(1);
        List<Vector3> isos = new ArrayList<>();
        for (Beam b : plan.beams()) {
            if (isos.stream().noneMatch(v -> v.distanceTo(b.isocenterMm()) < 1e-6)) {
                isos.add(b.isocenterMm());
            }
        }
        try {
            return new ExportPackage(patient, frame, plan.label(), planContent.sopInstanceUid(), isos, plan.patientSetups(),
                    items, notes);
        } catch (IllegalArgumentException e) {
            throw new ExportRefusedException(e.getMessage());
        }
    }

    private static PackageItem item(PackageItem.Role role, Path file, String description) throws IOException,
            ExportRefusedException {
        try {
            DicomContentDigest.Content c = DicomContentDigest.of(file);
            if (c.sopInstanceUid().isEmpty() || c.sopClassUid().isEmpty()) {
                throw new ExportRefusedException(file + " has no SOP Class or Instance UID");
            }
            return new PackageItem(role, file, c.sopClassUid(), c.sopInstanceUid(), c.modality(), description,
                    Files.size(file), Hashing.sha256(file), c.datasetSha256());
        } catch (DicomReadException e) {
            throw new ExportRefusedException(e.getMessage());
        }
    }

    /**
     * Renders one DRR per beam, judges each ({@link DrrQuality}) and only then writes them, each with its own display
     * window: a DRR that fails refuses the package before any file is written, unless the request accepts poor DRRs,
     * in which case it is written with a warning in the notes, in its item description and in its RT Image Description.
     */
    private List<WrittenDrr> writeDrrs(PackageRequest request, RtPlan plan, Path planFile, String planUid, Scanned ct,
            List<String> notes, ProgressMonitor monitor) throws IOException, ExportRefusedException {
        ImageVolume volume;
        try {
            volume = new ImageSeriesReader().read(ct.series().instances().stream().map(InstanceRecord::file).toList(),
                    ProgressMonitor.NONE);
        } catch (DicomReadException e) {
            throw new ExportRefusedException("cannot read the planning CT for the DRRs: " + e.getMessage());
        }
        DrrRenderer renderer = new DrrRenderer();
        List<RtImage> images = new ArrayList<>();
        List<DrrQuality> qualities = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (Beam b : plan.beams()) {
            monitor.checkCancelled();
            monitor.subTask("DRR of beam " + b.number() + " '" + b.name() + "'");
            PatientSetup setup = plan.patientSetups().stream().filter(s -> s.number() == b.referencedPatientSetupNumber())
                    .findFirst().orElseThrow();
            RtImage image;
            try {
                image = renderer.render(volume, b, setup.position(), request.drr(), planUid, ProgressMonitor.NONE);
            } catch (IllegalArgumentException e) {
                throw new ExportRefusedException("beam " + b.number() + " '" + b.name() + "': " + e.getMessage());
            }
            DrrQuality q = DrrQuality.of(image, volume, request.drr());
            if (q.problem().isPresent()) {
                String what = "DRR of plan '" + plan.label() + "' (" + planFile.getFileName() + ") beam " + b.number() + " '"
                        + b.name() + "'";
                if (request.acceptPoorDrrs()) {
                    String warning = ExportPackage.WARNING + what + " exported although unfit as a reference image: "
                            + q.problem().get();
                    notes.add(warning);
                    image = withDescription(image, warning + ". " + image.description());
                } else {
                    problems.add(what + " refused: " + q.problem().get());
                }
            }
            images.add(image);
            qualities.add(q);
            descriptions.add("DRR of beam " + b.number() + (q.acceptable() ? ""
                    : " (WARNING: unfit as a reference image, exported on request)"));
        }
        if (!problems.isEmpty()) {
            throw new ExportRefusedException(problems);
        }
        Path folder = Files.createDirectories(request.drrFolder().toAbsolutePath().normalize());
        LocalDateTime now = LocalDateTime.now();
        SeriesAttributes attributes = new SeriesAttributes(now.format(DateTimeFormatter.BASIC_ISO_DATE),
                now.format(DateTimeFormatter.ofPattern("HHmmss")), "", "Reference images", 90, "Isocenter");
        String seriesUid = DicomUids.random();
        List<WrittenDrr> out = new ArrayList<>();
        for (int n = 0; n < images.size(); n++) {
            RtImage image = images.get(n);
            DrrQuality q = qualities.get(n);
            Path file = folder.resolve(String.format("RTIMAGE_DRR_beam%02d_%s.dcm", image.referencedBeamNumber(),
                    seriesUid.substring(seriesUid.length() - 8)));
            try {
                new RtImageWriter().write(image, volume.info().studyInstanceUid(), attributes, "DRRs of plan " + plan.label(),
                        file, seriesUid, DicomUids.random(), new RtImageWriter.VoiWindow(q.windowCenter(), q.windowWidth(),
                                q.tissueFraction() > 0 ? "1st-99th percentile of tissue pixels" : "all pixels"));
            } catch (DicomWriteException e) {
                throw new IOException(e.getMessage(), e);
            }
            out.add(new WrittenDrr(file, descriptions.get(n)));
        }
        return out;
    }

    /** A DRR file written for the package and its item description. */
    private record WrittenDrr(Path file, String description) {
    }

    private static RtImage withDescription(RtImage i, String description) {
        String d = description.length() > 1024 ? description.substring(0, 1024) : description; // RT Image Description is ST
        return new RtImage(i.patient(), i.frameOfReferenceUid(), i.label(), d, i.conversionType(), i.rows(), i.columns(),
                i.pixels(), i.pixelSpacingMm(), i.imagePositionMm(), i.sourceToImageDistanceMm(), i.sourceAxisDistanceMm(),
                i.gantryDeg(), i.collimatorDeg(), i.couchDeg(), i.isocenterMm(), i.patientPosition(), i.referencedPlanUid(),
                i.referencedBeamNumber());
    }

    /** A scanned series with the patient it was filed under. */
    private record Scanned(SeriesRecord series, PatientIdentity patient) {
    }

    private static List<SeriesRecord> series(List<Scanned> scanned) {
        return scanned.stream().map(Scanned::series).toList();
    }

    private static List<Scanned> scan(Path folder) throws IOException {
        DicomIndex index = new DicomFolderScanner().scan(folder, ProgressMonitor.NONE);
        List<Scanned> out = new ArrayList<>();
        for (PatientRecord p : index.patients()) {
            p.studies().forEach(st -> st.series().forEach(s -> out.add(new Scanned(s, p.identity()))));
        }
        return out;
    }

    private static void check(List<String> refusals, String what, PatientIdentity planPatient, PatientIdentity other,
            String planFrame, String otherFrame) {
        List<String> d = planPatient.differencesFrom(other);
        if (!d.isEmpty()) {
            refusals.add(what + " belongs to another patient than the plan (" + String.join(", ", d) + ")");
        }
        if (!planFrame.equals(otherFrame)) {
            refusals.add(what + " is in Frame of Reference " + (otherFrame.isEmpty() ? "(none)" : otherFrame)
                    + ", not the plan's " + planFrame);
        }
    }

    /** The record's header names a patientId column; every entry must be the plan's patient. */
    private static void checkCouchRecord(List<String> refusals, Path file, PatientIdentity patient) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            refusals.add("couch correction record " + file + " is empty");
            return;
        }
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int column = header.indexOf("patientId");
        if (column < 0) {
            refusals.add(file + " is not a couch correction record (no patientId column in its header)");
            return;
        }
        Map<String, Integer> others = new LinkedHashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            String[] c = lines.get(n).split("\t", -1);
            String id = c.length > column ? c[column] : "";
            if (!id.equals(patient.patientId())) {
                others.merge(id, n + 1, (a, b) -> a);
            }
        }
        others.forEach((id, line) -> refusals.add("couch correction record " + file + " line " + line
                + " is for Patient ID '" + id + "', not the plan's '" + patient.patientId() + "'"));
    }
}
