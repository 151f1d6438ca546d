/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.isocenter.core.progress.CancelledException;
import org.isocenter.export.DrrSettings;
import org.isocenter.export.ExportDestination;
import org.isocenter.export.ExportPackage;
import org.isocenter.export.ExportRefusedException;
import org.isocenter.export.ExportReport;
import org.isocenter.export.LinacExport;
import org.isocenter.export.LinacExporter;
import org.isocenter.export.PackageBuilder;
import org.isocenter.export.PackageItem;
import org.isocenter.export.PackageRequest;
import org.isocenter.export.VerificationReport;
import org.isocenter.ui.internal.jobs.EclipseProgress;

/**
 * One export started by the wizard: builds the package (again, with DRRs, when they were asked for; else the
 * wizard's checked package is sent as is), sends it through {@link LinacExport} in an Eclipse Job (progress,
 * cancel), keeps the latest {@link LinacExport.Result} and retries what was not delivered. Every send, retry and
 * refusal is appended to the {@link ExportAudit} log. Success is claimed only when {@link LinacExport.Result#success()}
 * holds: every applicable file delivered and, when read back, found intact. Listeners hear of each new state (on the
 * job's thread).
 */
public final class ExportRun {

    /** One row of the status table: a package file and what happened to it. */
    public record FileRow(String file, String role, String outcome, int attempts, String check, String detail) {
    }

    private final ExportSource source;
    private final PackageRequest request;
    private final ExportPackage checked;
    private final DrrSettings drrs;
    private final LinacExporter exporter;
    private final ExportDestination destination;
    private final Path readBack;
    private final List<Consumer<ExportRun>> listeners = new CopyOnWriteArrayList<>();

    private volatile ExportPackage pkg;
    private volatile LinacExport.Result result;
    private volatile List<String> refusals = List.of();
    private volatile String error = "";
    private volatile boolean cancelled;
    private volatile boolean running;
    private Path drrFolder;

    /**
     * @param checked the package the wizard built and showed (no DRRs); rebuilt with DRRs when {@code drrs} is set
     * @param readBack where a DICOM node's received files can be read for verification, or null
     */
    public ExportRun(ExportSource source, PackageRequest request, ExportPackage checked, DrrSettings drrs,
            LinacExporter exporter, ExportDestination destination, Path readBack) {
        this.source = Objects.requireNonNull(source, "source");
        this.request = Objects.requireNonNull(request, "request");
        this.checked = checked;
        this.drrs = drrs;
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.readBack = readBack;
    }

    public void addListener(Consumer<ExportRun> listener) {
        listeners.add(listener);
    }

    /** Schedules the export job (a user job: progress dialog or the Progress view, with cancel). */
    public Job start() {
        return schedule(NLS.bind(Messages.ExportRun_exportJob, source.planFile().getFileName(), destination.describe()), this::send);
    }

    /** Schedules a job that sends again only what was not delivered; null when there is nothing to retry. */
    public Job retry() {
        if (!canRetry()) {
            return null;
        }
        return schedule(NLS.bind(Messages.ExportRun_retryJob, result.report().undelivered().size(), destination.describe()),
                this::sendAgain);
    }

    private interface Step {
        void run(EclipseProgress progress) throws Exception;
    }

    private Job schedule(String name, Step step) {
        running = true;
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                error = "";
                cancelled = false;
                try {
                    step.run(new EclipseProgress(monitor));
                } catch (CancelledException e) {
                    cancelled = true;
                    error = Messages.ExportRun_cancelled;
                } catch (IOException | RuntimeException e) {
                    error = e.getMessage() == null ? e.toString() : e.getMessage();
                } catch (Exception e) {
                    error = e.toString();
                } finally {
                    running = false;
                    ExportAudit.changed();
                    listeners.forEach(l -> l.accept(ExportRun.this));
                }
                // the outcome is shown in the status table; an ERROR status would add a second, modal report
                return cancelled ? Status.CANCEL_STATUS : Status.OK_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
    }

    private void send(EclipseProgress progress) throws Exception {
        ExportPackage p = checked;
        try {
            if (drrs != null || p == null) {
                PackageRequest r = request;
                if (drrs != null) {
                    drrFolder = Files.createTempDirectory("isocenter-drr-");
                    r = r.withDrrs(drrs, drrFolder);
                }
                p = new PackageBuilder().build(r, progress);
            }
        } catch (ExportRefusedException e) {
            refusals = e.reasons();
            LinacExport.refused(source.planFile(), e, exporter.id(), destination.describe(), ExportAudit.log(),
                    ExportAudit.user());
            return;
        }
        pkg = p;
        result = LinacExport.send(p, exporter, destination, readBack, ExportAudit.log(), ExportAudit.user(), progress);
    }

    private void sendAgain(EclipseProgress progress) throws Exception {
        result = LinacExport.retry(pkg, result.report(), exporter, destination, readBack, ExportAudit.log(),
                ExportAudit.user(), progress);
    }

    /** Deletes the DRR files written for this export (after the status table is closed: a retry may need them). */
    public void dispose() {
        if (drrFolder == null || !Files.exists(drrFolder)) {
            return;
        }
        try (Stream<Path> s = Files.walk(drrFolder)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // temporary files: the OS cleans them up later
        }
    }

    public boolean running() {
        return running;
    }

    /** The latest delivery result, null before the first send finished or when refused. */
    public LinacExport.Result result() {
        return result;
    }

    /** Why the package was refused (when DRRs made PackageBuilder run again); empty otherwise. */
    public List<String> refusals() {
        return refusals;
    }

    /** The error that stopped the last send or retry (e.g. a folder that is not empty), empty when none. */
    public String error() {
        return error;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Every applicable file delivered and, when read back, intact; never true otherwise. */
    public boolean success() {
        return !running && result != null && result.success() && error.isEmpty();
    }

    /** Whether some files were not delivered (failed or not sent) and can be sent again. */
    public boolean canRetry() {
        return !running && result != null && !result.report().undelivered().isEmpty();
    }

    public ExportDestination destination() {
        return destination;
    }

    public LinacExporter exporter() {
        return exporter;
    }

    /** The package sent, null before the send. */
    public ExportPackage exportPackage() {
        return pkg;
    }

    /** One sentence for the top of the status table. */
    public String summary() {
        if (running) {
            return Messages.ExportRun_exporting;
        }
        if (!refusals.isEmpty()) {
            return NLS.bind(Messages.ExportRun_refused, String.join("; ", refusals));
        }
        if (result == null) {
            return NLS.bind(Messages.ExportRun_failed, error.isEmpty() ? Messages.ExportRun_noResult : error);
        }
        ExportReport r = result.report();
        VerificationReport v = result.verification();
        long applicable = r.items().stream().filter(i -> i.outcome() != ExportReport.Outcome.NOT_APPLICABLE).count();
        long bad = v == null ? 0 : v.items().stream().filter(i -> i.check() != VerificationReport.Check.MATCH
                && i.check() != VerificationReport.Check.NOT_CHECKED).count();
        String verified = v == null ? Messages.ExportRun_notVerifiedByReadBack
                : bad > 0 ? (v.problems().isEmpty() ? NLS.bind(Messages.ExportRun_verificationFailed, bad)
                        : NLS.bind(Messages.ExportRun_verificationFailedProblems, bad, String.join("; ", v.problems())))
                : v.count(VerificationReport.Check.MATCH) > 0
                        ? NLS.bind(Messages.ExportRun_verified, v.count(VerificationReport.Check.MATCH))
                        : Messages.ExportRun_nothingToVerify;
        String retryError = error.isEmpty() ? "" : NLS.bind(Messages.ExportRun_lastAttempt, error);
        List<String> notMeant = r.items().stream().filter(i -> i.outcome() == ExportReport.Outcome.NOT_APPLICABLE)
                .map(i -> i.item().name()).toList();
        if (!notMeant.isEmpty()) {
            retryError += NLS.bind(Messages.ExportRun_notMeant, destination.describe(), String.join(", ", notMeant));
        }
        if (result.success()) {
            return NLS.bind(Messages.ExportRun_complete, new Object[] { applicable, destination.describe(), verified,
                    retryError });
        }
        return NLS.bind(Messages.ExportRun_notComplete, new Object[] { r.delivered().size(), applicable,
                r.undelivered().size(), r.count(ExportReport.Outcome.FAILED), r.count(ExportReport.Outcome.NOT_SENT),
                cancelled ? Messages.ExportRun_cancelledSuffix : "", verified, retryError });
    }

    /** The status table: every package file with its outcome, attempts, read-back check and detail. */
    public List<FileRow> rows() {
        LinacExport.Result r = result;
        if (r == null) {
            return List.of();
        }
        Map<PackageItem, VerificationReport.ItemCheck> checks = new HashMap<>();
        if (r.verification() != null) {
            r.verification().items().forEach(c -> checks.put(c.item(), c));
        }
        List<FileRow> rows = new ArrayList<>();
        for (ExportReport.ItemResult i : r.report().items()) {
            VerificationReport.ItemCheck c = checks.get(i.item());
            String check = c != null ? c.check().name() : r.verification() == null ? "not verified" : "";
            String detail = i.detail() + (c != null && !c.detail().isEmpty() && c.check() != VerificationReport.Check.MATCH
                    ? "; " + c.detail() : "");
            rows.add(new FileRow(i.item().name(), i.item().role().name(), i.outcome().name(), i.attempts(), check, detail));
        }
        return rows;
    }
}
