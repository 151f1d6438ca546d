package org.isocenter.dicom.net;

import java.io.File;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.AnyExplicitStorePresentationContextSelectionPolicy;
import com.pixelmed.network.ApplicationEntityMap;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCP;

/**
 * A DICOM Storage SCP: listens on a TCP port (all interfaces), accepts associations addressed to its AE
 * title from any calling AE, answers C-ECHO, and stores every object received with C-STORE as
 * {@code <storage folder>/<SOP Instance UID>.dcm} (a Part 10 file with File Meta Information; an object
 * received again replaces the earlier file). Associations whose called AE title differs are rejected
 * ("called AE title not recognized"). Accepted SOP classes are Verification and the image and non-image
 * Storage SOP classes PixelMed knows; accepted transfer syntaxes are implicit VR little endian and any
 * explicit VR syntax PixelMed recognises, compressed ones included (stored as received).
 * <p>
 * Each association runs on its own thread; {@code onReceived} is called on that thread after the file is
 * complete and before the sender gets its C-STORE response, possibly concurrently for concurrent
 * associations. An exception thrown by {@code onReceived} is logged and does not affect the transfer.
 * An association idle for {@link #IDLE_TIMEOUT_MS} is dropped. While a transfer is in progress the
 * folder holds a temporary file (name without ".dcm") that is renamed when complete.
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

    private static final System.Logger LOG = System.getLogger(StorageServer.class.getName());

    private final String aeTitle;
    private final Path folder;
    private final ServerSocket serverSocket;
    private final Consumer<ReceivedObject> onReceived;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private StorageServer(String aeTitle, Path folder, ServerSocket serverSocket, Consumer<ReceivedObject> onReceived) {
        this.aeTitle = aeTitle;
        this.folder = folder;
        this.serverSocket = serverSocket;
        this.onReceived = onReceived;
        this.acceptor = Thread.ofPlatform().daemon().name("dicom-scp " + aeTitle + ":" + serverSocket.getLocalPort())
                .unstarted(this::acceptLoop);
    }

    /**
     * Starts listening and returns once the port is bound.
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
        String ae = DicomNode.checkAeTitle(aeTitle, "AE title");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
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
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (BindException e) {
            closeQuietly(socket);
            throw new NetworkException("cannot listen on port " + port + " for " + ae + ": port already in use"
                    + " or not permitted (" + Failures.fullText(e) + ")", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new NetworkException("cannot listen on port " + port + " for " + ae + ": " + Failures.fullText(e), e);
        }
        StorageServer server = new StorageServer(ae, folder, socket, onReceived == null ? r -> { } : onReceived);
        server.acceptor.start();
        return server;
    }

    /** The port actually listened on (the chosen one when started with port 0). */
    public int port() {
        return serverSocket.getLocalPort();
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
            Socket s;
            try {
                s = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed on port {0}: {1}", port(), Failures.fullText(e));
                    sleepQuietly(100);
                }
                continue;
            }
            if (closed) {
                closeQuietly(s);
                break;
            }
            connections.add(s);
            Thread t = Thread.ofVirtual().name("dicom-scp " + aeTitle + " from " + s.getRemoteSocketAddress())
                    .unstarted(() -> serve(s, folderFile, naming, handler));
            workers.add(t);
            t.start();
        }
    }

    /** Runs one association with PixelMed's SCP (which checks the called AE title and negotiates). */
    private void serve(Socket s, File folderFile, StoredFilePathStrategy naming, ReceivedObjectHandler handler) {
        try {
            s.setSoTimeout(IDLE_TIMEOUT_MS);
            s.setTcpNoDelay(true); // small responses go out at once instead of waiting for delayed ACKs
            new StorageSOPClassSCP(s, aeTitle, AssociationFactory.getDefaultMaximumLengthReceived(),
                    AssociationFactory.getDefaultReceiveBufferSize(), AssociationFactory.getDefaultSendBufferSize(),
                    folderFile, naming, handler, null, null, null, new ApplicationEntityMap(),
                    new AnyExplicitStorePresentationContextSelectionPolicy()).run();
        } catch (Exception e) {
            if (!closed) {
                LOG.log(System.Logger.Level.WARNING, "association from {0} failed: {1}", s.getRemoteSocketAddress(),
                        Failures.fullText(e));
            }
        } finally {
            closeQuietly(s);
            connections.remove(s);
            workers.remove(Thread.currentThread());
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
