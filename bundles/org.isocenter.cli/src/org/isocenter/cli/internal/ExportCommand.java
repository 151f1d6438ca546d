/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.net.DicomNode;
import org.isocenter.export.AuditLog;
import org.isocenter.export.DrrSettings;
import org.isocenter.export.ExportDestination;
import org.isocenter.export.ExportPackage;
import org.isocenter.export.ExportRefusedException;
import org.isocenter.export.ExportReport;
import org.isocenter.export.LinacExport;
import org.isocenter.export.LinacExporter;
import org.isocenter.export.LinacExporters;
import org.isocenter.export.PackageBuilder;
import org.isocenter.export.PackageItem;
import org.isocenter.export.PackageRequest;
import org.isocenter.export.RetryPolicy;
import org.isocenter.export.VerificationReport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code export --plan RTPLAN (--to host:port --aet AET | --to-folder DIR) [--drr]}: builds the plan's linac package
 * (planning CT, structure set, plan, DRRs, IGRT registrations and couch correction record found beside it), delivers
 * it by DICOM C-STORE (retries with back-off) or into a folder with a manifest, verifies it by read-back (folder;
 * DICOM with {@code --read-back DIR}) and appends to the audit log; JSON report with a status per file. Refusals
 * (patient or Frame of Reference disagree, no isocenter, a DRR whose beam's isocenter lies outside the planning CT or
 * that is nearly blank) print {@code "refused"}, one line per reason, and exit 1, as does any undelivered file.
 * {@code --drr-force} exports such DRRs anyway, each flagged in {@code "warnings"}, on stderr, in the package notes
 * and in the file's RT Image Description.
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=export")
public final class ExportCommand implements CliCommand {

    @Reference
    private LinacExporters exporters;

    private static final Set<String> OPTIONS = Set.of("--plan", "--to", "--aet", "--calling-aet", "--to-folder",
            "--timeout-ms", "--retries", "--retry-delay-ms", "--search", "--rtstruct", "--ct", "--registration",
            "--couch-record", "--drr-sid", "--drr-size", "--drr-spacing", "--drr-folder", "--read-back", "--audit", "--user",
            "--exporter");

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "--plan <RTPLAN> (--to host:port --aet AET | --to AE@host:port | --to-folder DIR) [--drr]"
                + " [--drr-sid 1500] [--drr-size 512] [--drr-spacing 0.8] [--drr-force]"
                + " [--calling-aet ISOCENTER] [--timeout-ms 10000] [--retries 3] [--retry-delay-ms 500]"
                + " [--rtstruct FILE] [--ct DIR] [--search DIR] [--registration FILE]"
                + " [--couch-record FILE] [--no-igrt] [--read-back DIR] [--audit DIR] [--user NAME] [--exporter ID]"
                + "  linac export: package, deliver, verify, audit";
    }

    @Override
    public JsonObject run(List<String> args, ProgressMonitor progress) throws Exception {
        List<String> rest = new ArrayList<>(args);
        boolean drr = rest.remove("--drr");
        boolean drrForce = rest.remove("--drr-force");
        boolean findIgrt = !rest.remove("--no-igrt");
        CliArgs a = new CliArgs(rest, OPTIONS);
        Path plan = a.existingFile("--plan");
        if (plan == null) {
            throw new CliUsageException("--plan <RTPLAN> is required");
        }
        if (a.has("--to") == a.has("--to-folder")) {
            throw new CliUsageException("give one destination: --to host:port (with --aet) or --to-folder DIR");
        }
        ExportDestination destination = a.has("--to") ? dicomDestination(a)
                : new ExportDestination.Folder(Path.of(a.required("--to-folder", "<folder>")));
        LinacExporter exporter = a.has("--exporter")
                ? exporters.byId(a.text("--exporter", "")).orElseThrow(() -> new CliUsageException("no exporter '"
                        + a.text("--exporter", "") + "'; available: " + exporters.available().stream()
                                .map(LinacExporter::id).toList()))
                : exporters.forDestination(destination).orElseThrow(() -> new CliUsageException(
                        "no exporter for " + destination.describe()));
        if (!exporter.supports(destination)) {
            throw new CliUsageException("exporter '" + exporter.id() + "' cannot deliver to " + destination.describe());
        }
        AuditLog audit = a.has("--audit") ? new AuditLog(Path.of(a.text("--audit", ""))) : AuditLog.inUserHome();
        String user = a.text("--user", System.getProperty("user.name", ""));

        PackageRequest request = PackageRequest.forPlan(plan)
                .withIgrt(paths(a, "--registration"), paths(a, "--couch-record"), findIgrt);
        if (a.has("--search")) {
            request = request.withSearchFolders(List.of(a.folder("--search")));
        }
        if (a.has("--rtstruct")) {
            request = request.withStructureSet(a.existingFile("--rtstruct"));
        }
        if (a.has("--ct")) {
            request = request.withPlanningCt(a.folder("--ct"));
        }
        Path drrFolder = null;
        boolean temporaryDrrs = false;
        if (drr) {
            int size = (int) a.number("--drr-size", DrrSettings.DEFAULT.rows(), 16, 4096);
            DrrSettings settings = DrrSettings.DEFAULT
                    .withSourceToImageDistanceMm(a.number("--drr-sid", DrrSettings.DEFAULT.sourceToImageDistanceMm(), 100, 5000))
                    .withReceptor(size, size, a.number("--drr-spacing", DrrSettings.DEFAULT.pixelSpacingMm(), 0.01, 10));
            if (a.has("--drr-folder")) {
                drrFolder = Path.of(a.text("--drr-folder", "")).toAbsolutePath().normalize();
            } else {
                drrFolder = Files.createTempDirectory("isocenter-drr-");
                temporaryDrrs = true;
            }
            request = request.withDrrs(settings, drrFolder).withPoorDrrsAccepted(drrForce);
        } else if (drrForce) {
            throw new CliUsageException("--drr-force only goes with --drr");
        }
        JsonObject j = new JsonObject();
        j.addProperty("plan", plan.toString());
        j.addProperty("exporter", exporter.id());
        j.addProperty("destination", destination.describe());
        j.addProperty("auditLog", audit.file().toString());
        try {
            long t0 = System.nanoTime();
            ExportPackage pkg;
            try {
                pkg = new PackageBuilder().build(request, progress);
            } catch (ExportRefusedException e) {
                LinacExport.refused(plan, e, exporter.id(), destination.describe(), audit, user);
                JsonArray reasons = new JsonArray();
                e.reasons().forEach(reasons::add);
                j.add("refused", reasons);
                j.addProperty("ok", false);
                return j;
            }
            j.addProperty("packageMs", Math.round((System.nanoTime() - t0) / 1e6));
            j.addProperty("patientId", pkg.patient().patientId());
            j.addProperty("planLabel", pkg.planLabel());
            j.addProperty("planSopInstanceUid", pkg.planSopInstanceUid());
            j.addProperty("frameOfReferenceUid", pkg.frameOfReferenceUid());
            JsonArray isos = new JsonArray();
            pkg.isocentersMm().forEach(v -> {
                JsonArray x = new JsonArray();
                x.add(v.x());
                x.add(v.y());
                x.add(v.z());
                isos.add(x);
            });
            j.add("isocentersMm", isos);
            JsonArray notes = new JsonArray();
            pkg.notes().forEach(notes::add);
            j.add("notes", notes);
            JsonArray warnings = new JsonArray();
            pkg.warnings().forEach(w -> {
                warnings.add(w);
                progress.subTask(w);
            });
            j.add("warnings", warnings);
            Path readBack = a.has("--read-back") ? Path.of(a.text("--read-back", "")).toAbsolutePath().normalize() : null;
            LinacExport.Result result = LinacExport.send(pkg, exporter, destination, readBack, audit, user, progress);
            report(j, result);
            return j;
        } finally {
            if (temporaryDrrs) {
                deleteTree(drrFolder);
            }
        }
    }

    private static ExportDestination dicomDestination(CliArgs a) throws CliUsageException {
        String to = a.text("--to", "");
        DicomNode node;
        try {
            if (to.contains("@")) {
                node = DicomNode.parse(to);
                if (a.has("--aet") && !a.text("--aet", "").equals(node.aeTitle())) {
                    throw new CliUsageException("--to names AE title " + node.aeTitle() + " but --aet says " + a.text("--aet", ""));
                }
            } else {
                if (!a.has("--aet")) {
                    throw new CliUsageException("--aet <AE title of the destination> is required with --to host:port");
                }
                node = DicomNode.parse(a.text("--aet", "") + "@" + to);
            }
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(e.getMessage());
        }
        int timeout = (int) a.number("--timeout-ms", 10_000, 1, 3_600_000);
        int retries = (int) a.number("--retries", RetryPolicy.DEFAULT.retries(), 0, 20);
        long delay = (long) a.number("--retry-delay-ms", RetryPolicy.DEFAULT.initialDelayMs(), 0, 600_000);
        try {
            return new ExportDestination.DicomStore(node, a.text("--calling-aet", "ISOCENTER"), timeout,
                    new RetryPolicy(retries, delay, RetryPolicy.DEFAULT.backoffFactor()));
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(e.getMessage());
        }
    }

    private static List<Path> paths(CliArgs a, String option) throws CliUsageException {
        Path p = a.existingFile(option);
        return p == null ? List.of() : List.of(p);
    }

    private static void report(JsonObject j, LinacExport.Result result) {
        ExportReport r = result.report();
        VerificationReport v = result.verification();
        Map<PackageItem, VerificationReport.ItemCheck> checks = new HashMap<>();
        if (v != null) {
            v.items().forEach(c -> checks.put(c.item(), c));
        }
        j.addProperty("delivered", r.delivered().size());
        for (ExportReport.Outcome o : ExportReport.Outcome.values()) {
            if (o != ExportReport.Outcome.DELIVERED) {
                j.addProperty(camel(o.name()), r.count(o));
            }
        }
        JsonObject verification = new JsonObject();
        verification.addProperty("done", v != null);
        if (v != null) {
            verification.addProperty("readBack", v.readBack());
            verification.addProperty("passed", v.passed());
            verification.addProperty("matched", v.count(VerificationReport.Check.MATCH));
            JsonArray problems = new JsonArray();
            v.problems().forEach(problems::add);
            verification.add("problems", problems);
        } else {
            verification.addProperty("note", "a DICOM node cannot be read back here; give --read-back DIR where its files are");
        }
        j.add("verification", verification);
        JsonArray files = new JsonArray();
        for (ExportReport.ItemResult i : r.items()) {
            JsonObject f = new JsonObject();
            f.addProperty("file", i.item().file().toString());
            f.addProperty("role", i.item().role().name());
            f.addProperty("sopClassUid", i.item().sopClassUid());
            f.addProperty("sopInstanceUid", i.item().sopInstanceUid());
            f.addProperty("sha256", i.item().sha256());
            f.addProperty("outcome", i.outcome().name());
            f.addProperty("dimseStatus", i.dimseStatus());
            f.addProperty("attempts", i.attempts());
            f.addProperty("message", i.detail());
            if (!i.deliveredAs().isEmpty()) {
                f.addProperty("deliveredAs", i.deliveredAs());
            }
            VerificationReport.ItemCheck c = checks.get(i.item());
            if (c != null) {
                f.addProperty("check", c.check().name());
            }
            files.add(f);
        }
        j.add("files", files);
        JsonArray messages = new JsonArray();
        r.messages().forEach(messages::add);
        j.add("messages", messages);
        j.addProperty("result", result.audit().result());
        j.addProperty("ok", result.success());
    }

    private static String camel(String upper) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : upper.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    private static void deleteTree(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
