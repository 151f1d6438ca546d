/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import com.pixelmed.network.VerificationSOPClassSCU;

/**
 * Checks that a remote DICOM node is reachable and accepts us, with a C-ECHO (Verification SOP Class,
 * the "DICOM ping"). Instances hold no state and may be shared between threads. What the remote node
 * sends is checked before PixelMed parses it (PDU types and lengths, see {@link StorageServer}).
 */
public final class VerificationClient {

    public VerificationClient() {
    }

    /**
     * Opens an association to {@code remote}, sends one C-ECHO and releases the association. Never
     * throws for network problems: an unreachable, rejecting, or silent peer gives {@code success=false}
     * with a message naming the peer and the reason. The call returns within about {@code timeoutMs}
     * even if the peer accepts the TCP connection and then says nothing; the abandoned connection is
     * closed. If the calling thread is interrupted, the echo is abandoned and the interrupt flag kept.
     *
     * @param callingAeTitle our AE title (1..16 characters), as the peer may check it
     * @param remote         the node to check
     * @param timeoutMs      milliseconds allowed for the whole exchange (connect, associate, echo,
     *                       release); must be positive
     * @throws IllegalArgumentException when the calling AE title is invalid or the timeout not positive
     */
    public EchoResult echo(String callingAeTitle, DicomNode remote, int timeoutMs) {
        String calling = DicomNode.checkAeTitle(callingAeTitle, "calling AE title");
        Objects.requireNonNull(remote, "remote");
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeoutMs + " ms");
        }
        long start = System.nanoTime();
        AtomicReference<PduRelay> relay = new AtomicReference<>();
        FutureTask<Void> task = new FutureTask<>(() -> {
            // PixelMed talks to the remote node through a relay that checks what the node sends
            try (PduRelay r = PduRelay.open(remote)) {
                relay.set(r);
                // connects, negotiates, echoes and releases in the constructor; throws on any failure
                new VerificationSOPClassSCU(r.localHost(), r.localPort(), remote.aeTitle(), calling, false);
            }
            return null;
        });
        // a virtual thread: interrupting it closes a socket it is blocked on, so an abandoned echo ends
        Thread.ofVirtual().name("dicom-echo " + remote).start(task);
        try {
            task.get(timeoutMs, TimeUnit.MILLISECONDS);
            long ms = millisSince(start);
            return new EchoResult(true, ms, "C-ECHO to " + remote + " succeeded in " + ms + " ms");
        } catch (TimeoutException e) {
            task.cancel(true);
            closeQuietly(relay.get());
            return new EchoResult(false, millisSince(start), "no answer from " + remote + " within " + timeoutMs + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            PduRelay r = relay.get();
            String violation = r == null ? null : r.describeViolation();
            return new EchoResult(false, millisSince(start),
                    violation != null ? violation : Failures.describe(cause, remote));
        } catch (InterruptedException e) {
            task.cancel(true);
            closeQuietly(relay.get());
            Thread.currentThread().interrupt();
            return new EchoResult(false, millisSince(start), "C-ECHO to " + remote + " was cancelled");
        }
    }

    private static void closeQuietly(PduRelay r) {
        if (r != null) {
            r.close();
        }
    }

    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
