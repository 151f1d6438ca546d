/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.viewer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.core.session.SessionRefusedException;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.RtDoseReader;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.dicom.io.SpatialRegistrationReader;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.igrt.AcceptedRegistration;
import org.isocenter.ui.internal.LoadedPatient;
import org.isocenter.session.PlanContext;
import org.isocenter.session.PlanObjects;
import org.isocenter.session.PlanResolver;
import org.isocenter.session.WorkingSessions;

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
     * Loads a primary image series and what belongs to it as {@link PlanResolver} finds it among the patient's
     * imported series: the RT Structure Set {@code structureSet} when given (one that references the series), else
     * the one chosen (among several that nothing tells apart: the first, with a warning), the plan and the dose;
     * every Spatial Registration of the patient is loaded too. The result becomes the working session's plan context.
     */
    public static ViewerContent loadPrimary(SeriesRecord series, SeriesRecord structureSet, ProgressMonitor monitor)
            throws DicomReadException, SessionRefusedException {
        List<String> warnings = new ArrayList<>();
        ImagePrefetch.Prefetched prefetched = LoadedPatient.image(series.seriesInstanceUid()).isPresent()
                ? ImagePrefetch.Prefetched.NONE : ImagePrefetch.take(series).orElse(ImagePrefetch.Prefetched.NONE);
        ImageVolume image = image(series, prefetched, monitor, warnings);
        String frame = image.frameOfReferenceUid();
        List<SeriesRecord> patientSeries = WorkingSessions.current().patientSeries(series.seriesInstanceUid());
        PlanObjects found = PlanResolver.resolve(patientSeries, series.seriesInstanceUid(), frame,
                structureSet == null ? null : structureSet.seriesInstanceUid());
        StructureSet structures = null;
        Path structureFile = null;
        Optional<PlanObjects.Found> set = firstOf(found.structureSet(), Messages.ViewerLoader_structureSets, warnings);
        if (structureSet == null && found.structureSet().chosen().isPresent() && found.structureSet().candidates().size() > 1) {
            warnings.add(NLS.bind(found.structureSet().how().contains("plan references")
                    ? Messages.ViewerLoader_severalStructureSetsPlans : Messages.ViewerLoader_severalStructureSets,
                    found.structureSet().candidates().size(), set.get().instance().file().getFileName()));
        }
        if (set.isPresent()) {
            Path file = set.get().instance().file();
            StructureSet ss = prefetched.object(file, StructureSet.class, new StructureSetReader()::read);
            if (ss.frameOfReferenceUid().equals(frame) && ss.patient().isSamePatient(image.patient())) {
                structures = ss;
                structureFile = file;
                warnings.addAll(LoadedPatient.session().addStructureSet(ss));
            } else {
                warnings.add(NLS.bind(Messages.ViewerLoader_structureSetNotShown, ss.label()));
            }
        }
        RtPlan plan = null;
        String planUid = null;
        DoseGrid dose = null;
        try {
            Optional<PlanObjects.Found> p = firstOf(found.plan(), Messages.ViewerLoader_plans, warnings);
            if (p.isPresent()) {
                plan = prefetched.object(p.get().instance().file(), RtPlan.class, new RtPlanReader()::read);
                planUid = p.get().sopInstanceUid();
                warnings.addAll(LoadedPatient.session().addPlan(plan));
            }
        } catch (DicomReadException e) {
            warnings.add(NLS.bind(Messages.ViewerLoader_planNotShown, e.getMessage()));
        }
        try {
            Optional<PlanObjects.Found> d = firstOf(found.dose(), Messages.ViewerLoader_doses, warnings);
            if (d.isPresent()) {
                dose = prefetched.object(d.get().instance().file(), DoseGrid.class, new RtDoseReader()::read);
                warnings.addAll(LoadedPatient.session().addDose(dose));
            }
        } catch (DicomReadException e) {
            warnings.add(NLS.bind(Messages.ViewerLoader_doseNotShown, e.getMessage()));
        }
        for (PlanObjects.Found r : found.registrations()) {
            try {
                SpatialRegistration reg = new SpatialRegistrationReader().read(r.instance().file());
                if (LoadedPatient.session().registrations().stream().noneMatch(x -> x.equals(reg))) {
                    warnings.addAll(LoadedPatient.session().addRegistration(reg));
                }
            } catch (DicomReadException e) {
                warnings.add(NLS.bind(Messages.ViewerLoader_registrationNotUsed, r.series().description(), e.getMessage()));
            }
        }
        List<SeriesRecord> secondaries = patientSeries.stream()
                .filter(s -> s.isImageSeries() && !s.seriesInstanceUid().equals(series.seriesInstanceUid())).toList();
        WorkingSessions.current().setPlanContext(new PlanContext(image, structures, structureFile, plan, planUid, dose));
        return new ViewerContent(image, structures, structureFile, plan, dose, secondaries, warnings);
    }

    /**
     * The chosen object; among several that nothing tells apart the first, with a warning that names it ({@code what}:
     * the objects' kind in the plural).
     */
    private static Optional<PlanObjects.Found> firstOf(PlanObjects.Choice choice, String what, List<String> warnings) {
        if (choice.ambiguous()) {
            PlanObjects.Found first = choice.candidates().get(0);
            warnings.add(NLS.bind(Messages.ViewerLoader_ambiguous, new Object[] { choice.candidates().size(), what,
                    first.instance().file().getFileName() }));
            return Optional.of(first);
        }
        return choice.chosen();
    }

    /** Loads (or reuses) a secondary image series. */
    public static ImageVolume loadSecondary(SeriesRecord series, ProgressMonitor monitor, List<String> warnings)
            throws DicomReadException, SessionRefusedException {
        return image(series, ImagePrefetch.Prefetched.NONE, monitor, warnings);
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

    private static ImageVolume image(SeriesRecord series, ImagePrefetch.Prefetched prefetched, ProgressMonitor monitor,
            List<String> warnings) throws DicomReadException, SessionRefusedException {
        Optional<ImageVolume> loaded = LoadedPatient.image(series.seriesInstanceUid());
        if (loaded.isPresent()) {
            return loaded.get();
        }
        Optional<ImageVolume> decoded = prefetched.image();
        ImageVolume v = decoded.isPresent() ? decoded.get() : ImagePrefetch.decode(series, monitor);
        warnings.addAll(LoadedPatient.session().addImage(v)); // refuses another patient
        return v;
    }
}
