/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.isocenter.demo.DemoPatient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./isocenter export} on the demo patient: into a folder with DRRs (manifest, read-back verified, audit log),
 * to dcmtk's storescp with read-back from its folder, to a node where nothing listens (every file NOT_SENT after the
 * retries, exit 1, nothing claimed), DRRs of a plan whose isocenter lies outside the planning CT (refused, exit 1,
 * nothing written; written and flagged with {@code --drr-force}), and the usage errors.
 */
class ExportCommandTest {

    @TempDir
    static Path tmp;
    static final int CT_SLICES = DemoPatient.PLANNING_GRID.sizeZ();

    static String plan() {
        return DemoFiles.path(DemoPatient.RTPLAN_FILE);
    }

    @Test
    void exportToAFolderWithDrrs() throws Exception {
        Path out = tmp.resolve("to-folder");
        Path audit = tmp.resolve("audit-folder");
        CliRunnerTest.Run r = CliRunnerTest.run("export", "--plan", plan(), "--to-folder", out.toString(), "--drr",
                "--drr-size", "128", "--drr-spacing", "2", "--audit", audit.toString(), "--user", "cli-test");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonObject j = r.json();
        assertTrue(j.get("ok").getAsBoolean());
        assertEquals(CT_SLICES + 2 + 6, j.get("delivered").getAsInt(), "CT, structure set, plan and 6 DRRs");
        assertTrue(j.getAsJsonObject("verification").get("passed").getAsBoolean());
        assertEquals(CT_SLICES + 8, j.getAsJsonObject("verification").get("matched").getAsInt());
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
        try (Stream<Path> s = Files.list(out.resolve("RTIMAGE"))) {
            assertEquals(6, s.count());
        }
        for (JsonElement f : j.getAsJsonArray("files")) {
            assertEquals("DELIVERED", f.getAsJsonObject().get("outcome").getAsString());
            assertEquals("MATCH", f.getAsJsonObject().get("check").getAsString());
        }
        String log = Files.readString(audit.resolve("export-audit.jsonl"));
        assertEquals(1, log.lines().count());
        assertTrue(log.contains("\"user\":\"cli-test\"") && log.contains("\"result\":\"SUCCESS\""), log);
    }

    @Test
    void exportToStorescpIsVerifiedFromItsFolder() throws Exception {
        Path received = Files.createDirectories(tmp.resolve("scp"));
        int port = freePort();
        Process scp = new ProcessBuilder("storescp", "-aet", "RV", "-od", received.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("scp.log").toFile()).start();
        try {
            waitListening(port, scp);
            CliRunnerTest.Run r = CliRunnerTest.run("export", "--plan", plan(), "--to", "127.0.0.1:" + port, "--aet", "RV",
                    "--read-back", received.toString(), "--audit", tmp.resolve("audit-scp").toString());
            assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
            assertEquals(CT_SLICES + 2, r.json().get("delivered").getAsInt());
            assertTrue(r.json().getAsJsonObject("verification").get("passed").getAsBoolean());
            try (Stream<Path> s = Files.list(received)) {
                assertEquals(CT_SLICES + 2, s.count());
            }
        } finally {
            scp.destroyForcibly();
            scp.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void nothingListeningMeansNothingClaimed() throws Exception {
        int port = freePort();
        CliRunnerTest.Run r = CliRunnerTest.run("export", "--plan", plan(), "--to", "RV@127.0.0.1:" + port, "--retries", "1",
                "--retry-delay-ms", "10", "--timeout-ms", "2000", "--audit", tmp.resolve("audit-none").toString());
        assertEquals(1, r.exitCode(), r.stdout());
        JsonObject j = r.json();
        assertFalse(j.get("ok").getAsBoolean());
        assertEquals(0, j.get("delivered").getAsInt());
        assertEquals(CT_SLICES + 2, j.get("notSent").getAsInt());
        assertEquals("FAILED", j.get("result").getAsString());
        assertTrue(j.getAsJsonArray("messages").toString().contains("attempt 2"), j.toString());
    }

    @Test
    void drrsOfAnIsocenterOutsideTheCtAreRefusedUnlessForced() throws Exception {
        // the demo plan with its isocenter moved 400 mm cranially (by pydicom), beyond the CT's z -125..125 mm; the
        // structure set and CT are found in the demo folder
        Path plan = Files.createDirectories(tmp.resolve("iso-outside")).resolve("RTPLAN_iso_outside.dcm");
        Process py = new ProcessBuilder("/usr/bin/python3", "-c", """
                import sys, pydicom
                ds = pydicom.dcmread(sys.argv[1])
                for b in ds.BeamSequence:
                    for cp in b.ControlPointSequence:
                        if 'IsocenterPosition' in cp:
                            cp.IsocenterPosition = [0.0, 8.0, 400.0]
                ds.save_as(sys.argv[2])
                """, plan(), plan.toString()).redirectErrorStream(true).start();
        String pyOut = new String(py.getInputStream().readAllBytes());
        assertEquals(0, py.waitFor(), pyOut);
        Path out = tmp.resolve("iso-outside-out"), drrs = tmp.resolve("iso-outside-drrs");
        Path audit = tmp.resolve("audit-iso-outside");
        String[] args = { "export", "--plan", plan.toString(), "--search", DemoFiles.folder().toString(), "--to-folder",
                out.toString(), "--drr", "--drr-size", "64", "--drr-spacing", "6.4", "--drr-folder", drrs.toString(),
                "--audit", audit.toString() };
        CliRunnerTest.Run r = CliRunnerTest.run(args);
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        JsonObject j = r.json();
        assertFalse(j.get("ok").getAsBoolean());
        assertEquals(6, j.getAsJsonArray("refused").size(), "one line per beam: " + j);
        String first = j.getAsJsonArray("refused").get(0).getAsString();
        assertTrue(first.startsWith("DRR of plan 'PROSTATE_4F' (RTPLAN_iso_outside.dcm) beam 1 'AP' refused: isocenter "
                + "(0.0, 8.0, 400.0) LPS mm lies outside the planning CT (x -192.0..192.0, y -192.0..192.0, "
                + "z -125.0..125.0 mm)"),
                first);
        assertFalse(first.contains("\n"));
        assertFalse(Files.exists(out), "nothing delivered");
        assertFalse(Files.exists(drrs), "no DRR written");
        assertTrue(Files.readString(audit.resolve("export-audit.jsonl")).contains("\"result\":\"REFUSED\""));

        // asked for explicitly: exported, flagged loudly
        String[] forced = Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--drr-force";
        r = CliRunnerTest.run(forced);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        j = r.json();
        assertEquals(6, j.getAsJsonArray("warnings").size(), j.toString());
        assertTrue(j.getAsJsonArray("warnings").get(0).getAsString().startsWith("WARNING: DRR of plan 'PROSTATE_4F'"),
                j.toString());
        assertTrue(r.stderr().contains("WARNING: DRR of plan 'PROSTATE_4F' (RTPLAN_iso_outside.dcm) beam 6 'SETUP_LLAT'"),
                r.stderr());
        assertEquals(CT_SLICES + 2 + 6, j.get("delivered").getAsInt());
        assertEquals(2, CliRunnerTest.run("export", "--plan", plan(), "--to-folder", tmp.resolve("x").toString(),
                "--drr-force").exitCode(), "--drr-force without --drr");
    }

    @Test
    void anRtIonPlanIsExportedWithItsBeamsAndDrrs() throws Exception {
        // the demo plan rewritten by pydicom as an RT Ion Plan (proton beams with virtual source-axis distances)
        Path plan = Files.createDirectories(tmp.resolve("ion")).resolve("RTPLAN_ion.dcm");
        Process py = new ProcessBuilder("/usr/bin/python3", "-c", """
                import sys, pydicom
                from pydicom.dataset import Dataset
                from pydicom.sequence import Sequence
                ds = pydicom.dcmread(sys.argv[1])
                ds.SOPClassUID = '1.2.840.10008.5.1.4.1.1.481.8'
                ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
                ion = []
                for b in ds.BeamSequence:
                    i = Dataset()
                    for k in ('BeamNumber', 'BeamName', 'BeamType', 'TreatmentDeliveryType', 'TreatmentMachineName',
                              'ReferencedPatientSetupNumber'):
                        if k in b:
                            setattr(i, k, b[k].value)
                    i.RadiationType = 'PROTON'; i.ScanMode = 'MODULATED'; i.VirtualSourceAxisDistances = [2000.0, 1800.0]
                    cp0 = b.ControlPointSequence[0]
                    c = Dataset(); c.ControlPointIndex = 0; c.NominalBeamEnergy = 160.0; c.CumulativeMetersetWeight = 0.0
                    for k in ('GantryAngle', 'BeamLimitingDeviceAngle', 'PatientSupportAngle', 'IsocenterPosition'):
                        setattr(c, k, cp0[k].value)
                    i.NumberOfControlPoints = 1; i.IonControlPointSequence = Sequence([c])
                    ion.append(i)
                del ds.BeamSequence
                ds.IonBeamSequence = Sequence(ion)
                ds.save_as(sys.argv[2])
                """, plan(), plan.toString()).redirectErrorStream(true).start();
        String pyOut = new String(py.getInputStream().readAllBytes());
        assertEquals(0, py.waitFor(), pyOut);
        CliRunnerTest.Run info = CliRunnerTest.run("info", plan.toString());
        assertEquals(0, info.exitCode(), info.stdout());
        assertTrue(info.stdout().contains("ion plan 'PROSTATE_4F': 6 beams (PROTON, gantry 0/90/180/270/0/90 deg)"),
                info.stdout());
        Path out = tmp.resolve("ion-out");
        String[] args = { "export", "--plan", plan.toString(), "--search", DemoFiles.folder().toString(), "--to-folder",
                out.toString(), "--drr", "--drr-size", "64", "--drr-spacing", "6.4", "--audit",
                tmp.resolve("audit-ion").toString() };
        // the default receptor (SID 1500 mm) lies inside the 1900 mm virtual source distance: refused with the reason
        CliRunnerTest.Run refused = CliRunnerTest.run(args);
        assertEquals(1, refused.exitCode(), refused.stdout());
        assertTrue(refused.json().getAsJsonArray("refused").get(0).getAsString()
                .contains("not SAD 1900.0 and SID 1500.0 (for ion beams SAD is the virtual source-axis distance"),
                refused.stdout());
        String[] withSid = Arrays.copyOf(args, args.length + 2);
        withSid[args.length] = "--drr-sid";
        withSid[args.length + 1] = "2400";
        CliRunnerTest.Run r = CliRunnerTest.run(withSid);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertEquals(CT_SLICES + 2 + 6, r.json().get("delivered").getAsInt(), "CT, structure set, ion plan, 6 DRRs");
    }

    @Test
    void usageErrors() {
        assertEquals(2, CliRunnerTest.run("export", "--plan", plan()).exitCode(), "no destination");
        assertEquals(2, CliRunnerTest.run("export", "--plan", plan(), "--to", "127.0.0.1:104").exitCode(), "no AE title");
        assertEquals(2, CliRunnerTest.run("export", "--plan", plan(), "--to", "A@h:1", "--to-folder", "x").exitCode());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void waitListening(int port, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("storescp not listening on " + port);
                }
                Thread.sleep(50);
            }
        }
    }
}
