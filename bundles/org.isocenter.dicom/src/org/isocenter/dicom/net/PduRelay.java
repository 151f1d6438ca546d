/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Puts a {@link PduGuard} between PixelMed's association initiator and the remote node. PixelMed's
 * initiator opens its own socket from a host name and port and offers no way to wrap its input, so the
 * connection to the remote node is made here, and PixelMed is pointed at a one-shot listener on the
 * loopback interface whose only connection is relayed, both ways, to the remote node; what the remote
 * node sends passes the guard first. When the remote node breaks a limit, it gets an A-ABORT, both
 * connections are closed (PixelMed sees the connection end) and {@link #violation()} says why.
 */
final class PduRelay implements Closeable {

    private static final System.Logger LOG = System.getLogger(PduRelay.class.getName());

    /** How long PixelMed has to connect to the loopback listener. */
    private static final int LOCAL_ACCEPT_TIMEOUT_MS = 30_000;

    private final DicomNode remote;
    private final Socket outside;
    private final ServerSocket listener;
    private final PduGuard guard;
    private volatile Socket inside;
    private volatile boolean closed;

    private PduRelay(DicomNode remote, Socket outside, ServerSocket listener) throws IOException {
        this.remote = remote;
        this.outside = outside;
        this.listener = listener;
        this.guard = new PduGuard(outside.getInputStream());
    }

    /**
     * Connects to {@code remote} (blocking; on a virtual thread an interrupt ends the wait) and opens the
     * loopback listener PixelMed is to connect to ({@link #localHost()}, {@link #localPort()}).
     */
    static PduRelay open(DicomNode remote) throws IOException {
        Socket outside = new Socket();
        ServerSocket listener = null;
        try {
            outside.connect(new InetSocketAddress(remote.host(), remote.port()));
            outside.setTcpNoDelay(true);
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            listener.setSoTimeout(LOCAL_ACCEPT_TIMEOUT_MS);
        } catch (IOException | RuntimeException e) {
            closeQuietly(outside);
            closeQuietly(listener);
            throw e;
        }
        PduRelay relay = new PduRelay(remote, outside, listener);
        Thread.ofVirtual().name("dicom-relay " + remote).start(relay::run);
        return relay;
    }

    /** The host PixelMed is to connect to. */
    String localHost() {
        return listener.getInetAddress().getHostAddress();
    }

    /** The port PixelMed is to connect to. */
    int localPort() {
        return listener.getLocalPort();
    }

    /** What the remote node did wrong, or null. */
    String violation() {
        return guard.violation();
    }

    /** A sentence for the user when the remote node broke a limit, else null. */
    String describeViolation() {
        String v = violation();
        return v == null ? null : remote + " sent " + v + "; association aborted";
    }

    /** Closes both connections; the relay threads end. Calling it again does nothing. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        closeQuietly(inside);
        closeQuietly(outside);
    }

    private void run() {
        Socket s;
        try {
            s = listener.accept();
        } catch (SocketTimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "nothing connected to the relay for {0}", remote);
            close();
            return;
        } catch (IOException e) {
            close();
            return;
        } finally {
            closeQuietly(listener);
        }
        inside = s;
        if (closed) {
            close();
            return;
        }
        try {
            s.setTcpNoDelay(true);
        } catch (IOException e) {
            // only latency
        }
        Thread out = Thread.ofVirtual().name("dicom-relay to " + remote).start(this::pumpOut);
        pumpIn();
        try {
            out.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** Remote node to PixelMed, through the guard. */
    private void pumpIn() {
        Socket s = inside;
        byte[] buf = new byte[64 * 1024];
        try {
            OutputStream to = s.getOutputStream();
            int n;
            while ((n = guard.read(buf, 0, buf.length)) >= 0) {
                to.write(buf, 0, n);
            }
            to.flush();
            s.shutdownOutput(); // PixelMed reads what was relayed, then sees the end
        } catch (PduGuard.Violation e) {
            LOG.log(System.Logger.Level.WARNING, "{0}", describeViolation());
            try {
                OutputStream o = outside.getOutputStream();
                o.write(PduGuard.abortPdu());
                o.flush();
            } catch (IOException ignored) {
                // the peer may be gone already
            }
            close();
        } catch (IOException e) {
            close();
        }
    }

    /** PixelMed to the remote node, unchanged. */
    private void pumpOut() {
        Socket s = inside;
        byte[] buf = new byte[64 * 1024];
        try {
            InputStream from = s.getInputStream();
            OutputStream to = outside.getOutputStream();
            int n;
            while ((n = from.read(buf)) >= 0) {
                to.write(buf, 0, n);
            }
            to.flush();
            outside.shutdownOutput();
        } catch (IOException e) {
            close();
        }
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }
}
