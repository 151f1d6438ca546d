/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.core.structure.StructureSet;

/**
 * What one working session has loaded for one patient: image volumes, structure sets, plans, dose grids and
 * registrations. The first object fixes the patient; an object of another patient (different ID or name, or
 * a different birth date when both state one) is refused with a message naming both. Objects whose Frame of
 * Reference matches no loaded image series, and no registration links it to one, are accepted but flagged:
 * the returned warnings must be shown to the user. Thread-safe for readers; adds are synchronized.
 */
public final class PatientSession {

    private PatientIdentity patient;
    private final List<ImageVolume> images = new CopyOnWriteArrayList<>();
    private final List<StructureSet> structureSets = new CopyOnWriteArrayList<>();
    private final List<RtPlan> plans = new CopyOnWriteArrayList<>();
    private final List<DoseGrid> doses = new CopyOnWriteArrayList<>();
    private final List<SpatialRegistration> registrations = new CopyOnWriteArrayList<>();

    /** The session's patient, or null while nothing is loaded. */
    public synchronized PatientIdentity patient() {
        return patient;
    }

    public synchronized List<String> addImage(ImageVolume volume) throws SessionRefusedException {
        admit(volume.info().patient(), "image series '" + volume.info().seriesDescription() + "'");
        for (ImageVolume v : images) {
            if (v.info().seriesInstanceUid().equals(volume.info().seriesInstanceUid())) {
                throw new SessionRefusedException("image series " + volume.info().seriesInstanceUid() + " is already loaded");
            }
        }
        images.add(volume);
        return List.of();
    }

    public synchronized List<String> addStructureSet(StructureSet structures) throws SessionRefusedException {
        admit(structures.patient(), "structure set '" + structures.label() + "'");
        List<String> warnings = new ArrayList<>();
        ImageVolume referenced = images.stream()
                .filter(v -> v.info().seriesInstanceUid().equals(structures.referencedSeriesInstanceUid())).findFirst()
                .orElse(null);
        if (referenced != null && !referenced.info().frameOfReferenceUid().equals(structures.frameOfReferenceUid())) {
            warnings.add("structure set '" + structures.label() + "' is in Frame of Reference "
                    + structures.frameOfReferenceUid() + " but its image series is in "
                    + referenced.info().frameOfReferenceUid());
        } else {
            frameWarning("structure set '" + structures.label() + "'", structures.frameOfReferenceUid(), warnings);
        }
        structureSets.add(structures);
        return warnings;
    }

    public synchronized List<String> addPlan(RtPlan plan) throws SessionRefusedException {
        admit(plan.patient(), "plan '" + plan.label() + "'");
        List<String> warnings = new ArrayList<>();
        frameWarning("plan '" + plan.label() + "'", plan.frameOfReferenceUid(), warnings);
        plans.add(plan);
        return warnings;
    }

    public synchronized List<String> addDose(DoseGrid dose) throws SessionRefusedException {
        admit(dose.patient(), "dose grid");
        List<String> warnings = new ArrayList<>();
        frameWarning("dose grid", dose.frameOfReferenceUid(), warnings);
        doses.add(dose);
        return warnings;
    }

    public synchronized List<String> addRegistration(SpatialRegistration registration) throws SessionRefusedException {
        admit(registration.patient(), "registration '" + registration.contentLabel() + "'");
        registrations.add(registration);
        return List.of();
    }

    /** Frames of Reference of the loaded image series, and those a loaded registration links to them. */
    public synchronized Set<String> knownFrames() {
        Set<String> frames = new LinkedHashSet<>();
        images.forEach(v -> frames.add(v.info().frameOfReferenceUid()));
        for (SpatialRegistration r : registrations) {
            boolean linked = frames.contains(r.frameOfReferenceUid())
                    || r.transforms().stream().anyMatch(t -> frames.contains(t.fromFrameUid()));
            if (linked) {
                frames.add(r.frameOfReferenceUid());
                r.transforms().stream().map(RigidTransform::fromFrameUid).forEach(frames::add);
            }
        }
        return frames;
    }

    private void frameWarning(String what, String frameUid, List<String> warnings) {
        if (images.isEmpty()) {
            return;
        }
        if (frameUid.isEmpty()) {
            warnings.add(what + " states no Frame of Reference: it cannot be placed on the images");
        } else if (!knownFrames().contains(frameUid)) {
            warnings.add(what + " is in Frame of Reference " + frameUid
                    + ", which matches no loaded image series and no registration links to one");
        }
    }

    private void admit(PatientIdentity candidate, String what) throws SessionRefusedException {
        if (patient == null) {
            patient = candidate;
            return;
        }
        List<String> diffs = patient.differencesFrom(candidate);
        if (!diffs.isEmpty()) {
            throw new SessionRefusedException("refused to load " + what + " of " + candidate.displayLabel()
                    + " into the session of " + patient.displayLabel() + ": " + String.join(", ", diffs));
        }
    }

    public List<ImageVolume> images() {
        return List.copyOf(images);
    }

    public List<StructureSet> structureSets() {
        return List.copyOf(structureSets);
    }

    public List<RtPlan> plans() {
        return List.copyOf(plans);
    }

    public List<DoseGrid> doses() {
        return List.copyOf(doses);
    }

    public List<SpatialRegistration> registrations() {
        return List.copyOf(registrations);
    }

    /** Unloads everything; the next object fixes the patient again. */
    public synchronized void clear() {
        patient = null;
        images.clear();
        structureSets.clear();
        plans.clear();
        doses.clear();
        registrations.clear();
    }
}
