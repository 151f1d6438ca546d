/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.isocenter.dicom.net.DicomNode;
import org.isocenter.dicom.net.EchoResult;
import org.isocenter.dicom.net.FileStatus;
import org.isocenter.dicom.net.NetworkException;
import org.isocenter.dicom.net.ReceivedObject;
import org.isocenter.dicom.net.StorageClient;
import org.isocenter.dicom.net.StorageReport;
import org.isocenter.dicom.net.StorageServer;
import org.isocenter.dicom.net.VerificationClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C-ECHO and C-STORE in both directions against dcmtk (storescp, dcmqrscp, storescu, echoscu; dcmdump
 * reads the UIDs back), with pydicom's sample files. Needs dcmtk on the PATH and Debian's python3-pydicom
 * data files.
 */
class DicomNetworkTest {

    static final Path PYDICOM_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    static final String PEER = "PEER";
    static final String US = "ISOTEST";
    static final int TIMEOUT_MS = 10_000;

    /** rtplan.dcm's File Meta Media Storage SOP Instance UID and its data set's SOP Instance UID disagree. */
    static final String RTPLAN_META_UID = "1.2.999.999.99.9.9999.9999.20030903150023";
    static final String RTPLAN_DATASET_UID = "1.2.777.777.77.7.7777.7777.20030903150023";

    @TempDir
    Path tmp;

    private final List<Process> processes = new ArrayList<>();
    private final List<StorageServer> servers = new ArrayList<>();
    private Path in;

    @BeforeEach
    void copySamples() throws IOException {
        in = Files.createDirectories(tmp.resolve("in"));
        for (String name : List.of("CT_small.dcm", "MR_small.dcm", "rtstruct.dcm", "rtdose.dcm", "rtplan.dcm")) {
            Files.copy(PYDICOM_FILES.resolve(name), in.resolve(name));
        }
        Files.writeString(in.resolve("notes.txt"), "not DICOM, just a note\n");
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (StorageServer s : servers) {
            s.close();
        }
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    // ---------------------------------------------------------------- C-ECHO

    @Test
    void echoSucceedsAgainstStorescp() throws Exception {
        int port = freePort();
        startStorescp(port, Files.createDirectories(tmp.resolve("out")));
        DicomNode peer = new DicomNode(PEER, "127.0.0.1", port);

        EchoResult r = new VerificationClient().echo(US, peer, TIMEOUT_MS);

        assertTrue(r.success(), r.message());
        assertTrue(r.roundTripMs() >= 0 && r.roundTripMs() < TIMEOUT_MS, "round trip " + r.roundTripMs() + " ms");
        assertTrue(r.message().contains(peer.toString()), r.message());
    }

    @Test
    void echoToClosedPortFailsFastNamingTheRefusal() throws Exception {
        int port = freePort(); // nothing listens there any more
        DicomNode peer = new DicomNode(PEER, "127.0.0.1", port);

        long start = System.nanoTime();
        EchoResult r = new VerificationClient().echo(US, peer, 5000);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertFalse(r.success());
        assertTrue(r.message().contains("refused"), r.message());
        assertTrue(r.message().contains("127.0.0.1:" + port), r.message());
        assertTrue(ms < 4000, "took " + ms + " ms, should fail without waiting for the 5000 ms timeout");
    }

    @Test
    void echoToSilentPeerGivesUpAfterTheTimeout() throws Exception {
        // the kernel completes the TCP handshake for the backlog, but nobody ever answers the A-ASSOCIATE-RQ
        try (ServerSocket silent = new ServerSocket(0)) {
            DicomNode peer = new DicomNode(PEER, "127.0.0.1", silent.getLocalPort());
            long start = System.nanoTime();
            EchoResult r = new VerificationClient().echo(US, peer, 1000);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertFalse(r.success());
            assertTrue(r.message().contains("within 1000 ms"), r.message());
            assertTrue(ms >= 900 && ms < 4000, "took " + ms + " ms for a 1000 ms timeout");
        }
    }

    @Test
    void echoRefusedByStorescpIsReportedAsRejection() throws Exception {
        int port = freePort();
        startStorescp(port, Files.createDirectories(tmp.resolve("out")), "--refuse");

        EchoResult r = new VerificationClient().echo(US, new DicomNode(PEER, "127.0.0.1", port), TIMEOUT_MS);

        assertFalse(r.success());
        assertTrue(r.message().startsWith("association rejected by " + PEER + "@127.0.0.1:" + port), r.message());
    }

    @Test
    void wrongCalledAeTitleIsRejectedByOurServer() throws Exception {
        ConcurrentLinkedQueue<ReceivedObject> received = new ConcurrentLinkedQueue<>();
        StorageServer server = startServer("ISOSCP", tmp.resolve("store"), received);

        EchoResult ours = new VerificationClient().echo(US, new DicomNode("WRONG", "127.0.0.1", server.port()), TIMEOUT_MS);
        ExternalTools.Output echoscu = ExternalTools.run(List.of("echoscu", "-aet", "DCMTK", "-aec", "WRONG",
                "127.0.0.1", Integer.toString(server.port())));
        ExternalTools.Output storescu = ExternalTools.run(List.of("storescu", "-aet", "DCMTK", "-aec", "WRONG",
                "127.0.0.1", Integer.toString(server.port()), in.resolve("CT_small.dcm").toString()));
        EchoResult right = new VerificationClient().echo(US, new DicomNode("ISOSCP", "127.0.0.1", server.port()), TIMEOUT_MS);

        assertFalse(ours.success());
        assertTrue(ours.message().contains("rejected") && ours.message().toLowerCase(Locale.ROOT).contains("called ae title"),
                ours.message());
        assertNotEquals(0, echoscu.exitCode(), echoscu.text());
        assertTrue(echoscu.text().contains("Called AE Title Not Recognized"), echoscu.text());
        assertNotEquals(0, storescu.exitCode(), storescu.text());
        assertTrue(received.isEmpty(), "objects received despite the wrong called AE: " + received);
        assertEquals(List.of(), dcmFiles(tmp.resolve("store")));
        assertTrue(right.success(), "the right AE title must still be accepted: " + right.message());
    }

    // ---------------------------------------------------------------- C-STORE to dcmtk

    @Test
    void sendsToStorescpAndReportsEveryFile() throws Exception {
        int port = freePort();
        Path out = Files.createDirectories(tmp.resolve("out"));
        startStorescp(port, out, "+B"); // bit-preserving: storescp writes the data set exactly as received
        List<Path> files = List.of(in.resolve("CT_small.dcm"), in.resolve("notes.txt"), in.resolve("MR_small.dcm"),
                in.resolve("rtplan.dcm"), in.resolve("rtstruct.dcm"));
        List<FileStatus> seen = new ArrayList<>();

        StorageReport report = new StorageClient().send(US, new DicomNode(PEER, "127.0.0.1", port), files, TIMEOUT_MS,
                seen::add);

        // one status per file, report in input order, callback once per file
        assertEquals(files, report.files().stream().map(FileStatus::file).toList());
        assertEquals(files.size(), seen.size());
        assertEquals(new HashSet<>(files), new HashSet<>(seen.stream().map(FileStatus::file).toList()));
        Map<String, FileStatus> byName = new TreeMap<>();
        report.files().forEach(s -> byName.put(s.file().getFileName().toString(), s));

        for (String ok : List.of("CT_small.dcm", "MR_small.dcm", "rtstruct.dcm")) {
            FileStatus s = byName.get(ok);
            assertEquals(FileStatus.Outcome.STORED, s.outcome(), s.message());
            assertEquals(0, s.dimseStatus(), s.message());
            assertEquals(dcmdumpSopInstanceUid(in.resolve(ok)), s.sopInstanceUid());
        }
        FileStatus notes = byName.get("notes.txt");
        assertEquals(FileStatus.Outcome.FAILED, notes.outcome());
        assertEquals(FileStatus.NO_STATUS, notes.dimseStatus());
        assertTrue(notes.message().contains("notes.txt") && notes.message().contains("not a DICOM file"), notes.message());
        FileStatus plan = byName.get("rtplan.dcm");
        assertEquals(FileStatus.Outcome.FAILED, plan.outcome());
        assertTrue(plan.message().contains("rtplan.dcm") && plan.message().contains(RTPLAN_META_UID)
                && plan.message().contains(RTPLAN_DATASET_UID), plan.message());
        assertEquals(3, report.stored());
        assertEquals(2, report.failed());
        assertFalse(report.allStored());

        // storescp has exactly the three good objects, with the same SOP Instance UIDs
        waitForFileCount(out, 3);
        List<Path> arrived = allFiles(out);
        assertEquals(3, arrived.size(), "files in storescp's folder: " + arrived);
        Set<String> arrivedUids = new HashSet<>();
        for (Path f : arrived) {
            arrivedUids.add(dcmdumpSopInstanceUid(f));
        }
        Set<String> sentUids = Set.of(dcmdumpSopInstanceUid(in.resolve("CT_small.dcm")),
                dcmdumpSopInstanceUid(in.resolve("MR_small.dcm")), dcmdumpSopInstanceUid(in.resolve("rtstruct.dcm")));
        assertEquals(sentUids, arrivedUids);
        // files already in explicit VR little endian travel unchanged: the data sets are byte-identical
        // (rtstruct.dcm has no File Meta Information and is implicit VR, which PixelMed may re-encode)
        for (String same : List.of("CT_small.dcm", "MR_small.dcm")) {
            String uid = dcmdumpSopInstanceUid(in.resolve(same));
            Path copy = arrived.stream().filter(f -> f.getFileName().toString().endsWith(uid)).findFirst()
                    .orElseThrow(() -> new AssertionError("no received file for " + same));
            assertArrayEquals(dataSetBytes(in.resolve(same)), dataSetBytes(copy), same + " data set changed in transit");
        }
    }

    @Test
    void sendToRejectingPeerThrowsWithTheReason() throws Exception {
        int port = freePort();
        startStorescp(port, Files.createDirectories(tmp.resolve("out")), "--refuse");
        List<FileStatus> seen = new ArrayList<>();

        NetworkException e = assertThrows(NetworkException.class, () -> new StorageClient().send(US,
                new DicomNode(PEER, "127.0.0.1", port), List.of(in.resolve("CT_small.dcm"), in.resolve("notes.txt")),
                TIMEOUT_MS, seen::add));

        assertTrue(e.getMessage().startsWith("association rejected by " + PEER + "@127.0.0.1:" + port), e.getMessage());
        // only the locally refused file was reported before the association failed
        assertEquals(List.of(in.resolve("notes.txt")), seen.stream().map(FileStatus::file).toList());
    }

    @Test
    void slowPeerTimesOutTheFileInFlightAndSkipsTheRest() throws Exception {
        int port = freePort();
        startStorescp(port, Files.createDirectories(tmp.resolve("out")), "--sleep-during", "8");

        long start = System.nanoTime();
        StorageReport report = new StorageClient().send(US, new DicomNode(PEER, "127.0.0.1", port),
                List.of(in.resolve("CT_small.dcm"), in.resolve("MR_small.dcm")), 1000, null);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(FileStatus.Outcome.FAILED, report.files().get(0).outcome(), report.files().get(0).message());
        assertTrue(report.files().get(0).message().contains("within 1000 ms"), report.files().get(0).message());
        assertEquals(FileStatus.Outcome.NOT_SENT, report.files().get(1).outcome(), report.files().get(1).message());
        assertTrue(ms < 6000, "took " + ms + " ms; the peer sleeps 8 s, the timeout is 1 s");
    }

    @Test
    void dcmqrscpEnforcesCalledAeTitleAndItsErrorStatusIsReportedPerFile() throws Exception {
        int port = freePort();
        startDcmqrscp(port, "QRSCP", "(1, 1kb)"); // one study of at most 1 kB: every C-STORE is refused

        EchoResult wrong = new VerificationClient().echo(US, new DicomNode("WRONG", "127.0.0.1", port), TIMEOUT_MS);
        EchoResult right = new VerificationClient().echo(US, new DicomNode("QRSCP", "127.0.0.1", port), TIMEOUT_MS);
        StorageReport report = new StorageClient().send(US, new DicomNode("QRSCP", "127.0.0.1", port),
                List.of(in.resolve("CT_small.dcm"), in.resolve("MR_small.dcm")), TIMEOUT_MS, null);

        assertFalse(wrong.success());
        assertTrue(wrong.message().startsWith("association rejected by WRONG@127.0.0.1:" + port + ": called AE Title not recognized"),
                wrong.message());
        assertTrue(right.success(), right.message());
        for (FileStatus s : report.files()) {
            assertEquals(FileStatus.Outcome.FAILED, s.outcome(), s.message());
            assertEquals(0xA700, s.dimseStatus(), s.message()); // Refused: Out of Resources
            assertTrue(s.message().contains("0xA700"), s.message());
        }
        assertEquals(0, report.stored());
    }

    // ---------------------------------------------------------------- C-STORE into our server

    @Test
    void storageServerReceivesFromStorescuAndReportsEveryInstance() throws Exception {
        ConcurrentLinkedQueue<ReceivedObject> received = new ConcurrentLinkedQueue<>();
        Path store = tmp.resolve("store");
        StorageServer server = startServer("ISOSCP", store, received);
        assertTrue(server.port() > 0);
        List<String> names = List.of("CT_small.dcm", "MR_small.dcm", "rtstruct.dcm", "rtdose.dcm", "rtplan.dcm");
        Set<String> expectedUids = new HashSet<>();
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "DCMTK", "-aec", "ISOSCP", "127.0.0.1",
                Integer.toString(server.port())));
        for (String n : names) {
            expectedUids.add(dcmdumpSopInstanceUid(in.resolve(n)));
            command.add(in.resolve(n).toString());
        }

        ExternalTools.Output echoscu = ExternalTools.run(List.of("echoscu", "-aet", "DCMTK", "-aec", "ISOSCP",
                "127.0.0.1", Integer.toString(server.port())));
        ExternalTools.Output storescu = ExternalTools.run(command);

        assertEquals(0, echoscu.exitCode(), echoscu.text());
        assertEquals(0, storescu.exitCode(), storescu.text());
        assertEquals(names.size(), received.size(), "callbacks: " + received);
        assertEquals(expectedUids, new HashSet<>(received.stream().map(ReceivedObject::sopInstanceUid).toList()));
        for (ReceivedObject r : received) {
            assertEquals("DCMTK", r.callingAeTitle());
            assertTrue(r.sopClassUid() != null && r.sopClassUid().startsWith("1.2.840.10008.5.1.4.1.1."), r.toString());
            assertEquals(store.toAbsolutePath().resolve(r.sopInstanceUid() + ".dcm"), r.file());
            assertEquals(r.sopInstanceUid(), dcmdumpSopInstanceUid(r.file()));
        }
        assertEquals(names.size(), dcmFiles(store).size(), "stored files: " + dcmFiles(store));
    }

    @Test
    void ourClientAndServerTalkAndClosingFreesThePort() throws Exception {
        ConcurrentLinkedQueue<ReceivedObject> received = new ConcurrentLinkedQueue<>();
        StorageServer server = startServer("ISOSCP", tmp.resolve("store"), received);
        int port = server.port();
        DicomNode node = new DicomNode("ISOSCP", "127.0.0.1", port);
        StorageReport report = new StorageClient().send(US, node,
                List.of(in.resolve("CT_small.dcm"), in.resolve("rtstruct.dcm")), TIMEOUT_MS, null);
        assertEquals(2, report.stored(), report.toString());
        assertEquals(2, received.size());

        server.close();
        assertFalse(server.isRunning());
        EchoResult afterClose = new VerificationClient().echo(US, node, 3000);
        assertFalse(afterClose.success(), afterClose.message());
        // the port is free at once: a new server binds it and answers
        StorageServer again = startServer("ISOSCP", tmp.resolve("store2"), received, port);
        assertEquals(port, again.port());
        EchoResult r = new VerificationClient().echo(US, node, TIMEOUT_MS);
        assertTrue(r.success(), r.message());
    }

    @Test
    void nodeValidatesAeTitleAndPort() {
        assertEquals("PEER@10.0.0.5:104", new DicomNode(" PEER ", "10.0.0.5", 104).toString());
        assertThrows(IllegalArgumentException.class, () -> new DicomNode("", "h", 104));
        assertThrows(IllegalArgumentException.class, () -> new DicomNode("    ", "h", 104));
        assertThrows(IllegalArgumentException.class, () -> new DicomNode("SEVENTEEN_CHARS_X", "h", 104));
        assertThrows(IllegalArgumentException.class, () -> new DicomNode("A\\B", "h", 104));
        assertThrows(IllegalArgumentException.class, () -> new DicomNode("A\tB", "h", 104));
        assertThrows(IllegalArgumentException.class, () -> new DicomNode("PEER", "h", 0));
        assertThrows(IllegalArgumentException.class, () -> new DicomNode("PEER", "h", 65536));
        assertEquals(16, new DicomNode("SIXTEEN_CHARS_XX", "h", 1).aeTitle().length());
    }

    // ---------------------------------------------------------------- helpers

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts dcmtk's storescp as PEER on {@code port}, writing into {@code out}, and waits until it listens. */
    private Process startStorescp(int port, Path out, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("storescp", "-dhl", "-aet", PEER, "-od", out.toString()));
        command.addAll(Arrays.asList(options));
        command.add(Integer.toString(port));
        return startAndWait(command, port, "storescp");
    }

    /** Starts a server process and polls until it accepts TCP connections on {@code port} (10 s at most). */
    private Process startAndWait(List<String> command, int port, String name) throws Exception {
        Path log = tmp.resolve(name + "-" + port + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return p;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    fail(name + " exited with " + p.exitValue() + ": " + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    fail(name + " did not listen on port " + port + " within 10 s: " + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
    }

    /** Starts dcmtk's dcmqrscp with one AE title (storage quota as in its config syntax) and waits for it. */
    private Process startDcmqrscp(int port, String ae, String quota) throws Exception {
        Path db = Files.createDirectories(tmp.resolve("qrdb"));
        Path cfg = tmp.resolve("dcmqrscp.cfg");
        Files.writeString(cfg, String.join("\n",
                "NetworkTCPPort = " + port,
                "MaxPDUSize = 16384",
                "MaxAssociations = 4",
                "HostTable BEGIN", "HostTable END",
                "VendorTable BEGIN", "VendorTable END",
                "AETable BEGIN",
                ae + " " + db + " RW " + quota + " ANY",
                "AETable END", ""));
        return startAndWait(List.of("dcmqrscp", "-c", cfg.toString(), Integer.toString(port)), port, "dcmqrscp");
    }

    private StorageServer startServer(String ae, Path folder, ConcurrentLinkedQueue<ReceivedObject> sink)
            throws NetworkException {
        return startServer(ae, folder, sink, 0);
    }

    private StorageServer startServer(String ae, Path folder, ConcurrentLinkedQueue<ReceivedObject> sink, int port)
            throws NetworkException {
        StorageServer s = StorageServer.start(ae, port, folder, sink::add);
        servers.add(s);
        return s;
    }

    private static final Pattern UID_LINE = Pattern.compile("\\(0008,0018\\) UI \\[([0-9.]+)\\]");

    /** The data set's SOP Instance UID (0008,0018) as dcmdump prints it. */
    private static String dcmdumpSopInstanceUid(Path file) throws Exception {
        ExternalTools.Output o = ExternalTools.run(List.of("dcmdump", "+P", "SOPInstanceUID", file.toString()));
        Matcher m = UID_LINE.matcher(o.text());
        if (o.exitCode() != 0 || !m.find()) {
            throw new AssertionError("dcmdump found no SOP Instance UID in " + file + ":\n" + o.text());
        }
        return m.group(1);
    }

    /** The bytes after the File Meta Information (the whole file when it has none). */
    private static byte[] dataSetBytes(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        if (b.length < 144 || !"DICM".equals(new String(b, 128, 4, StandardCharsets.US_ASCII))) {
            return b;
        }
        // (0002,0000) UL, explicit VR little endian: tag 4 + VR 2 + length 2, then the group length
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (bb.getShort(132) != 0x0002 || bb.getShort(134) != 0x0000) {
            throw new AssertionError(file + " does not start its File Meta Information with (0002,0000)");
        }
        int metaEnd = 144 + bb.getInt(140);
        return Arrays.copyOfRange(b, metaEnd, b.length);
    }

    private static List<Path> allFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<Path> dcmFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".dcm")).sorted().toList();
        }
    }

    /** storescp writes a file before answering, but give the file system a moment to show it. */
    private static void waitForFileCount(Path folder, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (allFiles(folder).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
