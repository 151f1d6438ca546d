package org.isocenter.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.PatientRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.Patient;
import org.isocenter.igrt.Plan;
import org.isocenter.igrt.Prescription;
import org.isocenter.igrt.RecordStore;

/**
 * Finds or creates the treatment course of a plan in the record store: the patient, the RT Plan (SOP Instance UID,
 * label), the reference planning CT (Series Instance UID and Frame of Reference UID, DICOM LPS) and the prescription
 * (Gy, fractions) read from the plan.
 */
final class CourseResolver {

    /** What a course is made of, read from a plan and its planning CT. */
    record PlanContext(PatientIdentity patient, String planSopInstanceUid, RtPlan plan, String referenceSeriesUid,
            String referenceFrameOfReferenceUid) {
    }

    private CourseResolver() {
    }

    /** The plan's course, created on first use. */
    static Course create(RecordStore store, PlanContext p) throws Exception {
        var existing = store.courseForPlan(p.planSopInstanceUid());
        if (existing.isPresent()) {
            return existing.get();
        }
        return store.createCourse(Course.draft(new Patient(p.patient().patientId(), p.patient().patientName()),
                new Plan(p.planSopInstanceUid(), p.plan().label()), p.referenceSeriesUid(), p.referenceFrameOfReferenceUid(),
                prescription(p.plan(), p.planSopInstanceUid())));
    }

    /** The target prescription dose (Gy) and the planned fractions of the plan's first fraction group. */
    static Prescription prescription(RtPlan plan, String uid) {
        double dose = plan.prescriptions().stream().filter(r -> r.doseReferenceType().equals("TARGET"))
                .mapToDouble(r -> r.targetPrescriptionDoseGy()).filter(d -> d > 0).findFirst().orElse(Double.NaN);
        if (!(dose > 0)) {
            throw new IllegalArgumentException("the RT Plan " + uid + " states no target prescription dose: a course "
                    + "cannot be recorded without one");
        }
        if (plan.fractionGroups().isEmpty() || plan.fractionGroups().get(0).fractionsPlanned() < 1) {
            throw new IllegalArgumentException("the RT Plan " + uid + " states no number of planned fractions");
        }
        return new Prescription(dose, plan.fractionGroups().get(0).fractionsPlanned());
    }

    /**
     * The one RT Plan of {@code patientId} found under {@code folder} with a CT series in its Frame of Reference;
     * refused when there is none or more than one.
     */
    static PlanContext findPlanFor(String patientId, Path folder, ProgressMonitor progress) throws Exception {
        DicomIndex index = new DicomFolderScanner().scan(folder, progress);
        List<PlanContext> found = new ArrayList<>();
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
                            .findFirst().ifPresent(ct -> found.add(new PlanContext(p.identity(), instance.sopInstanceUid(),
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
