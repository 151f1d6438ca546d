/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.AnyExplicitStorePresentationContextSelectionPolicy;
import com.pixelmed.network.ApplicationEntityMap;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCP;

/**
 * A DICOM Storage SCP: listens on a TCP port of one local address (the loopback address unless another is
 * given), accepts associations addressed to its AE title from any calling AE, answers C-ECHO, and stores
 * every object received with C-STORE as {@code <storage folder>/<SOP Instance UID>.dcm} (a Part 10 file
 * with File Meta Information; an object received again replaces the earlier file). Associations whose
 * called AE title differs are rejected ("called AE title not recognized"). Accepted SOP classes are
 * Verification and the image and non-image Storage SOP classes PixelMed knows; accepted transfer syntaxes
 * are implicit VR little endian and any explicit VR syntax PixelMed recognises, compressed ones included
 * (stored as received).
 * <p>
 * Each association runs on its own thread; {@code onReceived} is called on that thread after the file is
 * complete and before the sender gets its C-STORE response, possibly concurrently for concurrent
 * associations. A RuntimeException thrown by {@code onReceived} is logged and does not affect the
 * transfer; an Error ends that association. An association idle for {@link #IDLE_TIMEOUT_MS} is dropped.
 * While a transfer is in progress the folder holds a temporary file (name without ".dcm") that is renamed
 * when complete.
 * <p>
 * Hostile or broken peers are contained: what a peer sends is checked PDU by PDU before PixelMed reads it
 * (an association PDU over 64 KiB, a P-DATA-TF PDU over 4 MiB, an unknown PDU type, a malformed PDV item or a
 * command over 64 KiB aborts that association with an A-ABORT); at most {@code maxAssociations}
 * associations run at once, further ones are rejected (A-ASSOCIATE-RJ, transient, local limit exceeded);
 * a peer must send its A-ASSOCIATE-RQ within {@link #REQUEST_TIMEOUT_MS}; anything thrown while serving one
 * association, errors included, ends only that association.
 */
public final class StorageServer implements AutoCloseable {

    // Implementation note: PixelMed's StorageSOPClassSCPDispatcher is not used. It binds its ServerSocket
    // inside run() (so the port picked for port 0 cannot be learned), and shutdown() only sets a flag it
    // checks after a 5 s accept timeout (so the port stays bound for up to 5 s after close). The accept
    // loop here hands each connection to PixelMed's StorageSOPClassSCP, the class the dispatcher uses;
    // the called AE title check is PixelMed's (in its AssociationAcceptor: exact, case-sensitive match
    // after trimming spaces; A-ASSOCIATE-RJ permanent, service user, reason 7).

    /** Milliseconds an association may wait for the sender's next PDU before it is dropped. */
    public static final int IDLE_TIMEOUT_MS = 60_000;

    /** Milliseconds a new connection has to send its A-ASSOCIATE-RQ. */
    public static final int REQUEST_TIMEOUT_MS = 10_000;

    /** Concurrent associations allowed by {@link #start(String, int, Path, Consumer)}. */
    public static final int DEFAULT_MAX_ASSOCIATIONS = 8;

    private static final System.Logger LOG = System.getLogger(StorageServer.class.getName());

    private final String aeTitle;
    private final Path folder;
    private final ServerSocket serverSocket;
    private final Consumer<ReceivedObject> onReceived;
    private final int maxAssociations;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger rejecting = new AtomicInteger();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private StorageServer(String aeTitle, Path folder, ServerSocket serverSocket, Consumer<ReceivedObject> onReceived,
            int maxAssociations) {
        this.aeTitle = aeTitle;
        this.folder = folder;
        this.serverSocket = serverSocket;
        this.onReceived = onReceived;
        this.maxAssociations = maxAssociations;
        this.acceptor = Thread.ofPlatform().daemon().name("dicom-scp " + aeTitle + ":" + serverSocket.getLocalPort())
                .unstarted(this::acceptLoop);
    }

    /**
     * Starts listening on the loopback address with at most {@link #DEFAULT_MAX_ASSOCIATIONS} concurrent
     * associations and returns once the port is bound; see
     * {@link #start(String, InetAddress, int, int, Path, Consumer)}.
     *
     * @param aeTitle       our AE title; associations must call exactly this (after removing padding spaces)
     * @param port          TCP port, or 0 to take any free port (see {@link #port()})
     * @param storageFolder folder for received files; created if missing
     * @param onReceived    called for every stored object; may be null
     * @throws NetworkException when the folder cannot be created or written, or the port cannot be bound
     * @throws IllegalArgumentException when the AE title or port is invalid
     */
    public static StorageServer start(String aeTitle, int port, Path storageFolder, Consumer<ReceivedObject> onReceived)
            throws NetworkException {
        return start(aeTitle, InetAddress.getLoopbackAddress(), port, DEFAULT_MAX_ASSOCIATIONS, storageFolder,
                onReceived);
    }

    /**
     * Starts listening and returns once the port is bound.
     *
     * @param aeTitle         our AE title; associations must call exactly this (after removing padding spaces)
     * @param bindAddress     the local address to listen on, e.g. {@link InetAddress#getLoopbackAddress()} for
     *                        this machine only, a network interface's address, or the wildcard address
     *                        ({@code 0.0.0.0} or {@code ::}) for all interfaces
     * @param port            TCP port, or 0 to take any free port (see {@link #port()})
     * @param maxAssociations associations served at once (at least 1); further ones are rejected
     * @param storageFolder   folder for received files; created if missing
     * @param onReceived      called for every stored object; may be null
     * @throws NetworkException when the folder cannot be created or written, or the port cannot be bound
     * @throws IllegalArgumentException when the AE title, port or association limit is invalid
     */
    public static StorageServer start(String aeTitle, InetAddress bindAddress, int port, int maxAssociations,
            Path storageFolder, Consumer<ReceivedObject> onReceived) throws NetworkException {
        String ae = DicomNode.checkAeTitle(aeTitle, "AE title");
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        if (maxAssociations < 1) {
            throw new IllegalArgumentException("at least one association must be allowed, not " + maxAssociations);
        }
        Objects.requireNonNull(storageFolder, "storageFolder");
        Path folder = storageFolder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new NetworkException("cannot create storage folder " + folder + ": " + Failures.fullText(e), e);
        }
        if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new NetworkException("storage folder " + folder + " is not a writable folder");
        }
        String where = bindAddress.getHostAddress() + " port " + port;
        ServerSocket socket = null;
        try {
            socket = new GuardedServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bindAddress, port));
        } catch (BindException e) {
            closeQuietly(socket);
            throw new NetworkException("cannot listen on " + where + " for " + ae + ": port already in use,"
                    + " address not local, or not permitted (" + Failures.fullText(e) + ")", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new NetworkException("cannot listen on " + where + " for " + ae + ": " + Failures.fullText(e), e);
        }
        StorageServer server = new StorageServer(ae, folder, socket, onReceived == null ? r -> { } : onReceived,
                maxAssociations);
        server.acceptor.start();
        return server;
    }

    /** The port actually listened on (the chosen one when started with port 0). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** The local address listened on. */
    public InetAddress bindAddress() {
        return serverSocket.getInetAddress();
    }

    /** The most associations served at once. */
    public int maxAssociations() {
        return maxAssociations;
    }

    /** Our AE title (without padding). */
    public String aeTitle() {
        return aeTitle;
    }

    /** The absolute folder received files are stored in. */
    public Path storageFolder() {
        return folder;
    }

    /** Whether the server is still listening. */
    public boolean isRunning() {
        return !closed && acceptor.isAlive();
    }

    /**
     * Stops listening, aborts associations still in progress (their senders see the connection close;
     * the object in transit is not stored) and waits briefly for the association threads to end. The port
     * can be bound again as soon as this returns. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(serverSocket);
        for (Socket s : connections) {
            closeQuietly(s);
        }
        join(acceptor, 2000);
        for (Thread t : workers) {
            t.interrupt();
            join(t, 1000);
        }
    }

    private void acceptLoop() {
        File folderFile = folder.toFile();
        StoredFilePathStrategy naming = new UidFileNames();
        ReceivedObjectHandler handler = new Indications();
        while (!closed) {
            Socket s = null;
            try {
                s = serverSocket.accept();
                if (closed) {
                    closeQuietly(s);
                    break;
                }
                dispatch((GuardedSocket) s, folderFile, naming, handler);
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed on port {0}: {1}", port(), Failures.fullText(e));
                    sleepQuietly(100);
                }
            } catch (Throwable e) { // e.g. no memory or threads left: drop this connection, keep listening
                closeQuietly(s);
                if (!closed) {
                    LOG.log(System.Logger.Level.ERROR, "cannot serve a connection on port {0}: {1}", port(),
                            Failures.fullText(e));
                    sleepQuietly(100);
                }
            }
        }
    }

    /** Starts a thread that serves the connection, or rejects it when {@code maxAssociations} are running. */
    private void dispatch(GuardedSocket s, File folderFile, StoredFilePathStrategy naming, ReceivedObjectHandler handler) {
        boolean admitted = active.incrementAndGet() <= maxAssociations;
        if (admitted) {
            s.holdPlace(active);
        } else {
            active.decrementAndGet();
            if (rejecting.incrementAndGet() > maxAssociations) { // a flood: do not even answer
                rejecting.decrementAndGet();
                LOG.log(System.Logger.Level.WARNING, "connection from {0} dropped: {1} associations running",
                        s.getRemoteSocketAddress(), maxAssociations);
                closeQuietly(s);
                return;
            }
        }
        connections.add(s);
        Runnable work = admitted ? () -> serve(s, folderFile, naming, handler) : () -> reject(s);
        Thread t;
        try {
            t = Thread.ofVirtual().name("dicom-scp " + aeTitle + " from " + s.getRemoteSocketAddress()).unstarted(work);
            workers.add(t);
            t.start();
        } catch (Throwable e) {
            if (admitted) {
                s.givePlaceBack();
            } else {
                rejecting.decrementAndGet();
            }
            connections.remove(s);
            throw e;
        }
    }

    /**
     * Runs one association with PixelMed's SCP (which checks the called AE title and negotiates). Whatever
     * is thrown, errors included, ends this association only.
     */
    private void serve(GuardedSocket s, File folderFile, StoredFilePathStrategy naming, ReceivedObjectHandler handler) {
        try {
            s.setSoTimeout(REQUEST_TIMEOUT_MS); // until the A-ASSOCIATE-RQ is in; then IDLE_TIMEOUT_MS
            s.setTcpNoDelay(true); // small responses go out at once instead of waiting for delayed ACKs
            new StorageSOPClassSCP(s, aeTitle, AssociationFactory.getDefaultMaximumLengthReceived(),
                    AssociationFactory.getDefaultReceiveBufferSize(), AssociationFactory.getDefaultSendBufferSize(),
                    folderFile, naming, handler, null, null, null, new ApplicationEntityMap(),
                    new AnyExplicitStorePresentationContextSelectionPolicy()).run();
        } catch (Throwable e) {
            if (!closed) {
                LOG.log(e instanceof Exception ? System.Logger.Level.WARNING : System.Logger.Level.ERROR,
                        "association from {0} failed: {1}", s.getRemoteSocketAddress(), Failures.fullText(e));
            }
        } finally {
            String violation = s.violation();
            if (violation != null && !closed) {
                LOG.log(System.Logger.Level.WARNING, "association from {0} aborted: it sent {1}",
                        s.getRemoteSocketAddress(), violation);
                sendQuietly(s, PduGuard.abortPdu());
            }
            s.givePlaceBack(); // before closing: the peer may connect again as soon as it sees the close
            closeQuietly(s);
            connections.remove(s);
            workers.remove(Thread.currentThread());
        }
    }

    /**
     * Answers a connection over the association limit: reads its A-ASSOCIATE-RQ (through the guard, so no
     * more than {@link PduGuard#MAX_ASSOCIATION_PDU}) and rejects it as transient, local limit exceeded.
     */
    private void reject(GuardedSocket s) {
        try {
            s.setSoTimeout(2000);
            InputStream in = s.getInputStream();
            byte[] header = in.readNBytes(6);
            if (header.length == 6 && header[0] == 1) {
                long length = ((header[2] & 0xFFL) << 24) | ((header[3] & 0xFFL) << 16) | ((header[4] & 0xFFL) << 8)
                        | (header[5] & 0xFFL);
                in.skipNBytes(length);
                sendQuietly(s, PduGuard.rejectLocalLimitPdu());
                s.shutdownOutput();
                in.read(); // wait (briefly) for the peer to close, so that it reads the rejection first
            }
            LOG.log(System.Logger.Level.INFO, "association from {0} rejected: {1} associations running",
                    s.getRemoteSocketAddress(), maxAssociations);
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.DEBUG, "rejecting the association from {0} failed: {1}",
                    s.getRemoteSocketAddress(), Failures.fullText(e));
        } finally {
            rejecting.decrementAndGet();
            closeQuietly(s);
            connections.remove(s);
            workers.remove(Thread.currentThread());
        }
    }

    private static void sendQuietly(Socket s, byte[] pdu) {
        try {
            OutputStream out = s.getOutputStream();
            out.write(pdu);
            out.flush();
        } catch (IOException e) {
            // the peer is gone
        }
    }

    /** Accepts connections as {@link GuardedSocket}s. */
    private static final class GuardedServerSocket extends ServerSocket {
        GuardedServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            if (isClosed()) {
                throw new SocketException("Socket is closed");
            }
            GuardedSocket s = new GuardedSocket();
            implAccept(s);
            return s;
        }
    }

    /**
     * A connection whose input passes a {@link PduGuard}; once the first PDU (the A-ASSOCIATE-RQ) is in,
     * the read timeout becomes {@link #IDLE_TIMEOUT_MS}. Its place among the running associations is given
     * back when the peer asks for release or aborts (PixelMed then still waits up to 5 s before it closes
     * the connection, which should not keep others out) or when the connection ends.
     */
    private static final class GuardedSocket extends Socket {
        private PduGuard guard;
        private volatile AtomicInteger places;

        void holdPlace(AtomicInteger active) {
            places = active;
        }

        void givePlaceBack() {
            AtomicInteger p = places;
            if (p != null) {
                synchronized (this) {
                    if (places != null) {
                        places = null;
                        p.decrementAndGet();
                    }
                }
            }
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (guard == null) {
                guard = new PduGuard(super.getInputStream()) {
                    @Override
                    void pduAccepted(int type) {
                        if (type == 5 || type == 7) { // A-RELEASE-RQ, A-ABORT
                            givePlaceBack();
                        }
                    }

                    @Override
                    void firstPduComplete() {
                        try {
                            setSoTimeout(IDLE_TIMEOUT_MS);
                        } catch (SocketException e) {
                            // closed meanwhile
                        }
                    }
                };
            }
            return guard;
        }

        synchronized String violation() {
            return guard == null ? null : guard.violation();
        }
    }

    /** PixelMed reports each stored file here; we add the UIDs and call the user's callback. */
    private final class Indications extends ReceivedObjectHandler {
        @Override
        public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAETitle) {
            if (fileName == null) {
                return;
            }
            File file = new File(fileName);
            String[] uids = LocalHeader.storedUids(file);
            ReceivedObject received = new ReceivedObject(file.toPath().toAbsolutePath(),
                    callingAETitle == null ? "" : callingAETitle.strip(), uids[0], uids[1]);
            try {
                onReceived.accept(received);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "onReceived failed for {0}: {1}", fileName, Failures.fullText(e));
            }
        }
    }

    /**
     * Names stored files {@code <SOP Instance UID>.dcm} directly in the folder. A UID from the network is
     * not trusted as a path: anything other than digits and dots is replaced, so it cannot leave the folder.
     */
    private static final class UidFileNames extends StoredFilePathStrategy {
        @Override
        public String makeStoredFilePath(String sopInstanceUID) {
            return safeStem(sopInstanceUID) + ".dcm";
        }

        @Override
        public String toString() {
            return "<SOPInstanceUID>.dcm";
        }
    }

    static String safeStem(String uid) {
        String s = uid == null ? "" : uid.strip();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 64; i++) {
            char c = s.charAt(i);
            b.append((c >= '0' && c <= '9') || c == '.' ? c : '_');
        }
        String stem = b.toString();
        return stem.isEmpty() || stem.chars().allMatch(c -> c == '.') ? "unnamed_" + System.nanoTime() : stem;
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }

    private static void join(Thread t, long ms) {
        try {
            t.join(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
