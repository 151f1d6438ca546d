/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.MultipleInstanceTransferStatusHandlerWithFileName;
import com.pixelmed.network.PresentationContextListFactory;
import com.pixelmed.network.StorageSOPClassSCU;

/**
 * Sends DICOM files to a remote node with C-STORE (Storage SCU), over one association, and reports the
 * outcome of every file. Instances hold no state and may be shared between threads. What the remote node
 * sends is checked before PixelMed parses it (PDU types and lengths, see {@link StorageServer}); a
 * violation aborts the association and is reported naming the PDU.
 */
public final class StorageClient {

    private static final System.Logger LOG = System.getLogger(StorageClient.class.getName());

    /** How long to wait for the sending thread to finish after it was told to stop (timeout, cancel). */
    private static final long ABANDON_AFTER_MS = 2000;

    public StorageClient() {
    }

    /**
     * Sends {@code files} to {@code remote}. First each file's header is read: files that are not
     * readable DICOM, lack SOP Class/Instance UIDs, are a DICOMDIR, or whose File Meta Information
     * disagrees with the data set (Media Storage SOP Instance/Class UID) are reported FAILED and not sent;
     * the others are sent in input order over one association, with the transfer syntax of the file
     * (PixelMed converts to an accepted uncompressed syntax where needed).
     * <p>
     * {@code perFile} is called exactly once per file, on the calling thread, as each outcome becomes
     * known (locally refused files first). The returned report lists the files in input order.
     * <p>
     * {@code timeoutMs} limits each network step separately: establishing the association, each C-STORE
     * (sending one file and receiving the response, so it must allow for transferring the largest file),
     * and the release. When a step overruns, the connection is closed, the file in flight is FAILED and
     * the rest NOT_SENT. Interrupting the calling thread cancels the same way (interrupt flag kept).
     *
     * @param callingAeTitle our AE title (1..16 characters)
     * @param remote         the Storage SCP
     * @param files          the files to send (no nulls); may be empty
     * @param timeoutMs      milliseconds allowed per network step; must be positive
     * @param perFile        receives each file's status; may be null; an exception it throws stops the
     *                       send (connection closed) and propagates
     * @return one status per file, in input order, and the elapsed time
     * @throws NetworkException when no association could be established (refused connection, rejection,
     *                          no answer within the timeout); {@code perFile} then only saw locally
     *                          refused files
     * @throws IllegalArgumentException when the calling AE title is invalid or the timeout not positive
     */
    public StorageReport send(String callingAeTitle, DicomNode remote, List<Path> files, int timeoutMs,
            Consumer<FileStatus> perFile) throws NetworkException {
        String calling = DicomNode.checkAeTitle(callingAeTitle, "calling AE title");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(files, "files");
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeoutMs + " ms");
        }
        long start = System.nanoTime();
        Session session = new Session(calling, remote, List.copyOf(files), timeoutMs,
                perFile == null ? s -> { } : perFile);
        session.run();
        return new StorageReport(Arrays.asList(session.results), VerificationClient.millisSince(start));
    }

    private static String name(Path f) {
        Path n = f.getFileName();
        return n == null ? f.toString() : n.toString();
    }

    /**
     * One send: state shared between the calling thread (which watches the deadline and delivers statuses)
     * and a virtual worker thread (which runs PixelMed). Shared fields are guarded by {@code this}.
     */
    private static final class Session implements TappedAssociation.Listener {
        private final String calling;
        private final DicomNode remote;
        private final List<Path> files;
        private final int timeoutMs;
        private final Consumer<FileStatus> sink;

        final FileStatus[] results;
        private final boolean[] delivered;
        private final LocalHeader.Info[] infos;
        /** Input indexes of the files handed to PixelMed, in sending order. */
        private final List<Integer> queued = new ArrayList<>();
        private final OrderedDicomFiles set = new OrderedDicomFiles();
        /** Input indexes whose status is final and not yet delivered. */
        private final LinkedBlockingQueue<Integer> ready = new LinkedBlockingQueue<>();

        private long deadline = Long.MAX_VALUE;
        private String step = "";
        /** Number of per-file reports PixelMed has made; also the queue position of the file in flight. */
        private int cursor;
        private int status = FileStatus.NO_STATUS;
        private String errorComment;
        private Exception error;
        private String errorOperation;
        /** Set once the association is unusable (timeout, cancel, lost connection); null while fine. */
        private String endReason;
        private int endedAt = -1;
        private boolean timedOutWhileAssociating;
        private Association association;
        private Exception associationFailure;
        /** The guarded connection to the remote node, once made. */
        private PduRelay relay;

        Session(String calling, DicomNode remote, List<Path> files, int timeoutMs, Consumer<FileStatus> sink) {
            this.calling = calling;
            this.remote = remote;
            this.files = files;
            this.timeoutMs = timeoutMs;
            this.sink = sink;
            this.results = new FileStatus[files.size()];
            this.delivered = new boolean[files.size()];
            this.infos = new LocalHeader.Info[files.size()];
        }

        void run() throws NetworkException {
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                LocalHeader.Info info = LocalHeader.forSending(f);
                infos[i] = info;
                if (info.sendable()) {
                    set.addInOrder(f.toString(), info.sopClassUid(), info.sopInstanceUid(), info.transferSyntaxUid());
                    queued.add(i);
                } else {
                    finish(i, new FileStatus(f, info.sopInstanceUid(), FileStatus.Outcome.FAILED,
                            FileStatus.NO_STATUS, name(f) + ": " + info.problem() + "; not sent"));
                }
            }
            drain();
            if (queued.isEmpty()) {
                return;
            }
            LinkedList<?> contexts;
            try {
                contexts = PresentationContextListFactory.createNewPresentationContextList(set, 0);
            } catch (Exception e) {
                throw new NetworkException("cannot propose presentation contexts to " + remote + ": "
                        + Failures.fullText(e), e);
            }
            Thread worker = Thread.ofVirtual().name("dicom-store " + remote).start(() -> work(contexts));
            boolean cancelled = false;
            try {
                cancelled = watch(worker);
            } finally {
                if (worker.isAlive()) {
                    worker.interrupt();
                }
                synchronized (this) {
                    if (relay != null) {
                        relay.close();
                    }
                }
            }
            boolean associated;
            synchronized (this) {
                associated = association != null;
            }
            if (!associated && !cancelled) {
                synchronized (this) {
                    String violation = relay == null ? null : relay.describeViolation();
                    if (violation != null) {
                        throw new NetworkException(violation);
                    }
                    if (timedOutWhileAssociating) {
                        throw new NetworkException("no answer from " + remote + " within " + timeoutMs + " ms");
                    }
                    if (associationFailure != null) {
                        throw new NetworkException(Failures.describe(associationFailure, remote), associationFailure);
                    }
                    throw new NetworkException("could not establish an association with " + remote);
                }
            }
            synchronized (this) {
                // only after a cancel or an abandoned worker: the file in flight is FAILED, the rest NOT_SENT
                String why = endReason != null ? endReason : "the transfer ended early";
                for (int k = 0; k < queued.size(); k++) {
                    int i = queued.get(k);
                    if (results[i] != null) {
                        continue;
                    }
                    String n = name(files.get(i));
                    finish(i, associated && k == cursor
                            ? new FileStatus(files.get(i), infos[i].sopInstanceUid(), FileStatus.Outcome.FAILED,
                                    FileStatus.NO_STATUS, n + ": " + why + "; the peer may or may not have stored it")
                            : new FileStatus(files.get(i), infos[i].sopInstanceUid(), FileStatus.Outcome.NOT_SENT,
                                    FileStatus.NO_STATUS, n + ": not sent: " + why));
                }
            }
            drain();
        }

        /**
         * Delivers statuses and enforces the step deadline until the worker ends; returns whether the
         * calling thread was interrupted (the interrupt flag is set again before returning).
         */
        private boolean watch(Thread worker) {
            boolean cancelled = false;
            long abandonAt = Long.MAX_VALUE;
            try {
                while (true) {
                    drain();
                    if (!worker.isAlive()) {
                        drain();
                        return cancelled;
                    }
                    long now = System.nanoTime();
                    long waitMs;
                    synchronized (this) {
                        if (endReason == null && now - deadline >= 0) {
                            endReason = "no answer from " + remote + " within " + timeoutMs + " ms ("
                                    + step + "); connection closed";
                            endedAt = cursor;
                            timedOutWhileAssociating = association == null;
                            worker.interrupt(); // on a virtual thread this closes the socket it is blocked on
                            abandonAt = now + TimeUnit.MILLISECONDS.toNanos(ABANDON_AFTER_MS);
                        }
                        waitMs = endReason != null || deadline == Long.MAX_VALUE ? 20
                                : Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(deadline - now) + 1));
                    }
                    if (now - abandonAt >= 0) {
                        LOG.log(System.Logger.Level.WARNING, "sending thread to {0} did not stop; abandoned", remote);
                        return cancelled;
                    }
                    try {
                        Integer done = ready.poll(waitMs, TimeUnit.MILLISECONDS);
                        if (done != null) {
                            deliver(done);
                        }
                    } catch (InterruptedException e) {
                        cancelled = true;
                        synchronized (this) {
                            if (endReason == null) {
                                endReason = "cancelled";
                                endedAt = cursor;
                            }
                        }
                        worker.interrupt();
                        abandonAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ABANDON_AFTER_MS);
                    }
                }
            } finally {
                if (cancelled) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Runs on the worker thread: associate, let PixelMed send everything, release. */
        private void work(LinkedList<?> contexts) {
            Association a;
            try {
                begin("establishing the association");
                PduRelay r = PduRelay.open(remote);
                synchronized (this) {
                    relay = r;
                    if (endReason != null) { // timed out or cancelled while connecting
                        r.close();
                        return;
                    }
                }
                a = AssociationFactory.createNewAssociation(r.localHost(), r.localPort(), remote.aeTitle(), calling,
                        new LinkedList<Object>(contexts), null, false);
            } catch (Exception e) {
                synchronized (this) {
                    associationFailure = e;
                    deadline = Long.MAX_VALUE;
                }
                return;
            }
            synchronized (this) {
                deadline = Long.MAX_VALUE;
                if (endReason != null) { // timed out or cancelled just as the association came through
                    abortQuietly(a);
                    return;
                }
                association = a;
            }
            // the constructor sends all files, reporting each through the handler; it traps exceptions itself
            new StorageSOPClassSCU(new TappedAssociation(a, this), set, new Handler());
            boolean release;
            synchronized (this) {
                release = endReason == null;
                if (release) {
                    begin("releasing the association");
                }
            }
            if (release) {
                try {
                    a.release();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.DEBUG, "release of association with {0} failed: {1}", remote,
                            Failures.fullText(e));
                } finally {
                    synchronized (this) {
                        deadline = Long.MAX_VALUE;
                    }
                }
            } else {
                abortQuietly(a);
            }
        }

        private static void abortQuietly(Association a) {
            try {
                a.abort();
            } catch (Exception e) {
                // the connection is already gone
            }
        }

        private synchronized void begin(String what) {
            if (endReason == null) {
                step = what;
                deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            }
        }

        @Override
        public synchronized void exchangeStarted() {
            status = FileStatus.NO_STATUS;
            errorComment = null;
            String file = cursor < queued.size() ? name(files.get(queued.get(cursor))) : "?";
            begin("C-STORE of " + file);
        }

        @Override
        public synchronized void statusReceived(int dimseStatus, String comment) {
            status = dimseStatus;
            errorComment = comment == null || comment.isEmpty() ? null : comment;
        }

        @Override
        public synchronized void failed(String operation, Exception e, boolean connectionLevel) {
            if (error == null) {
                error = e;
                errorOperation = operation;
            }
            if (connectionLevel && endReason == null) {
                String violation = relay == null ? null : relay.describeViolation();
                endReason = violation != null ? violation : Failures.describe(e, remote);
                endedAt = cursor;
            }
        }

        /** PixelMed reports one file: decide its outcome from what the tap saw. */
        private synchronized void fileDone(boolean pixelmedSuccess) {
            deadline = Long.MAX_VALUE;
            int k = cursor++;
            if (k >= queued.size()) {
                return;
            }
            int idx = queued.get(k);
            Path f = files.get(idx);
            String n = name(f);
            String uid = infos[idx].sopInstanceUid();
            FileStatus s;
            if (endReason != null && k > endedAt) {
                s = new FileStatus(f, uid, FileStatus.Outcome.NOT_SENT, FileStatus.NO_STATUS, n + ": not sent: " + endReason);
            } else if (endReason != null && k == endedAt && status < 0) {
                s = new FileStatus(f, uid, FileStatus.Outcome.FAILED, FileStatus.NO_STATUS,
                        n + ": " + endReason + "; the peer may or may not have stored it");
            } else if (status == 0) {
                s = new FileStatus(f, uid, FileStatus.Outcome.STORED, 0, n + ": stored on " + remote);
            } else if (status > 0 && Failures.isWarning(status)) {
                s = new FileStatus(f, uid, FileStatus.Outcome.WARNING, status, n + ": stored on " + remote
                        + " with warning " + Failures.hex(status) + " (" + Failures.storeStatusText(status) + ")"
                        + (errorComment == null ? "" : ": " + errorComment));
            } else if (status > 0) {
                s = new FileStatus(f, uid, FileStatus.Outcome.FAILED, status, n + ": refused by " + remote
                        + " with status " + Failures.hex(status) + " (" + Failures.storeStatusText(status) + ")"
                        + (errorComment == null ? "" : ": " + errorComment));
            } else if (pixelmedSuccess) {
                s = new FileStatus(f, uid, FileStatus.Outcome.STORED, 0, n + ": stored on " + remote);
            } else if (error != null && "getSuitablePresentationContextID".equals(errorOperation)) {
                s = new FileStatus(f, uid, FileStatus.Outcome.FAILED, FileStatus.NO_STATUS, n + ": " + remote
                        + " accepted no presentation context for SOP class " + infos[idx].sopClassUid()
                        + " (transfer syntax " + infos[idx].transferSyntaxUid() + "); not sent");
            } else if (error != null) {
                s = new FileStatus(f, uid, FileStatus.Outcome.FAILED, FileStatus.NO_STATUS,
                        n + ": " + Failures.describe(error, remote));
            } else {
                s = new FileStatus(f, uid, FileStatus.Outcome.FAILED, FileStatus.NO_STATUS,
                        n + ": C-STORE to " + remote + " failed without a response (see the log for PixelMed's reason)");
            }
            status = FileStatus.NO_STATUS;
            errorComment = null;
            error = null;
            errorOperation = null;
            finish(idx, s);
        }

        private synchronized void finish(int idx, FileStatus s) {
            if (results[idx] == null) {
                results[idx] = s;
                ready.add(idx);
            }
        }

        /** Delivers pending statuses; only on the calling thread. */
        private void drain() {
            Integer idx;
            while ((idx = ready.poll()) != null) {
                deliver(idx);
            }
        }

        private void deliver(int idx) {
            FileStatus s;
            synchronized (this) {
                if (delivered[idx]) {
                    return;
                }
                delivered[idx] = true;
                s = results[idx];
            }
            sink.accept(s);
        }

        /** PixelMed's per-file callback (one per file, in iteration order, on the worker thread). */
        private final class Handler extends MultipleInstanceTransferStatusHandlerWithFileName {
            @Override
            public void updateStatus(int nRemaining, int nCompleted, int nFailed, int nWarning, String sopInstanceUID,
                    String fileName, boolean success) {
                fileDone(success);
            }
        }
    }
}
