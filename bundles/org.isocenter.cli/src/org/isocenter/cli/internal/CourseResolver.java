/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.PatientRecord;
import org.isocenter.dicom.scan.SeriesRecord;

/**
 * The treatment course of a decision log: the one RT Plan of the log's patient found in a folder with its planning CT
 * (Series Instance UID and Frame of Reference UID, DICOM LPS), from which the course is made on first use.
 */
final class CourseResolver {

    private CourseResolver() {
    }

    /**
     * The one RT Plan of {@code patientId} found under {@code folder} with a CT series in its Frame of Reference;
     * refused when there is none or more than one.
     */
    static FractionRecorder.PlanContext findPlanFor(String patientId, Path folder, ProgressMonitor progress) throws Exception {
        DicomIndex index = new DicomFolderScanner().scan(folder, progress);
        List<FractionRecorder.PlanContext> found = new ArrayList<>();
        for (PatientRecord p : index.patients()) {
            if (!p.identity().patientId().equals(patientId)) {
                continue;
            }
            List<SeriesRecord> series = p.studies().stream().flatMap(s -> s.series().stream()).toList();
            for (SeriesRecord s : series) {
                if (!s.modality().equals("RTPLAN")) {
                    continue;
                }
                for (var instance : s.instances()) {
                    RtPlan plan = new RtPlanReader().read(instance.file());
                    String frame = plan.frameOfReferenceUid();
                    series.stream().filter(ct -> ct.modality().equals("CT") && ct.frameOfReferenceUid().equals(frame))
                            .findFirst().ifPresent(ct -> found.add(new FractionRecorder.PlanContext(p.identity(), instance.sopInstanceUid(),
                                    plan, ct.seriesInstanceUid(), frame)));
                }
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.isEmpty()
                    ? "no RT Plan of patient '" + patientId + "' with its planning CT under " + folder
                            + ": give the planning folder with --planning"
                    : found.size() + " RT Plans of patient '" + patientId + "' under " + folder
                            + ": give the plan's folder with --planning");
        }
        return found.get(0);
    }
}
