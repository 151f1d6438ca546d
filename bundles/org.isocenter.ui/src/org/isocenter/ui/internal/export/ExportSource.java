/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.PatientRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.export.PackageRequest;
import org.isocenter.ui.internal.LoadedPatient;
import org.isocenter.ui.internal.PatientSession;

/**
 * A plan the workbench can export: the RT Plan file and the folders searched for what it references (the imported
 * folder that holds it). {@link #fromSession()} lists the RT Plans of the loaded patient in the Frame of Reference of
 * a loaded plan, as the Patient Browser's index knows them; the package itself (structure set, planning CT, IGRT
 * objects, refusals) is {@code org.isocenter.export.PackageBuilder}'s business.
 */
public record ExportSource(Path planFile, String label, List<Path> searchFolders) {

    public ExportSource {
        Objects.requireNonNull(planFile, "planFile");
        label = Objects.requireNonNullElse(label, planFile.getFileName().toString());
        searchFolders = List.copyOf(searchFolders);
    }

    /** The RT Plans of the loaded patient that lie in a loaded plan's Frame of Reference; empty when none is loaded. */
    public static List<ExportSource> fromSession() {
        List<RtPlan> plans = LoadedPatient.session().plans();
        PatientIdentity patient = LoadedPatient.session().patient();
        if (plans.isEmpty() || patient == null) {
            return List.of();
        }
        Set<String> frames = new LinkedHashSet<>();
        plans.forEach(p -> frames.add(p.frameOfReferenceUid()));
        List<ExportSource> out = new ArrayList<>();
        for (DicomIndex index : PatientSession.get().indexes()) {
            for (PatientRecord p : index.patients()) {
                if (!p.identity().isSamePatient(patient)) {
                    continue;
                }
                for (SeriesRecord s : p.studies().stream().flatMap(st -> st.series().stream()).toList()) {
                    if (!s.modality().equals("RTPLAN") || !frames.contains(s.frameOfReferenceUid())) {
                        continue;
                    }
                    for (InstanceRecord i : s.instances()) {
                        String name = s.description().isBlank() ? Messages.ExportSource_defaultPlanName : s.description();
                        String label = s.summary().isBlank()
                                ? NLS.bind(Messages.ExportSource_label, name, i.file().getFileName())
                                : NLS.bind(Messages.ExportSource_labelWithSummary, new Object[] { name, i.file().getFileName(),
                                        s.summary() });
                        if (out.stream().noneMatch(e -> e.planFile().equals(i.file()))) {
                            out.add(new ExportSource(i.file(), label, List.of(index.root())));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The package request for this plan: references and, with {@code findIgrt}, IGRT objects searched in the folders. */
    public PackageRequest request(boolean findIgrt) {
        return PackageRequest.forPlan(planFile).withSearchFolders(searchFolders).withIgrt(List.of(), List.of(), findIgrt);
    }
}
