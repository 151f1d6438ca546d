package org.isocenter.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.SpatialRegistrationWriter;
import org.isocenter.export.AuditEntry;
import org.isocenter.export.AuditLog;
import org.isocenter.export.ExportPackage;
import org.isocenter.export.ExportRefusedException;
import org.isocenter.export.LinacExport;
import org.isocenter.export.PackageBuilder;
import org.isocenter.export.PackageRequest;
import org.isocenter.margin.FractionLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What must never reach a treatment machine is refused with a reason naming the piece: a structure set of another
 * patient, a plan whose Frame of Reference differs from its structure set's and CT's, a plan without isocenter, a
 * registration that does not involve the plan's frame, a couch correction record of another patient. The files are
 * the demo patient's, altered by pydicom (an independent writer). The untouched demo builds.
 */
class ExportRefusalTest {

    @TempDir
    static Path tmp;
    static Path demo;

    @BeforeAll
    static void demoPatient() throws Exception {
        demo = tmp.resolve("demo");
        DemoPatient.generate(demo, ProgressMonitor.NONE);
    }

    /** A copy of the demo patient's planning files (plan, structure set, CT) in a new folder. */
    static Path copy(String name) throws Exception {
        Path to = tmp.resolve(name);
        Files.createDirectories(to.resolve(DemoPatient.CT_FOLDER));
        for (String f : List.of(DemoPatient.RTPLAN_FILE, DemoPatient.RTSTRUCT_FILE)) {
            Files.copy(demo.resolve(f), to.resolve(f));
        }
        try (Stream<Path> s = Files.list(demo.resolve(DemoPatient.CT_FOLDER))) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(DemoPatient.CT_FOLDER).resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }

    static ExportRefusedException refusal(PackageRequest request) {
        return assertThrows(ExportRefusedException.class, () -> new PackageBuilder().build(request, ProgressMonitor.NONE));
    }

    @Test
    void theUntouchedDemoBuilds() throws Exception {
        ExportPackage p = new PackageBuilder().build(PackageRequest.forPlan(copy("ok").resolve(DemoPatient.RTPLAN_FILE)),
                ProgressMonitor.NONE);
        assertEquals(DemoPatient.PLANNING_GRID.sizeZ() + 2, p.items().size());
    }

    @Test
    void structureSetOfAnotherPatientIsRefused() throws Exception {
        Path d = copy("other-patient");
        Tools.python("""
                import sys, pydicom
                ds = pydicom.dcmread(sys.argv[1]); ds.PatientID = 'OTHER-002'; ds.save_as(sys.argv[1])
                """, d.resolve(DemoPatient.RTSTRUCT_FILE).toString());
        ExportRefusedException e = refusal(PackageRequest.forPlan(d.resolve(DemoPatient.RTPLAN_FILE)));
        assertTrue(e.reasons().stream().anyMatch(r -> r.contains("RTSTRUCT") && r.contains("another patient")
                && r.contains("Patient ID 'ISO-DEMO-001' vs 'OTHER-002'")), e.reasons().toString());

        // the refusal is audited
        AuditLog audit = new AuditLog(tmp.resolve("audit-refused"));
        LinacExport.refused(d.resolve(DemoPatient.RTPLAN_FILE), e, "dicom", "DICOM RV@host:104", audit, "tester");
        List<AuditEntry> entries = audit.read();
        assertEquals(1, entries.size());
        assertEquals("REFUSED", entries.get(0).result());
        assertTrue(entries.get(0).detail().contains("OTHER-002"));
    }

    @Test
    void planInAnotherFrameOfReferenceThanItsStructureSetAndCtIsRefused() throws Exception {
        Path d = copy("other-frame");
        Tools.python("""
                import sys, pydicom
                ds = pydicom.dcmread(sys.argv[1]); ds.FrameOfReferenceUID = '2.25.123456789'; ds.save_as(sys.argv[1])
                """, d.resolve(DemoPatient.RTPLAN_FILE).toString());
        ExportRefusedException e = refusal(PackageRequest.forPlan(d.resolve(DemoPatient.RTPLAN_FILE)));
        assertTrue(e.reasons().stream().anyMatch(r -> r.startsWith("RTSTRUCT") && r.contains("Frame of Reference")
                && r.contains("2.25.123456789")), e.reasons().toString());
        assertTrue(e.reasons().stream().anyMatch(r -> r.startsWith("planning CT") && r.contains("Frame of Reference")),
                e.reasons().toString());
    }

    @Test
    void planWithoutIsocenterIsRefused() throws Exception {
        Path d = copy("no-iso");
        Tools.python("""
                import sys, pydicom
                ds = pydicom.dcmread(sys.argv[1])
                for b in ds.BeamSequence:
                    for cp in b.ControlPointSequence:
                        if 'IsocenterPosition' in cp:
                            del cp.IsocenterPosition
                ds.save_as(sys.argv[1])
                """, d.resolve(DemoPatient.RTPLAN_FILE).toString());
        ExportRefusedException e = refusal(PackageRequest.forPlan(d.resolve(DemoPatient.RTPLAN_FILE)));
        assertEquals(1, e.reasons().size());
        assertTrue(e.reasons().get(0).contains("Isocenter Position") && e.reasons().get(0).contains("without isocenter"),
                e.reasons().get(0));
    }

    @Test
    void registrationNotInvolvingThePlanFrameAndCouchRecordOfAnotherPatientAreRefused() throws Exception {
        Path d = copy("igrt");
        String fx2 = DemoPatient.dailyFrameUid(2), fx3 = DemoPatient.dailyFrameUid(3);
        Path reg = d.resolve("REG_fx2_fx3.dcm");
        new SpatialRegistrationWriter().write(new SpatialRegistration(DemoPatient.PATIENT, fx3, "DAILY TO DAILY", "",
                List.of(RigidTransform.identity(fx2, fx3))), DemoPatient.dailyStudyUid(3), List.of(),
                new SeriesAttributes("20261111", "090000", "", "", 1, "test"), "reg", reg);
        Path other = Files.createDirectories(d.resolve("other"));
        FractionLog.append(other, new FractionLog.Entry(LocalDateTime.of(2026, 11, 9, 8, 0), "t", "ACCEPTED", "OTHER-002",
                "2.25.1", PatientPosition.HFS, 1, 2, 3, 0, 0, 0, "APPLY", "bony", ""));
        ExportRefusedException e = refusal(PackageRequest.forPlan(d.resolve(DemoPatient.RTPLAN_FILE))
                .withIgrt(List.of(reg), List.of(other.resolve(FractionLog.FILE_NAME)), false));
        assertTrue(e.reasons().stream().anyMatch(r -> r.contains("REG_fx2_fx3.dcm") && r.contains("does not register")),
                e.reasons().toString());
        assertTrue(e.reasons().stream().anyMatch(r -> r.contains("couch correction record") && r.contains("OTHER-002")),
                e.reasons().toString());
    }
}
