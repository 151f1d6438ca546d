/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.net.FileStatus;
import org.isocenter.dicom.net.NetworkException;
import org.isocenter.dicom.net.StorageClient;
import org.isocenter.dicom.net.StorageReport;
import org.isocenter.export.ExportDestination;
import org.isocenter.export.ExportPackage;
import org.isocenter.export.ExportReport;
import org.isocenter.export.LinacExporter;
import org.isocenter.export.PackageItem;
import org.isocenter.export.RetryPolicy;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code dicom} exporter: C-STORE of the package's DICOM objects to a record-and-verify system or treatment
 * console over one association per attempt, proposing only the SOP classes the files have (the dicom bundle's
 * {@link StorageClient}). Files not stored because of the network (no association, connection lost, timeout) are
 * sent again after the {@link RetryPolicy}'s back-off; a file the peer refused with an error status is reported
 * FAILED and not retried. An item is DELIVERED only on the peer's success (or warning) status. The couch correction
 * record is not DICOM: NOT_APPLICABLE here (the folder exporter carries it).
 */
@Component(service = LinacExporter.class, property = LinacExporter.ID_PROPERTY + "=dicom")
public final class DicomStoreExporter implements LinacExporter {

    @Override
    public String id() {
        return "dicom";
    }

    @Override
    public String displayName() {
        return "DICOM C-STORE (record-and-verify system / treatment console)";
    }

    @Override
    public boolean supports(ExportDestination destination) {
        return destination instanceof ExportDestination.DicomStore;
    }

    @Override
    public ExportReport export(ExportPackage pkg, ExportDestination destination, ProgressMonitor monitor) throws IOException {
        if (!(destination instanceof ExportDestination.DicomStore d)) {
            throw new IllegalArgumentException("the DICOM exporter cannot deliver to " + destination.describe());
        }
        Instant start = Instant.now();
        Map<PackageItem, ExportReport.ItemResult> results = new LinkedHashMap<>();
        Map<PackageItem, Integer> attempts = new HashMap<>();
        List<PackageItem> pending = new ArrayList<>();
        for (PackageItem i : pkg.items()) {
            if (i.isDicom()) {
                results.put(i, new ExportReport.ItemResult(i, ExportReport.Outcome.NOT_SENT, -1, 0, i.name() + ": not sent", ""));
                pending.add(i);
            } else {
                results.put(i, new ExportReport.ItemResult(i, ExportReport.Outcome.NOT_APPLICABLE, -1, 0,
                        i.name() + ": not DICOM; a DICOM node cannot take it (export it to a folder)", ""));
            }
        }
        List<String> messages = new ArrayList<>();
        RetryPolicy retry = d.retry();
        boolean cancelled = false;
        for (int attempt = 1; attempt <= retry.retries() + 1 && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                long wait = retry.delayBeforeRetryMs(attempt - 1);
                messages.add("attempt " + (attempt - 1) + " left " + pending.size() + " files undelivered; retrying in "
                        + wait + " ms");
                if (!sleep(wait, monitor)) {
                    cancelled = true;
                    break;
                }
            }
            Map<Path, PackageItem> byFile = new LinkedHashMap<>();
            for (PackageItem i : pending) {
                byFile.put(i.file(), i);
                attempts.merge(i, 1, Integer::sum);
            }
            monitor.begin("Sending " + byFile.size() + " objects to " + d.node() + (attempt > 1 ? " (attempt " + attempt + ")" : ""),
                    byFile.size());
            int n = attempt;
            StorageReport sent;
            AtomicBoolean interruptedByUs = new AtomicBoolean();
            Thread caller = Thread.currentThread();
            Thread watcher = Thread.ofVirtual().start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        if (monitor.isCancelled()) {
                            interruptedByUs.set(true);
                            caller.interrupt();
                            return;
                        }
                        Thread.sleep(100);
                    }
                } catch (InterruptedException e) {
                    // send finished
                }
            });
            try {
                sent = new StorageClient().send(d.callingAeTitle(), d.node(), new ArrayList<>(byFile.keySet()), d.timeoutMs(), s -> {
                    monitor.subTask(s.outcome() + " " + s.file().getFileName());
                    monitor.worked(1);
                });
            } catch (NetworkException e) {
                messages.add("attempt " + n + ": " + e.getMessage());
                for (PackageItem i : pending) {
                    results.put(i, new ExportReport.ItemResult(i, ExportReport.Outcome.NOT_SENT, -1, attempts.get(i),
                            i.name() + ": not sent: " + e.getMessage(), ""));
                }
                continue;
            } finally {
                watcher.interrupt();
                try {
                    watcher.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (interruptedByUs.get()) {
                    Thread.interrupted(); // our own cancel signal, not the caller's
                    cancelled = true;
                }
            }
            List<PackageItem> again = new ArrayList<>();
            for (FileStatus s : sent.files()) {
                PackageItem i = byFile.get(s.file());
                ExportReport.Outcome outcome = switch (s.outcome()) {
                    case STORED -> ExportReport.Outcome.DELIVERED;
                    case WARNING -> ExportReport.Outcome.DELIVERED_WITH_WARNING;
                    case FAILED -> ExportReport.Outcome.FAILED;
                    case NOT_SENT -> ExportReport.Outcome.NOT_SENT;
                };
                results.put(i, new ExportReport.ItemResult(i, outcome, s.dimseStatus(), attempts.get(i), s.message(), ""));
                boolean networkProblem = !s.isStored() && s.dimseStatus() == FileStatus.NO_STATUS;
                if (networkProblem) {
                    again.add(i);
                }
            }
            long stored = sent.files().stream().filter(FileStatus::isStored).count();
            messages.add("attempt " + n + ": " + stored + " of " + sent.files().size() + " stored at " + d.node() + " in "
                    + sent.elapsedMs() + " ms");
            pending = again;
            if (cancelled) {
                messages.add("cancelled");
                break;
            }
        }
        if (cancelled && !messages.contains("cancelled")) {
            messages.add("cancelled");
        }
        return new ExportReport(id(), destination.describe(), start, Instant.now(), new ArrayList<>(results.values()), messages);
    }

    /** Sleeps {@code ms}, waking to check for cancellation; false when cancelled or interrupted. */
    private static boolean sleep(long ms, ProgressMonitor monitor) {
        long end = System.nanoTime() + ms * 1_000_000;
        try {
            while (System.nanoTime() < end) {
                if (monitor.isCancelled()) {
                    return false;
                }
                Thread.sleep(Math.max(1, Math.min(50, (end - System.nanoTime()) / 1_000_000)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
