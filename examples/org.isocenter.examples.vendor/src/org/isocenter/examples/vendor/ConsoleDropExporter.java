/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.examples.vendor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.export.ExportDestination;
import org.isocenter.export.ExportPackage;
import org.isocenter.export.ExportReport;
import org.isocenter.export.LinacExporter;
import org.isocenter.export.PackageItem;
import org.isocenter.export.ReadBackVerifier;
import org.isocenter.export.VerificationReport;
import org.osgi.service.component.annotations.Component;

/**
 * An example vendor exporter with its own destination ({@link ConsoleDrop}) and, in the workbench, its own destination
 * page (declared on the export wizard's extension point). It writes the package into
 * {@code <root>/<machine>/<patient>_<plan>/}: the files first, under a hidden temporary folder, then
 * {@code ticket.json} (machine, patient, plan, every file with its SHA-256), then renames the folder into place, so the
 * console never sees a half-written job.
 */
@Component(service = LinacExporter.class, property = LinacExporter.ID_PROPERTY + "=" + ConsoleDropExporter.ID)
public final class ConsoleDropExporter implements LinacExporter {

    /** This exporter's id. */
    public static final String ID = "example.console-drop";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Example console drop folder (files and a ticket)";
    }

    @Override
    public boolean supports(ExportDestination destination) {
        return destination instanceof ConsoleDrop;
    }

    /** The job folder of a package at a destination. */
    public static Path jobFolder(ExportPackage pkg, ConsoleDrop drop) {
        return drop.root().resolve(drop.machine()).resolve(safe(pkg.patient().patientId()) + "_" + safe(pkg.planLabel()));
    }

    @Override
    public ExportReport export(ExportPackage pkg, ExportDestination destination, ProgressMonitor monitor) throws IOException {
        if (!(destination instanceof ConsoleDrop drop)) {
            throw new IllegalArgumentException(ID + " cannot deliver to " + destination.describe());
        }
        Instant start = Instant.now();
        Path job = jobFolder(pkg, drop);
        if (Files.exists(job)) {
            throw new IOException("job folder " + job + " exists: the console has this plan already; remove the job "
                    + "there first");
        }
        Files.createDirectories(job.getParent());
        Path partial = job.resolveSibling("." + job.getFileName() + ".partial");
        deleteTree(partial);
        Files.createDirectories(partial);
        monitor.begin("Writing " + pkg.items().size() + " files for the console of " + drop.machine(), pkg.items().size());
        List<ExportReport.ItemResult> results = new ArrayList<>();
        JsonArray files = new JsonArray();
        try {
            int n = 0;
            for (PackageItem item : pkg.items()) {
                if (monitor.isCancelled()) {
                    throw new IOException("cancelled: nothing was handed to the console");
                }
                String name = String.format("%04d_%s_%s", ++n, item.role().name().toLowerCase(java.util.Locale.ROOT),
                        item.isDicom() ? safe(item.sopInstanceUid()) + ".dcm" : safe(item.name()));
                Files.copy(item.file(), partial.resolve(name));
                JsonObject f = new JsonObject();
                f.addProperty("file", name);
                f.addProperty("role", item.role().name());
                f.addProperty("sopInstanceUid", item.sopInstanceUid());
                f.addProperty("sha256", item.sha256());
                files.add(f);
                results.add(new ExportReport.ItemResult(item, ExportReport.Outcome.DELIVERED, -1, 1,
                        item.name() + ": written as " + name, name));
                monitor.worked(1);
            }
            JsonObject ticket = new JsonObject();
            ticket.addProperty("machine", drop.machine());
            ticket.addProperty("patientId", pkg.patient().patientId());
            ticket.addProperty("planLabel", pkg.planLabel());
            ticket.addProperty("planSopInstanceUid", pkg.planSopInstanceUid());
            ticket.addProperty("created", start.toString());
            ticket.add("files", files);
            Files.writeString(partial.resolve("ticket.json"), new GsonBuilder().setPrettyPrinting().create().toJson(ticket),
                    StandardCharsets.UTF_8);
            Files.move(partial, job, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(partial);
            throw e;
        }
        return new ExportReport(ID, destination.describe(), start, Instant.now(), results, List.of("job " + job));
    }

    @Override
    public VerificationReport verify(ExportReport report, ExportDestination destination, Path readBack) throws IOException {
        if (readBack != null) {
            return ReadBackVerifier.verify(report, readBack);
        }
        String job = report.messages().stream().filter(m -> m.startsWith("job ")).findFirst()
                .orElseThrow(() -> new IOException("the report names no job folder")).substring(4);
        return ReadBackVerifier.verify(report, Path.of(job));
    }

    private static String safe(String s) {
        String t = s == null ? "" : s.replaceAll("[^A-Za-z0-9._-]", "_");
        return t.isEmpty() ? "unnamed" : t;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
