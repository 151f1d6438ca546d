/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.isocenter.demo.DemoPlan;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.SpatialRegistrationWriter;
import org.isocenter.export.AuditEntry;
import org.isocenter.export.AuditLog;
import org.isocenter.export.DrrSettings;
import org.isocenter.export.ExportPackage;
import org.isocenter.export.ExportRefusedException;
import org.isocenter.export.LinacExport;
import org.isocenter.export.PackageBuilder;
import org.isocenter.export.PackageItem;
import org.isocenter.export.PackageRequest;
import org.isocenter.margin.FractionLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What must never reach a treatment machine is refused with a reason naming the piece: a structure set of another
 * patient, a plan whose Frame of Reference differs from its structure set's and CT's, a plan without isocenter, a
 * registration that does not involve the plan's frame, a couch correction record of another patient, DRRs of an
 * isocenter outside the planning CT (unless accepted, then flagged). The files are the demo patient's, altered by
 * pydicom (an independent writer). The untouched demo builds.
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

    /** Small DRRs (64 × 64 pixels of 6.4 mm: the default 410 mm receptor) to keep the tests quick. */
    static final DrrSettings SMALL_DRRS = DrrSettings.DEFAULT.withReceptor(64, 64, 6.4);

    /** Moves the isocenter of every control point of the copied plan to {@code lps} (patient LPS mm), by pydicom. */
    static void moveIsocenter(Path folder, double... lps) throws Exception {
        Tools.python("""
                import sys, pydicom
                ds = pydicom.dcmread(sys.argv[1])
                for b in ds.BeamSequence:
                    for cp in b.ControlPointSequence:
                        if 'IsocenterPosition' in cp:
                            cp.IsocenterPosition = [float(v) for v in sys.argv[2:5]]
                ds.save_as(sys.argv[1])
                """, folder.resolve(DemoPatient.RTPLAN_FILE).toString(), Double.toString(lps[0]), Double.toString(lps[1]),
                Double.toString(lps[2]));
    }

    @Test
    void drrsOfAnIsocenterOutsideTheCtAreRefusedBeforeAnyIsWritten() throws Exception {
        // the demo CT spans z -125..125 mm; 15 mm beyond its last slice, the DRRs still show anatomy (about 40 % of
        // their pixels), yet the isocenter cannot be checked against it
        Path d = copy("iso-outside");
        moveIsocenter(d, 0, 8, 140);
        Path drrs = tmp.resolve("iso-outside-drr");
        PackageRequest request = PackageRequest.forPlan(d.resolve(DemoPatient.RTPLAN_FILE)).withDrrs(SMALL_DRRS, drrs);
        ExportRefusedException e = refusal(request);
        assertEquals(6, e.reasons().size(), "one reason per beam: " + e.reasons());
        String first = e.reasons().get(0);
        assertFalse(first.contains("\n"), first);
        assertTrue(first.startsWith("DRR of plan '" + DemoPlan.LABEL + "' (" + DemoPatient.RTPLAN_FILE + ") beam 1 'AP' "
                + "refused: "
                + "isocenter (0.0, 8.0, 140.0) LPS mm lies outside the planning CT (x -192.0..192.0, y -192.0..192.0, "
                + "z -125.0..125.0 mm)"), first);
        assertTrue(e.reasons().get(5).contains("beam 6 'SETUP_LLAT'"), e.reasons().get(5));
        assertFalse(Files.exists(drrs), "no DRR written");
        System.out.println("refused: " + first);

        // asked for explicitly: written, and flagged in the notes, the item and the file itself
        ExportPackage p = new PackageBuilder().build(request.withPoorDrrsAccepted(true), ProgressMonitor.NONE);
        List<String> warnings = p.warnings();
        assertEquals(6, warnings.size(), p.notes().toString());
        assertTrue(warnings.get(0).contains("beam 1 'AP' exported although unfit") && warnings.get(0).contains("outside"),
                warnings.get(0));
        List<PackageItem> images = p.items(PackageItem.Role.REFERENCE_IMAGE);
        assertEquals(6, images.size());
        assertTrue(images.stream().allMatch(i -> i.description().contains("WARNING")), images.toString());
        String description = Tools.python("""
                import sys, pydicom
                print(pydicom.dcmread(sys.argv[1]).RTImageDescription)
                """, images.get(0).file().toString());
        assertTrue(description.startsWith("WARNING: DRR of plan '" + DemoPlan.LABEL + "'")
                && description.contains("outside"), description);
    }

    @Test
    void blankDrrsOfAnIsocenterFarOutsideTheCtAreRefused() throws Exception {
        // 400 mm cranial of the isocenter plane no ray reaches the CT: the DRRs would be entirely blank
        Path d = copy("iso-far");
        moveIsocenter(d, 0, 8, 400);
        ExportRefusedException e = refusal(PackageRequest.forPlan(d.resolve(DemoPatient.RTPLAN_FILE))
                .withDrrs(SMALL_DRRS, tmp.resolve("iso-far-drr")));
        assertEquals(6, e.reasons().size(), e.reasons().toString());
        assertTrue(e.reasons().stream().allMatch(r -> r.contains("isocenter (0.0, 8.0, 400.0) LPS mm lies outside")
                && r.contains("0.0 % of the DRR pixels see >= 10 mm water-equivalent tissue (10 % needed)")),
                e.reasons().toString());
        assertFalse(Files.exists(tmp.resolve("iso-far-drr")));
    }
}
