/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.demo.DailyImageSpec;
import org.isocenter.demo.DemoPatient;
import org.isocenter.demo.DemoPlan;
import org.isocenter.dicom.io.DicomContentDigest;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.SpatialRegistrationWriter;
import org.isocenter.dicom.net.DicomNode;
import org.isocenter.export.AuditEntry;
import org.isocenter.export.AuditLog;
import org.isocenter.export.DrrSettings;
import org.isocenter.export.ExportDestination;
import org.isocenter.export.ExportPackage;
import org.isocenter.export.ExportReport;
import org.isocenter.export.LinacExport;
import org.isocenter.export.LinacExporter;
import org.isocenter.export.LinacExporters;
import org.isocenter.export.PackageBuilder;
import org.isocenter.export.PackageItem;
import org.isocenter.export.PackageRequest;
import org.isocenter.export.RetryPolicy;
import org.isocenter.export.VerificationReport;
import org.isocenter.margin.FractionLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo patient's plan package (planning CT, structure set, plan, one DRR per beam, the fraction-1 Spatial
 * Registration and the couch correction record) exported to dcmtk's storescp on 127.0.0.1: every DICOM object
 * received, read back and matched by UID and data set digest, each received file clean under dciodvfy, pydicom reading
 * the same isocenter and patient setup as the plan, the audit log written. Then the receiver killed mid-export: the
 * report names exactly what was not delivered and claims nothing storescp did not get; the retry completes it. And a
 * receiver restarted within the back-off: one export call succeeds on its second attempt. Folder export: the manifest's
 * SHA-256 values recomputed by Python, a tampered file caught by verification.
 */
class DemoExportTest {

    static final String AE = "STORESCP";

    @TempDir
    static Path tmp;
    static Path demo;
    static ExportPackage pkg;
    static long packageMs;

    /** storescp processes started by a test (one test restarts its receiver from another thread). */
    final List<Process> processes = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void demoPackage() throws Exception {
        demo = tmp.resolve("demo");
        DemoPatient.generate(demo, ProgressMonitor.NONE);
        // an IGRT session: the fraction-1 registration (planning -> daily, in the daily frame) and its couch correction
        DailyImageSpec fx1 = DemoPatient.DAILY_IMAGES.get(0);
        RigidTransform p2d = DemoPatient.planningToDaily(fx1);
        String dailyFrame = DemoPatient.dailyFrameUid(1);
        new SpatialRegistrationWriter().write(new SpatialRegistration(DemoPatient.PATIENT, dailyFrame, "IGRT MATCH",
                "bony match fx1", List.of(p2d, RigidTransform.identity(dailyFrame, dailyFrame))),
                DemoPatient.dailyStudyUid(1), List.of(), new SeriesAttributes("20261109", "081500", "IGRT", "", 1, "test"),
                "Registration fx1", demo.resolve(DemoPatient.dailyFolder(1)).resolve("REG_fx01.dcm"));
        FractionLog.append(demo.resolve(DemoPatient.dailyFolder(1)), new FractionLog.Entry(LocalDateTime.of(2026, 11, 9, 8, 16),
                "therapist", "ACCEPTED", DemoPatient.PATIENT.patientId(), DemoPatient.dailySeriesUid(1), PatientPosition.HFS,
                -3.2, 2.5, 4.1, 0, 0, 0, "APPLY", "bony", "REG_fx01.dcm"));
        long t0 = System.nanoTime();
        pkg = new PackageBuilder().build(PackageRequest.forPlan(demo.resolve(DemoPatient.RTPLAN_FILE))
                .withDrrs(DrrSettings.DEFAULT, tmp.resolve("drr")), ProgressMonitor.NONE);
        packageMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("demo package with 6 DRRs (512x512) built in " + packageMs + " ms: " + pkg.items().size() + " items");
    }

    @AfterEach
    void stopPeers() throws InterruptedException {
        for (Process p : processes) {
            Tools.kill(p);
        }
    }

    static LinacExporter exporter(String id) {
        return service(LinacExporters.class).byId(id).orElseThrow();
    }

    @Test
    void packageHoldsWhatTheMachineNeeds() {
        assertEquals(DemoPatient.PLANNING_GRID.sizeZ(), pkg.items(PackageItem.Role.PLANNING_IMAGE).size());
        assertEquals(1, pkg.items(PackageItem.Role.STRUCTURE_SET).size());
        assertEquals(1, pkg.items(PackageItem.Role.PLAN).size());
        assertEquals(6, pkg.items(PackageItem.Role.REFERENCE_IMAGE).size(), "one DRR per beam (4 treatment, 2 setup)");
        assertEquals(1, pkg.items(PackageItem.Role.REGISTRATION).size());
        assertEquals(1, pkg.items(PackageItem.Role.COUCH_CORRECTION_RECORD).size());
        assertEquals(DemoPatient.PLANNING_FRAME_UID, pkg.frameOfReferenceUid());
        assertEquals(List.of(DemoPlan.isocenterMm()), pkg.isocentersMm());
        assertEquals(Set.of("1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.481.3", "1.2.840.10008.5.1.4.1.1.481.5",
                "1.2.840.10008.5.1.4.1.1.481.1", "1.2.840.10008.5.1.4.1.1.66.1"), pkg.sopClassUids(),
                "CT, RTSTRUCT, RTPLAN, RT Image, Spatial Registration: the SOP classes to negotiate");
    }

    @Test
    void drrsCarryADisplayWindowFromTheirOwnTissuePixels() throws Exception {
        // pydicom and numpy recompute the 1st and 99th percentile of the pixels that crossed >= 10 mm of water
        // (pixel value >= 1000 x 0.02 /mm x 10 mm = 200) and compare them with the LINEAR window's ends
        List<PackageItem> drrs = pkg.items(PackageItem.Role.REFERENCE_IMAGE);
        String py = Tools.python("""
                import sys, pydicom, numpy
                for f in sys.argv[1:]:
                    d = pydicom.dcmread(f)
                    a = d.pixel_array.astype(numpy.int64)
                    t = a[a >= 200]
                    c, w = float(d.WindowCenter), float(d.WindowWidth)
                    print(d.ReferencedBeamNumber, c - 0.5 - (w - 1) / 2, c - 0.5 + (w - 1) / 2, w, d.VOILUTFunction,
                          a.min(), a.max(), numpy.percentile(t, 1), numpy.percentile(t, 99), t.size / a.size)
                """, drrs.stream().map(i -> i.file().toString()).toArray(String[]::new));
        List<String> lines = py.lines().toList();
        assertEquals(6, lines.size(), py);
        for (String l : lines) {
            String[] f = l.split(" ");
            double low = Double.parseDouble(f[1]), high = Double.parseDouble(f[2]), width = Double.parseDouble(f[3]);
            double min = Double.parseDouble(f[5]), max = Double.parseDouble(f[6]);
            double p1 = Double.parseDouble(f[7]), p99 = Double.parseDouble(f[8]), tissue = Double.parseDouble(f[9]);
            assertEquals("LINEAR", f[4], l);
            assertTrue(width > 100, "a window that shows contrast: " + l);
            assertTrue(min <= low && low < high && high <= max, "window inside the pixel range: " + l);
            assertEquals(p1, low, 0.005 * width, l);
            assertEquals(p99, high, 0.005 * width, l);
            assertTrue(tissue > 0.5, "the demo pelvis fills most of each DRR: " + l);
        }
        for (PackageItem i : drrs) {
            assertEquals(List.of(), Tools.dciodvfyErrors(i.file()), i.name());
        }
        System.out.println("DRR windows (beam, low, high, width, function, min, max, p1, p99, tissue fraction):\n" + py);
    }

    @Test
    void demoPlanPackageArrivesIntactAtStorescp() throws Exception {
        Path out = tmp.resolve("scp-ok");
        int port = Tools.freePort();
        Path scpLog = tmp.resolve("scp-ok.log");
        processes.add(Tools.storescp(AE, port, out, scpLog, "-d")); // debug: logs the proposed presentation contexts
        AuditLog audit = new AuditLog(tmp.resolve("audit-ok"));
        ExportDestination.DicomStore node = new ExportDestination.DicomStore(new DicomNode(AE, "127.0.0.1", port), "ISOCENTER",
                10_000, RetryPolicy.DEFAULT);
        LinacExport.Result r = LinacExport.send(pkg, exporter("dicom"), node, out, audit, "tester", ProgressMonitor.NONE);

        int dicom = pkg.dicomItems().size();
        assertTrue(r.report().success(), r.report().messages().toString());
        assertEquals(dicom, r.report().count(ExportReport.Outcome.DELIVERED));
        assertEquals(1, r.report().count(ExportReport.Outcome.NOT_APPLICABLE), "the couch correction record is not DICOM");
        assertTrue(r.verification().passed(), r.verification().items().stream()
                .filter(i -> i.check() != VerificationReport.Check.MATCH).map(VerificationReport.ItemCheck::detail).toList()
                .toString());
        assertEquals(dicom, r.verification().count(VerificationReport.Check.MATCH));
        List<Path> received = files(out);
        assertEquals(dicom, received.size(), "storescp holds exactly the package's DICOM objects");
        // the association proposed the package's SOP classes and no others (storescp's names)
        Set<String> proposed = Files.readAllLines(scpLog).stream().filter(l -> l.contains("Abstract Syntax: ="))
                .map(l -> l.substring(l.indexOf('=') + 1).strip()).collect(Collectors.toSet());
        assertEquals(Set.of("CTImageStorage", "RTStructureSetStorage", "RTPlanStorage", "RTImageStorage",
                "SpatialRegistrationStorage"), proposed);

        // every received object is valid for its IOD
        Map<Path, List<String>> invalid = new HashMap<>();
        for (Path f : received) {
            List<String> errors = Tools.dciodvfyErrors(f);
            if (!errors.isEmpty()) {
                invalid.put(f, errors);
            }
        }
        assertEquals(Map.of(), invalid, "dciodvfy errors");

        // pydicom reads the plan storescp received: isocenter and patient setup as planned
        Path receivedPlan = received.stream().filter(f -> f.getFileName().toString().startsWith("RP")).findFirst().orElseThrow();
        RtPlan planned = new RtPlanReader().read(demo.resolve(DemoPatient.RTPLAN_FILE));
        String py = Tools.python("""
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1])
                for b in d.BeamSequence:
                    iso = b.ControlPointSequence[0].IsocenterPosition
                    print('beam', b.BeamNumber, b.ControlPointSequence[0].GantryAngle, *[float(v) for v in iso])
                for s in d.PatientSetupSequence:
                    print('setup', s.PatientSetupNumber, s.PatientPosition, float(s.TableTopVerticalSetupDisplacement),
                          float(s.TableTopLongitudinalSetupDisplacement), float(s.TableTopLateralSetupDisplacement))
                """, receivedPlan.toString());
        List<String> lines = py.lines().toList();
        assertEquals(planned.beams().size() + planned.patientSetups().size(), lines.size(), py);
        for (Beam b : planned.beams()) {
            String[] f = lines.stream().filter(l -> l.startsWith("beam " + b.number() + " ")).findFirst().orElseThrow().split(" ");
            assertEquals(b.gantryDeg(), Double.parseDouble(f[2]), 1e-9);
            assertEquals(DemoPlan.isocenterMm().x(), Double.parseDouble(f[3]), 1e-6);
            assertEquals(DemoPlan.isocenterMm().y(), Double.parseDouble(f[4]), 1e-6);
            assertEquals(DemoPlan.isocenterMm().z(), Double.parseDouble(f[5]), 1e-6);
        }
        String[] setup = lines.stream().filter(l -> l.startsWith("setup ")).findFirst().orElseThrow().split(" ");
        assertEquals("HFS", setup[2]);
        assertEquals(planned.patientSetups().get(0).tableTopVerticalMm(), Double.parseDouble(setup[3]), 1e-9);
        assertEquals(planned.patientSetups().get(0).tableTopLongitudinalMm(), Double.parseDouble(setup[4]), 1e-9);
        assertEquals(planned.patientSetups().get(0).tableTopLateralMm(), Double.parseDouble(setup[5]), 1e-9);

        // pydicom reads the DRRs: plan and beam referenced, geometry as the beams say
        String drrs = Tools.python("""
                import sys, glob, pydicom
                for f in sorted(glob.glob(sys.argv[1] + '/RI*')):
                    d = pydicom.dcmread(f)
                    print(d.ReferencedRTPlanSequence[0].ReferencedSOPInstanceUID, d.ReferencedBeamNumber, float(d.GantryAngle),
                          float(d.RTImageSID), float(d.RadiationMachineSAD), *[float(v) for v in d.IsocenterPosition],
                          d.PatientID, d.FrameOfReferenceUID)
                """, out.toString());
        List<String> drrLines = drrs.lines().toList();
        assertEquals(6, drrLines.size(), drrs);
        for (String l : drrLines) {
            String[] f = l.split(" ");
            assertEquals(pkg.planSopInstanceUid(), f[0]);
            Beam b = planned.beam(Integer.parseInt(f[1])).orElseThrow();
            assertEquals(b.gantryDeg(), Double.parseDouble(f[2]), 1e-9);
            assertEquals(DrrSettings.DEFAULT.sourceToImageDistanceMm(), Double.parseDouble(f[3]), 1e-9);
            assertEquals(b.sourceAxisDistanceMm(), Double.parseDouble(f[4]), 1e-9);
            assertEquals(DemoPlan.isocenterMm().x(), Double.parseDouble(f[5]), 1e-6);
            assertEquals(DemoPatient.PATIENT.patientId(), f[8]);
            assertEquals(DemoPatient.PLANNING_FRAME_UID, f[9]);
        }

        List<AuditEntry> entries = audit.read();
        assertEquals(1, entries.size());
        AuditEntry e = entries.get(0);
        assertEquals("SUCCESS", e.result());
        assertEquals("PASSED", e.verification());
        assertEquals("tester", e.user());
        assertEquals(DemoPatient.PATIENT.patientId(), e.patientId());
        assertEquals(pkg.planSopInstanceUid(), e.planSopInstanceUid());
        assertEquals(dicom, e.filesDelivered());
        assertTrue(e.destination().contains(AE + "@127.0.0.1:" + port), e.destination());
        System.out.println("C-STORE to storescp: " + dicom + " objects delivered and verified, " + received.size()
                + " received, dciodvfy clean; " + r.report().messages());
    }

    @Test
    void receiverKilledMidExportIsReportedExactlyAndTheRetryCompletesIt() throws Exception {
        Path out = tmp.resolve("scp-fault");
        int port = Tools.freePort();
        Path log = tmp.resolve("scp-fault.log");
        Process scp = Tools.storescp(AE, port, out, log);
        processes.add(scp);
        AtomicBoolean killed = new AtomicBoolean();
        AtomicReference<Integer> filesAtKill = new AtomicReference<>();
        Thread killer = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (!killed.get()) {
                    int n = countFiles(out);
                    if (n >= 25) {
                        Tools.kill(scp);
                        filesAtKill.set(n);
                        killed.set(true);
                    }
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        AuditLog audit = new AuditLog(tmp.resolve("audit-fault"));
        ExportDestination.DicomStore node = new ExportDestination.DicomStore(new DicomNode(AE, "127.0.0.1", port), "ISOCENTER",
                5_000, new RetryPolicy(1, 200, 2));
        LinacExport.Result first = LinacExport.send(pkg, exporter("dicom"), node, out, audit, "tester", ProgressMonitor.NONE);
        killed.set(true);
        killer.join(5000);
        assertTrue(filesAtKill.get() != null, "storescp was killed during the export");

        Set<String> all = pkg.dicomItems().stream().map(PackageItem::sopInstanceUid).collect(Collectors.toSet());
        Set<String> delivered = first.report().delivered().stream().map(i -> i.item().sopInstanceUid()).collect(Collectors.toSet());
        Set<String> undelivered = first.report().undelivered().stream().map(PackageItem::sopInstanceUid).collect(Collectors.toSet());
        Set<String> received = receivedUids(out);
        assertFalse(first.report().success());
        assertFalse(undelivered.isEmpty());
        assertTrue(delivered.stream().noneMatch(undelivered::contains));
        assertEquals(all, union(delivered, undelivered), "every DICOM object is either delivered or listed undelivered");
        assertTrue(received.containsAll(delivered), "nothing reported delivered that storescp did not store");
        Set<String> notReceived = new HashSet<>(all);
        notReceived.removeAll(received);
        assertTrue(undelivered.containsAll(notReceived), "everything storescp lacks is listed undelivered");
        assertTrue(first.verification().passed(), "what was reported delivered is intact at the receiver");
        System.out.printf(Locale.ROOT, "fault: storescp killed at %d files; reported delivered %d, undelivered %d, received %d;"
                + " messages %s%n", filesAtKill.get(), delivered.size(), undelivered.size(), received.size(),
                first.report().messages());

        // the receiver comes back; the retry sends only what is missing
        processes.add(Tools.storescp(AE, port, out, log));
        LinacExport.Result second = LinacExport.retry(pkg, first.report(), exporter("dicom"), node, out, audit, "tester",
                ProgressMonitor.NONE);
        assertTrue(second.report().success(), second.report().messages().toString());
        assertTrue(second.verification().passed());
        assertEquals(all.size(), second.verification().count(VerificationReport.Check.MATCH));
        assertEquals(all, receivedUids(out));
        List<AuditEntry> entries = audit.read();
        assertEquals(List.of("EXPORT", "RETRY"), entries.stream().map(AuditEntry::action).toList());
        assertEquals(List.of("INCOMPLETE", "SUCCESS"), entries.stream().map(AuditEntry::result).toList());
        System.out.println("retry: " + second.report().messages());
    }

    @Test
    void receiverBackWithinTheBackOffIsReachedByTheAutomaticRetry() throws Exception {
        Path out = tmp.resolve("scp-backoff");
        int port = Tools.freePort();
        Path log = tmp.resolve("scp-backoff.log");
        Process scp = Tools.storescp(AE, port, out, log);
        processes.add(scp);
        AtomicBoolean done = new AtomicBoolean();
        Thread restarter = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (!done.get()) {
                    if (countFiles(out) >= 40) {
                        Tools.kill(scp);
                        processes.add(Tools.storescp(AE, port, out, log));
                        return;
                    }
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ExportDestination.DicomStore node = new ExportDestination.DicomStore(new DicomNode(AE, "127.0.0.1", port), "ISOCENTER",
                5_000, new RetryPolicy(3, 500, 2));
        ExportReport report = exporter("dicom").export(pkg, node, ProgressMonitor.NONE);
        done.set(true);
        restarter.join(15_000);
        assertTrue(report.success(), report.messages().toString());
        assertTrue(report.messages().stream().anyMatch(m -> m.startsWith("attempt 2:")), report.messages().toString());
        assertTrue(report.items().stream().anyMatch(i -> i.attempts() == 2), "some files needed the second attempt");
        assertEquals(pkg.dicomItems().stream().map(PackageItem::sopInstanceUid).collect(Collectors.toSet()), receivedUids(out));
        System.out.println("back-off: " + report.messages());
    }

    @Test
    void cancellingStopsTheSendAndClaimsOnlyWhatWasStored() throws Exception {
        Path out = tmp.resolve("scp-cancel");
        int port = Tools.freePort();
        processes.add(Tools.storescp(AE, port, out, tmp.resolve("scp-cancel.log")));
        AtomicInteger done = new AtomicInteger();
        ProgressMonitor cancelAfter10 = new ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
            }

            @Override
            public void worked(int work) {
                done.addAndGet(work);
            }

            @Override
            public void subTask(String name) {
            }

            @Override
            public boolean isCancelled() {
                return done.get() >= 10;
            }
        };
        ExportDestination.DicomStore node = new ExportDestination.DicomStore(new DicomNode(AE, "127.0.0.1", port), "ISOCENTER",
                10_000, RetryPolicy.DEFAULT);
        ExportReport report = exporter("dicom").export(pkg, node, cancelAfter10);
        assertFalse(report.success());
        assertTrue(report.messages().contains("cancelled"), report.messages().toString());
        assertTrue(report.messages().stream().noneMatch(m -> m.startsWith("attempt 2")), "no retry after a cancel");
        Set<String> delivered = report.delivered().stream().map(i -> i.item().sopInstanceUid()).collect(Collectors.toSet());
        assertTrue(delivered.size() >= 10 && delivered.size() < pkg.dicomItems().size(), "stopped early: " + delivered.size());
        assertTrue(receivedUids(out).containsAll(delivered));
        assertEquals(pkg.dicomItems().size() - delivered.size(), report.undelivered().size());
        assertFalse(Thread.currentThread().isInterrupted(), "the cancel does not leave the caller interrupted");
    }

    @Test
    void folderExportWritesAManifestThatPythonConfirmsAndVerificationCatchesTampering() throws Exception {
        Path folder = tmp.resolve("folder-export");
        AuditLog audit = new AuditLog(folder.resolveSibling("audit-folder"));
        LinacExport.Result r = LinacExport.send(pkg, exporter("folder"), new ExportDestination.Folder(folder), null, audit,
                "tester", ProgressMonitor.NONE);
        assertTrue(r.success());
        assertEquals(pkg.items().size(), r.report().delivered().size(), "the couch correction record is copied too");
        assertEquals(pkg.items().size(), r.verification().count(VerificationReport.Check.MATCH));
        // Python recomputes every SHA-256 and reads the UIDs with pydicom
        String py = Tools.python("""
                import sys, json, hashlib, os, pydicom
                root = sys.argv[1]
                m = json.load(open(os.path.join(root, 'manifest.json')))
                bad = 0
                for f in m['files']:
                    p = os.path.join(root, f['path'])
                    if hashlib.sha256(open(p, 'rb').read()).hexdigest() != f['sha256']:
                        bad += 1
                    if f['sopInstanceUid']:
                        d = pydicom.dcmread(p, stop_before_pixels=True)
                        if d.SOPInstanceUID != f['sopInstanceUid'] or d.SOPClassUID != f['sopClassUid']:
                            bad += 1
                print(len(m['files']), bad, m['complete'], m['plan']['sopInstanceUid'])
                """, folder.toString());
        assertEquals(pkg.items().size() + " 0 True " + pkg.planSopInstanceUid(), py);
        JsonObject manifest = JsonParser.parseString(Files.readString(folder.resolve("manifest.json"))).getAsJsonObject();
        assertEquals(DemoPatient.PATIENT.patientId(), manifest.getAsJsonObject("patient").get("patientId").getAsString());

        // tamper with one delivered CT slice: the read-back sees it
        ExportReport.ItemResult slice = r.report().items().stream()
                .filter(i -> i.item().role() == PackageItem.Role.PLANNING_IMAGE).findFirst().orElseThrow();
        Path copy = folder.resolve(slice.deliveredAs());
        byte[] bytes = Files.readAllBytes(copy);
        bytes[bytes.length - 1] ^= 0x01; // a pixel bit
        Files.write(copy, bytes);
        VerificationReport again = exporter("folder").verify(r.report(), new ExportDestination.Folder(folder), null);
        assertFalse(again.passed());
        assertEquals(1, again.count(VerificationReport.Check.CONTENT_MISMATCH));
        assertEquals(1, audit.read().size());
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return s;
    }

    static int countFiles(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return (int) s.count();
        }
    }

    static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** SOP Instance UIDs of the complete DICOM files storescp wrote (an interrupted partial file does not count). */
    static Set<String> receivedUids(Path folder) throws Exception {
        Set<String> uids = new HashSet<>();
        for (Path f : files(folder)) {
            try {
                uids.add(DicomContentDigest.of(f).sopInstanceUid());
            } catch (DicomReadException partial) {
                // not a complete object
            }
        }
        return uids;
    }

    /** The OSGi service of this type, as SCR registers it (asynchronously: waits up to 10 s). */
    static <T> T service(Class<T> type) {
        return org.isocenter.core.services.TrackedServices.await(DemoExportTest.class, type, java.time.Duration.ofSeconds(10));
    }
}
