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

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.management.ObjectName;

import org.isocenter.dicom.net.DicomNode;
import org.isocenter.dicom.net.EchoResult;
import org.isocenter.dicom.net.NetworkException;
import org.isocenter.dicom.net.ReceivedObject;
import org.isocenter.dicom.net.StorageClient;
import org.isocenter.dicom.net.StorageServer;
import org.isocenter.dicom.net.VerificationClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peers that break the DICOM upper layer protocol on purpose (a PDU header stating 2 GB, a presentation data
 * value item longer than its PDU), written here with plain sockets, against our SCU and our SCP; and the
 * SCP's association limit and bind address. dcmtk's storescu/echoscu are the well-behaved peers.
 */
class HostilePeerTest {

    static final Path PYDICOM_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    static final String US = "ISOTEST";
    static final int HUGE = 0x7FFFFFF0;
    /** What a 2 GB buffer would add; allocations of a normal association are a few MB. */
    static final long ALLOCATION_BUDGET = 256L * 1024 * 1024;
    static final byte[] A_ABORT_INVALID_PARAMETER = {7, 0, 0, 0, 0, 4, 0, 0, 2, 6};

    @TempDir
    Path tmp;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    // ---------------------------------------------------------------- our SCU against hostile SCPs

    @Test
    void sendFailsFastWhenThePeerAnswersWithAHugeAssociateAc() throws Exception {
        HostilePeer peer = peer((in, out) -> {
            readPdu(in); // the A-ASSOCIATE-RQ
            out.write(header(2, HUGE));
            out.write(new byte[64]);
            out.flush();
        });
        DicomNode node = new DicomNode("HOSTILE", "127.0.0.1", peer.port());
        long allocatedBefore = allocatedBytes();
        long start = System.nanoTime();
        NetworkException e = assertThrows(NetworkException.class, () -> new StorageClient().send(US, node,
                List.of(PYDICOM_FILES.resolve("CT_small.dcm")), 3000, null));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long allocated = allocatedBytes() - allocatedBefore;

        assertTrue(e.getMessage().contains("A-ASSOCIATE-AC PDU of 2147483632 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("HOSTILE@127.0.0.1:" + peer.port()), e.getMessage());
        assertFalse(e.getMessage().contains("no answer"), e.getMessage());
        assertTrue(ms < 2000, "took " + ms + " ms: " + e.getMessage());
        assertTrue(allocated < ALLOCATION_BUDGET, "allocated " + allocated + " bytes");
        assertArrayEquals(A_ABORT_INVALID_PARAMETER, peer.receivedAfterScript(), "the peer is told with an A-ABORT");
    }

    @Test
    void echoFailsFastWhenThePeerAnswersWithAHugeAssociateAc() throws Exception {
        HostilePeer peer = peer((in, out) -> {
            readPdu(in);
            out.write(header(2, HUGE));
            out.flush();
        });
        long allocatedBefore = allocatedBytes();
        EchoResult r = new VerificationClient().echo(US, new DicomNode("HOSTILE", "127.0.0.1", peer.port()), 3000);
        long allocated = allocatedBytes() - allocatedBefore;

        assertFalse(r.success());
        assertTrue(r.message().contains("A-ASSOCIATE-AC PDU of 2147483632 bytes, longer than the 65536 bytes accepted"),
                r.message());
        assertTrue(r.roundTripMs() < 2000, r.toString());
        assertTrue(allocated < ALLOCATION_BUDGET, "allocated " + allocated + " bytes");
    }

    @Test
    void echoFailsFastWhenThePeerAnswersTheEchoWithAHugePData() throws Exception {
        HostilePeer peer = peer((in, out) -> {
            out.write(acceptAll(readPdu(in)));
            out.flush();
            assertEquals(4, readPdu(in).type()); // the C-ECHO-RQ
            out.write(header(4, HUGE));
            out.flush();
        });
        long allocatedBefore = allocatedBytes();
        EchoResult r = new VerificationClient().echo(US, new DicomNode("HOSTILE", "127.0.0.1", peer.port()), 3000);
        long allocated = allocatedBytes() - allocatedBefore;

        assertFalse(r.success());
        assertTrue(r.message().contains("P-DATA-TF PDU of 2147483632 bytes"), r.message());
        assertTrue(r.roundTripMs() < 2000, r.toString());
        assertTrue(allocated < ALLOCATION_BUDGET, "allocated " + allocated + " bytes");
        assertArrayEquals(A_ABORT_INVALID_PARAMETER, peer.receivedAfterScript());
    }

    @Test
    void echoFailsWhenAPresentationDataValueItemIsLongerThanItsPdu() throws Exception {
        HostilePeer peer = peer((in, out) -> {
            out.write(acceptAll(readPdu(in)));
            out.flush();
            readPdu(in);
            ByteBuffer pdu = ByteBuffer.allocate(6 + 10);
            pdu.put(header(4, 10)).putInt(HUGE).put((byte) 1).put((byte) 3).putInt(0);
            out.write(pdu.array());
            out.flush();
        });
        EchoResult r = new VerificationClient().echo(US, new DicomNode("HOSTILE", "127.0.0.1", peer.port()), 3000);

        assertFalse(r.success());
        assertTrue(r.message().contains("presentation data value item of 2147483632 bytes"), r.message());
        assertTrue(r.roundTripMs() < 2000, r.toString());
    }

    @Test
    void echoStillWorksThroughTheGuardAgainstAWellBehavedScriptedPeer() throws Exception {
        // the scripted peer answers properly: shows the hostile scripts above differ only in the bad PDU
        HostilePeer peer = peer((in, out) -> {
            out.write(acceptAll(readPdu(in)));
            out.flush();
            Pdu rq = readPdu(in);
            int pcId = rq.body()[4];
            out.write(echoResponse(pcId));
            out.flush();
            assertEquals(5, readPdu(in).type()); // A-RELEASE-RQ
            out.write(new byte[] {6, 0, 0, 0, 0, 4, 0, 0, 0, 0});
            out.flush();
        });
        EchoResult r = new VerificationClient().echo(US, new DicomNode("SCRIPTED", "127.0.0.1", peer.port()), 5000);
        assertTrue(r.success(), r.message());
    }

    // ---------------------------------------------------------------- hostile SCUs against our SCP

    @Test
    void serverAbortsAHugeAssociateRqAndKeepsServing() throws Exception {
        ConcurrentLinkedQueue<ReceivedObject> received = new ConcurrentLinkedQueue<>();
        StorageServer server = server(StorageServer.start("ISOSCP", 0, tmp.resolve("store"), received::add));
        long allocatedBefore = allocatedBytes();
        byte[] answer;
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(header(1, HUGE));
            out.write(new byte[64]); // 70 bytes in all
            out.flush();
            answer = s.getInputStream().readAllBytes(); // until the server closes
        }
        long allocated = allocatedBytes() - allocatedBefore;

        assertArrayEquals(A_ABORT_INVALID_PARAMETER, answer);
        assertTrue(allocated < ALLOCATION_BUDGET, "allocated " + allocated + " bytes");
        assertTrue(server.isRunning());
        ExternalTools.Output storescu = storescu(server, "CT_small.dcm");
        assertEquals(0, storescu.exitCode(), storescu.text());
        assertEquals(1, received.size());
    }

    @Test
    void anErrorWhileServingOneAssociationEndsOnlyThatAssociation() throws Exception {
        AtomicBoolean first = new AtomicBoolean(true);
        ConcurrentLinkedQueue<ReceivedObject> received = new ConcurrentLinkedQueue<>();
        // one association at a time: the failed one must also give its place back
        StorageServer server = server(StorageServer.start("ISOSCP", InetAddress.getLoopbackAddress(), 0, 1,
                tmp.resolve("store"), r -> {
                    if (first.getAndSet(false)) {
                        throw new OutOfMemoryError("simulated, while handling the first object");
                    }
                    received.add(r);
                }));

        ExternalTools.Output failed = storescu(server, "CT_small.dcm");
        ExternalTools.Output ok = storescu(server, "MR_small.dcm");

        assertFalse(first.get(), "the callback ran: " + failed.text());
        assertNotEquals(0, failed.exitCode(), failed.text());
        assertEquals(0, ok.exitCode(), ok.text());
        assertEquals(1, received.size());
        assertTrue(server.isRunning());
    }

    @Test
    void associationsBeyondTheLimitAreRejectedUntilAPlaceIsFree() throws Exception {
        StorageServer server = server(StorageServer.start("ISOSCP", InetAddress.getLoopbackAddress(), 0, 2,
                tmp.resolve("store"), null));
        assertEquals(2, server.maxAssociations());
        DicomNode node = new DicomNode("ISOSCP", "127.0.0.1", server.port());
        // two connections that have not sent their A-ASSOCIATE-RQ yet take both places
        Socket a = new Socket("127.0.0.1", server.port());
        Socket b = new Socket("127.0.0.1", server.port());
        toClose.add(a);
        toClose.add(b);
        Thread.sleep(300); // let the server accept them

        EchoResult refused = new VerificationClient().echo(US, node, 5000);
        ExternalTools.Output echoscu = ExternalTools.run(List.of("echoscu", "-aet", "DCMTK", "-aec", "ISOSCP",
                "127.0.0.1", Integer.toString(server.port())));
        assertFalse(refused.success());
        assertTrue(refused.message().toLowerCase(Locale.ROOT).contains("rejected"), refused.message());
        assertTrue(refused.message().toLowerCase(Locale.ROOT).contains("local-limit-exceeded")
                || refused.message().toLowerCase(Locale.ROOT).contains("local limit exceeded"), refused.message());
        assertNotEquals(0, echoscu.exitCode(), echoscu.text());
        assertTrue(echoscu.text().toLowerCase(Locale.ROOT).contains("local limit exceeded"), echoscu.text());

        a.close(); // one place frees up; b still holds the other
        EchoResult accepted = pollEcho(node);
        assertTrue(accepted.success(), accepted.message());
        // the echo's place is given back when its connection has closed, a moment after echo() returns
        ExternalTools.Output storescu = storescu(server, "CT_small.dcm");
        for (int i = 0; i < 20 && storescu.exitCode() != 0 && storescu.text().contains("Local Limit Exceeded"); i++) {
            Thread.sleep(100);
            storescu = storescu(server, "CT_small.dcm");
        }
        assertEquals(0, storescu.exitCode(), storescu.text());
    }

    @Test
    void serverListensOnLoopbackByDefaultAndOnAGivenAddressOtherwise() throws Exception {
        StorageServer byDefault = server(StorageServer.start("ISOSCP", 0, tmp.resolve("a"), null));
        assertTrue(byDefault.bindAddress().isLoopbackAddress(), byDefault.bindAddress().toString());
        assertEquals(StorageServer.DEFAULT_MAX_ASSOCIATIONS, byDefault.maxAssociations());
        assertTrue(new VerificationClient().echo(US, new DicomNode("ISOSCP", "127.0.0.1", byDefault.port()), 5000)
                .success());

        InetAddress external = nonLoopbackAddress();
        Assumptions.assumeTrue(external != null, "no non-loopback IPv4 address on this machine");
        assertThrows(ConnectException.class, () -> connect(external, byDefault.port()));

        StorageServer onExternal = server(StorageServer.start("ISOSCP", external, 0, 4, tmp.resolve("b"), null));
        assertEquals(external, onExternal.bindAddress());
        EchoResult viaExternal = new VerificationClient().echo(US,
                new DicomNode("ISOSCP", external.getHostAddress(), onExternal.port()), 5000);
        assertTrue(viaExternal.success(), viaExternal.message());
        assertThrows(ConnectException.class, () -> connect(InetAddress.getLoopbackAddress(), onExternal.port()));

        StorageServer everywhere = server(StorageServer.start("ISOSCP", InetAddress.getByName("0.0.0.0"), 0, 4,
                tmp.resolve("c"), null));
        assertTrue(everywhere.bindAddress().isAnyLocalAddress());
        connect(external, everywhere.port());
        connect(InetAddress.getLoopbackAddress(), everywhere.port());
    }

    // ---------------------------------------------------------------- helpers

    /** Bytes allocated on the heap by all threads so far (virtual threads are counted on their carriers). */
    private static long allocatedBytes() throws Exception {
        return (Long) ManagementFactory.getPlatformMBeanServer()
                .getAttribute(new ObjectName("java.lang:type=Threading"), "TotalThreadAllocatedBytes");
    }

    private StorageServer server(StorageServer s) {
        toClose.add(s);
        return s;
    }

    private ExternalTools.Output storescu(StorageServer server, String file) throws Exception {
        Path copy = tmp.resolve("send-" + file);
        if (!Files.exists(copy)) {
            Files.copy(PYDICOM_FILES.resolve(file), copy);
        }
        return ExternalTools.run(List.of("storescu", "-aet", "DCMTK", "-aec", server.aeTitle(), "127.0.0.1",
                Integer.toString(server.port()), copy.toString()));
    }

    private static EchoResult pollEcho(DicomNode node) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            EchoResult r = new VerificationClient().echo(US, node, 5000);
            if (r.success() || System.nanoTime() > deadline) {
                return r;
            }
            Thread.sleep(100);
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface ni : NetworkInterface.networkInterfaces().toList()) {
            if (!ni.isUp() || ni.isLoopback()) {
                continue;
            }
            for (InetAddress a : ni.inetAddresses().toList()) {
                if (a instanceof Inet4Address) {
                    return a;
                }
            }
        }
        return null;
    }

    record Pdu(int type, byte[] body) {
    }

    interface Script {
        void run(DataInputStream in, OutputStream out) throws Exception;
    }

    private HostilePeer peer(Script script) throws IOException {
        HostilePeer p = new HostilePeer(script);
        toClose.add(p);
        return p;
    }

    /**
     * Accepts one connection, runs the script, then records what the other side still sends until it
     * closes the connection.
     */
    private static final class HostilePeer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final Thread thread;
        private final ByteArrayOutputStream after = new ByteArrayOutputStream();
        private volatile Throwable failure;

        HostilePeer(Script script) throws IOException {
            thread = Thread.ofPlatform().daemon().name("hostile peer").start(() -> {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(10_000);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    script.run(in, s.getOutputStream());
                    in.transferTo(after);
                } catch (Throwable e) {
                    failure = e;
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        byte[] receivedAfterScript() throws InterruptedException {
            thread.join(10_000);
            assertFalse(thread.isAlive(), "the other side did not close the connection");
            if (failure != null && !(failure instanceof IOException)) {
                throw new AssertionError("scripted peer failed", failure);
            }
            return after.toByteArray();
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(10_000);
        }
    }

    private static Pdu readPdu(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        in.readUnsignedByte();
        int length = in.readInt();
        if (length < 0 || length > 1 << 20) {
            throw new IOException("unexpected PDU length " + length);
        }
        return new Pdu(type, in.readNBytes(length));
    }

    private static byte[] header(int type, int length) {
        return ByteBuffer.allocate(6).put((byte) type).put((byte) 0).putInt(length).array();
    }

    /** An A-ASSOCIATE-AC accepting every proposed presentation context with implicit VR little endian. */
    private static byte[] acceptAll(Pdu rq) {
        assertEquals(1, rq.type(), "expected an A-ASSOCIATE-RQ");
        byte[] b = rq.body();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(b, 0, 68); // protocol version, AE titles, reserved: as requested
        byte[] ts = "1.2.840.10008.1.2".getBytes(StandardCharsets.US_ASCII);
        for (int i = 68; i + 4 <= b.length;) {
            int itemType = b[i] & 0xFF;
            int itemLength = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            if (itemType == 0x10) {
                body.write(b, i, 4 + itemLength);
            } else if (itemType == 0x20) {
                ByteBuffer pc = ByteBuffer.allocate(4 + 4 + 4 + ts.length);
                pc.put((byte) 0x21).put((byte) 0).putShort((short) (4 + 4 + ts.length));
                pc.put(b[i + 4]).put((byte) 0).put((byte) 0).put((byte) 0);
                pc.put((byte) 0x40).put((byte) 0).putShort((short) ts.length).put(ts);
                body.write(pc.array(), 0, pc.capacity());
            }
            i += 4 + itemLength;
        }
        byte[] user = ByteBuffer.allocate(12).put((byte) 0x50).put((byte) 0).putShort((short) 8)
                .put((byte) 0x51).put((byte) 0).putShort((short) 4).putInt(16384).array();
        body.write(user, 0, user.length);
        byte[] all = body.toByteArray();
        ByteBuffer pdu = ByteBuffer.allocate(6 + all.length).put(header(2, all.length)).put(all);
        return pdu.array();
    }

    /** A P-DATA-TF with a C-ECHO-RSP (status 0) for message ID 1, implicit VR little endian. */
    private static byte[] echoResponse(int pcId) {
        ByteBuffer cmd = ByteBuffer.allocate(256).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] uid = "1.2.840.10008.1.1\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer rest = ByteBuffer.allocate(200).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        rest.putShort((short) 0).putShort((short) 0x0002).putInt(uid.length).put(uid); // Affected SOP Class UID
        rest.putShort((short) 0).putShort((short) 0x0100).putInt(2).putShort((short) 0x8030); // C-ECHO-RSP
        rest.putShort((short) 0).putShort((short) 0x0120).putInt(2).putShort((short) 1); // responded-to message ID
        rest.putShort((short) 0).putShort((short) 0x0800).putInt(2).putShort((short) 0x0101); // no data set
        rest.putShort((short) 0).putShort((short) 0x0900).putInt(2).putShort((short) 0); // status success
        cmd.putShort((short) 0).putShort((short) 0).putInt(4).putInt(rest.position()); // group length
        cmd.put(rest.array(), 0, rest.position());
        byte[] value = Arrays.copyOf(cmd.array(), cmd.position());
        ByteBuffer pdu = ByteBuffer.allocate(6 + 6 + value.length);
        pdu.put(header(4, 6 + value.length)).putInt(2 + value.length).put((byte) pcId).put((byte) 3).put(value);
        return pdu.array();
    }
}
