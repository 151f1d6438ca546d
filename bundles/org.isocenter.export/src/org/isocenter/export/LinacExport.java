/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.isocenter.core.progress.ProgressMonitor;

/**
 * The export workflow a wizard or the CLI drives after {@link PackageBuilder}: send the package with a chosen
 * {@link LinacExporter} to a destination (progress and cancellation through the monitor), read back and verify, and
 * append an {@link AuditEntry} to the {@link AuditLog} — also for refusals and for retries of what was not delivered.
 */
public final class LinacExport {

    /** What one send (or retry) gave: the delivery report, the read-back check (null when not done), the audit entry. */
    public record Result(ExportReport report, VerificationReport verification, AuditEntry audit) {

        /** Every applicable item delivered and, when verified, found intact. */
        public boolean success() {
            return report.success() && (verification == null || verification.passed());
        }
    }

    private LinacExport() {
    }

    /**
     * Sends {@code pkg}, verifies it (from {@code readBack}, or the destination itself when the exporter can read it)
     * and records the audit entry in {@code log} (none when null).
     */
    public static Result send(ExportPackage pkg, LinacExporter exporter, ExportDestination destination, Path readBack,
            AuditLog log, String user, ProgressMonitor monitor) throws IOException {
        requireSupported(exporter, destination);
        ExportReport report = exporter.export(pkg, destination, monitor);
        return finish("EXPORT", pkg, exporter, destination, report, readBack, log, user);
    }

    /** Sends again only what {@code previous} did not deliver, and reports the merged outcome. */
    public static Result retry(ExportPackage pkg, ExportReport previous, LinacExporter exporter, ExportDestination destination,
            Path readBack, AuditLog log, String user, ProgressMonitor monitor) throws IOException {
        requireSupported(exporter, destination);
        List<PackageItem> missing = previous.undelivered();
        if (missing.isEmpty()) {
            return finish("RETRY", pkg, exporter, destination, previous, readBack, log, user);
        }
        ExportReport again = exporter.export(pkg.subset(missing), destination, monitor);
        return finish("RETRY", pkg, exporter, destination, previous.mergedWith(again), readBack, log, user);
    }

    /** Records a refused export (e.g. patients or frames that disagree) in the audit log and returns the entry. */
    public static AuditEntry refused(Path planFile, ExportRefusedException refusal, String exporterId, String destination,
            AuditLog log, String user) throws IOException {
        AuditEntry e = new AuditEntry(Instant.now().toString(), user, host(), "EXPORT", "", "", "", "", exporterId,
                destination, "REFUSED", "NOT_DONE", 0, 0, List.of(), "plan " + planFile + ": " + String.join("; ",
                        refusal.reasons()));
        if (log != null) {
            log.append(e);
        }
        return e;
    }

    private static Result finish(String action, ExportPackage pkg, LinacExporter exporter, ExportDestination destination,
            ExportReport report, Path readBack, AuditLog log, String user) throws IOException {
        VerificationReport verification = null;
        String note = "";
        try {
            verification = exporter.verify(report, destination, readBack);
        } catch (IOException e) {
            note = "not verified: " + e.getMessage();
        }
        List<AuditEntry.FileOutcome> files = new ArrayList<>();
        for (ExportReport.ItemResult r : report.items()) {
            files.add(new AuditEntry.FileOutcome(r.item().role().name(), r.item().sopInstanceUid(), r.item().name(),
                    r.outcome().name()));
        }
        int delivered = report.delivered().size();
        String result = report.success() ? "SUCCESS" : delivered == 0 ? "FAILED" : "INCOMPLETE";
        String verified = verification == null ? "NOT_DONE" : verification.passed() ? "PASSED" : "FAILED";
        List<String> detail = new ArrayList<>(report.messages());
        if (!note.isEmpty()) {
            detail.add(note);
        }
        AuditEntry entry = new AuditEntry(Instant.now().toString(), user, host(), action, pkg.patient().patientId(),
                pkg.patient().patientName(), pkg.planLabel(), pkg.planSopInstanceUid(), exporter.id(), destination.describe(),
                result, verified, report.items().size(), delivered, files, String.join("; ", detail));
        if (log != null) {
            log.append(entry);
        }
        return new Result(report, verification, entry);
    }

    private static void requireSupported(LinacExporter exporter, ExportDestination destination) {
        if (!exporter.supports(destination)) {
            throw new IllegalArgumentException("exporter '" + exporter.id() + "' cannot deliver to " + destination.describe());
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }
}
