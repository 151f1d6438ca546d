package org.isocenter.ui.internal.viewer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.core.session.SessionRefusedException;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.RtDoseReader;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.dicom.io.SpatialRegistrationReader;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.PatientRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.igrt.AcceptedRegistration;
import org.isocenter.ui.internal.LoadedPatient;
import org.isocenter.ui.internal.PatientSession;

/**
 * Loads what the viewer shows from the imported indexes into the working session (refusing another patient):
 * the primary series with its structure set, plan and dose (same Frame of Reference), and secondary images with
 * the transform that links them to the primary (from a loaded Spatial Registration, else identity, flagged).
 * Runs in a job, never on the UI thread.
 */
public final class ViewerLoader {

    private ViewerLoader() {
    }

    /** Loads a primary image series and what belongs to it. */
    public static ViewerContent loadPrimary(SeriesRecord series, ProgressMonitor monitor)
            throws DicomReadException, SessionRefusedException {
        return loadPrimary(series, null, monitor);
    }

    /**
     * Loads a primary image series and what belongs to it, with the RT Structure Set {@code structureSet} when given
     * (one that references the series), else the one {@link #chooseStructureSet chosen} among those that do.
     */
    public static ViewerContent loadPrimary(SeriesRecord series, SeriesRecord structureSet, ProgressMonitor monitor)
            throws DicomReadException, SessionRefusedException {
        List<String> warnings = new ArrayList<>();
        ImageVolume image = image(series, monitor, warnings);
        String frame = image.frameOfReferenceUid();
        StructureSet structures = null;
        Path structureFile = null;
        List<SeriesRecord> patientSeries = samePatientSeries(series);
        List<SeriesRecord> sets = PatientSession.get().structureSetsFor(series);
        SeriesRecord chosen = chooseStructureSet(sets, structureSet, patientSeries, warnings);
        if (chosen != null) {
            Path file = chosen.instances().get(0).file();
            StructureSet ss = new StructureSetReader().read(file);
            if (ss.frameOfReferenceUid().equals(frame) && ss.patient().isSamePatient(image.patient())) {
                structures = ss;
                structureFile = file;
                warnings.addAll(LoadedPatient.session().addStructureSet(ss));
            } else {
                warnings.add("structure set '" + ss.label() + "' not shown: its patient or Frame of Reference differs");
            }
        }
        RtPlan plan = null;
        DoseGrid dose = null;
        for (SeriesRecord s : patientSeries) {
            try {
                if (plan == null && s.modality().equals("RTPLAN") && frame.equals(s.frameOfReferenceUid())) {
                    plan = new RtPlanReader().read(firstFile(s));
                    warnings.addAll(LoadedPatient.session().addPlan(plan));
                } else if (dose == null && s.modality().equals("RTDOSE") && frame.equals(s.frameOfReferenceUid())) {
                    dose = new RtDoseReader().read(firstFile(s));
                    warnings.addAll(LoadedPatient.session().addDose(dose));
                } else if (s.modality().equals("REG")) {
                    SpatialRegistration reg = new SpatialRegistrationReader().read(firstFile(s));
                    if (LoadedPatient.session().registrations().stream().noneMatch(r -> r.equals(reg))) {
                        warnings.addAll(LoadedPatient.session().addRegistration(reg));
                    }
                }
            } catch (DicomReadException e) {
                warnings.add(s.modality() + " '" + s.description() + "' not shown: " + e.getMessage());
            }
        }
        List<SeriesRecord> secondaries = patientSeries.stream()
                .filter(s -> s.isImageSeries() && !s.seriesInstanceUid().equals(series.seriesInstanceUid())).toList();
        return new ViewerContent(image, structures, structureFile, plan, dose, secondaries, warnings);
    }

    /** Loads (or reuses) a secondary image series. */
    public static ImageVolume loadSecondary(SeriesRecord series, ProgressMonitor monitor, List<String> warnings)
            throws DicomReadException, SessionRefusedException {
        return image(series, monitor, warnings);
    }

    /**
     * The transform from the primary's frame to the secondary's: identity when they share a Frame of Reference,
     * else from a loaded Spatial Registration, read by {@link AcceptedRegistration#planningToDaily} (either
     * direction); empty when nothing links them.
     */
    public static Optional<RigidTransform> registeredTransform(ImageVolume primary, ImageVolume secondary) {
        String from = primary.frameOfReferenceUid(), to = secondary.frameOfReferenceUid();
        if (from.equals(to)) {
            return Optional.of(RigidTransform.identity(from, to));
        }
        for (SpatialRegistration reg : LoadedPatient.session().registrations()) {
            Optional<RigidTransform> t = AcceptedRegistration.planningToDaily(reg, from, to);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    private static ImageVolume image(SeriesRecord series, ProgressMonitor monitor, List<String> warnings)
            throws DicomReadException, SessionRefusedException {
        Optional<ImageVolume> loaded = LoadedPatient.image(series.seriesInstanceUid());
        if (loaded.isPresent()) {
            return loaded.get();
        }
        List<Path> files = series.instances().stream().map(InstanceRecord::file).toList();
        ImageVolume v = new ImageSeriesReader().read(files, monitor);
        warnings.addAll(LoadedPatient.session().addImage(v)); // refuses another patient
        return v;
    }

    /**
     * The RT Structure Set to show among those that reference an image series: the one asked for; else the only
     * one; else the one an RT Plan of the patient references (the plan's structures); else the first. With several,
     * a warning names the one shown and how to show another.
     */
    static SeriesRecord chooseStructureSet(List<SeriesRecord> sets, SeriesRecord asked, List<SeriesRecord> patientSeries,
            List<String> warnings) {
        if (asked != null && sets.stream().anyMatch(s -> s.seriesInstanceUid().equals(asked.seriesInstanceUid()))) {
            return asked;
        }
        if (sets.size() <= 1) {
            return sets.isEmpty() ? null : sets.get(0);
        }
        List<String> planned = patientSeries.stream().filter(s -> s.modality().equals("RTPLAN"))
                .flatMap(s -> s.referencedInstanceUids().stream()).toList();
        Optional<SeriesRecord> plans = sets.stream()
                .filter(s -> s.instances().stream().anyMatch(i -> planned.contains(i.sopInstanceUid()))).findFirst();
        SeriesRecord chosen = plans.orElse(sets.get(0));
        warnings.add(sets.size() + " RT Structure Sets reference this image series; showing "
                + chosen.instances().get(0).file().getFileName() + (plans.isPresent() ? " (the plan's)" : "")
                + ": select another RT Structure Set in the Patient Browser to show it instead");
        return chosen;
    }

    private static Path firstFile(SeriesRecord s) {
        return s.instances().get(0).file();
    }

    /** All series of the patient record that holds {@code series}. */
    private static List<SeriesRecord> samePatientSeries(SeriesRecord series) {
        for (DicomIndex index : PatientSession.get().indexes()) {
            for (PatientRecord p : index.patients()) {
                List<SeriesRecord> all = p.studies().stream().flatMap(st -> st.series().stream()).toList();
                if (all.stream().anyMatch(s -> s.seriesInstanceUid().equals(series.seriesInstanceUid()))) {
                    return all;
                }
            }
        }
        return List.of();
    }
}
