/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.plan.PatientSetup;

/**
 * What goes to the treatment machine for one plan, checked by {@link PackageBuilder}: one patient, one Frame of
 * Reference (the plan's; registrations map their daily frames into it), the plan's label and SOP Instance UID, its
 * isocenters (patient LPS mm of that frame) and patient setups (IEC 61217 table-top setup displacements, mm), and
 * the files in sending order, referenced objects before those that reference them (CT, structure set, plan, reference
 * images, registrations, couch correction record).
 * {@code notes} says what was found where or left out; those starting with {@link #WARNING} flag what was exported
 * only because the request asked for it explicitly (a DRR unfit as reference image, {@link DrrQuality}).
 */
public record ExportPackage(PatientIdentity patient, String frameOfReferenceUid, String planLabel, String planSopInstanceUid,
        List<Vector3> isocentersMm, List<PatientSetup> patientSetups, List<PackageItem> items, List<String> notes) {

    /** The start of a note that flags something exported on explicit request despite a failed check. */
    public static final String WARNING = "WARNING: ";

    public ExportPackage {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(frameOfReferenceUid, "frameOfReferenceUid");
        planLabel = Objects.requireNonNullElse(planLabel, "");
        Objects.requireNonNull(planSopInstanceUid, "planSopInstanceUid");
        isocentersMm = List.copyOf(isocentersMm);
        patientSetups = List.copyOf(patientSetups);
        items = List.copyOf(items);
        notes = List.copyOf(notes);
        Set<String> uids = new LinkedHashSet<>();
        for (PackageItem i : items) {
            if (i.isDicom() && !uids.add(i.sopInstanceUid())) {
                throw new IllegalArgumentException("SOP Instance UID " + i.sopInstanceUid() + " appears twice in the package ("
                        + i.file() + ")");
            }
        }
    }

    /** The notes that are warnings ({@link #WARNING}). */
    public List<String> warnings() {
        return notes.stream().filter(n -> n.startsWith(WARNING)).toList();
    }

    /** The DICOM objects, in sending order. */
    public List<PackageItem> dicomItems() {
        return items.stream().filter(PackageItem::isDicom).toList();
    }

    /** The SOP classes of the DICOM objects: what an association must negotiate, and no more. */
    public Set<String> sopClassUids() {
        Set<String> s = new LinkedHashSet<>();
        dicomItems().forEach(i -> s.add(i.sopClassUid()));
        return s;
    }

    /** The items of a role. */
    public List<PackageItem> items(PackageItem.Role role) {
        return items.stream().filter(i -> i.role() == role).toList();
    }

    /** The same package holding only {@code keep} (in package order), e.g. the files a retry must still deliver. */
    public ExportPackage subset(Collection<PackageItem> keep) {
        return new ExportPackage(patient, frameOfReferenceUid, planLabel, planSopInstanceUid, isocentersMm, patientSetups,
                items.stream().filter(keep::contains).toList(), notes);
    }

    /** Total size of the files in bytes. */
    public long sizeBytes() {
        return items.stream().mapToLong(PackageItem::sizeBytes).sum();
    }
}
