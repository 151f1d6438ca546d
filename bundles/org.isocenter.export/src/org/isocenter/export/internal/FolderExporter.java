/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.export.ExportDestination;
import org.isocenter.export.ExportPackage;
import org.isocenter.export.ExportReport;
import org.isocenter.export.FolderManifest;
import org.isocenter.export.LinacExporter;
import org.isocenter.export.PackageItem;
import org.isocenter.export.ReadBackVerifier;
import org.isocenter.export.VerificationReport;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code folder} exporter: byte copies of every item in one folder per role ({@code CT/}, {@code RTSTRUCT/},
 * {@code RTPLAN/}, {@code RTIMAGE/}, {@code REG/}, {@code IGRT/}), each copied to a temporary name, synced and renamed,
 * then {@value FolderManifest#FILE_NAME} written last. The folder must be empty or absent. Verification re-reads the
 * folder: UIDs, data set digest and file SHA-256.
 */
@Component(service = LinacExporter.class, property = LinacExporter.ID_PROPERTY + "=folder")
public final class FolderExporter implements LinacExporter {

    @Override
    public String id() {
        return "folder";
    }

    @Override
    public String displayName() {
        return "Folder with manifest (DICOM files, JSON manifest with SHA-256)";
    }

    @Override
    public boolean supports(ExportDestination destination) {
        return destination instanceof ExportDestination.Folder;
    }

    @Override
    public ExportReport export(ExportPackage pkg, ExportDestination destination, ProgressMonitor monitor) throws IOException {
        if (!(destination instanceof ExportDestination.Folder(Path folder))) {
            throw new IllegalArgumentException("the folder exporter cannot deliver to " + destination.describe());
        }
        Instant start = Instant.now();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                if (s.findAny().isPresent()) {
                    throw new IOException("export folder " + folder + " is not empty; choose a new or empty folder");
                }
            }
        }
        Files.createDirectories(folder);
        monitor.begin("Writing " + pkg.items().size() + " files to " + folder, pkg.items().size());
        List<ExportReport.ItemResult> results = new ArrayList<>();
        Set<String> used = new HashSet<>();
        boolean cancelled = false;
        for (PackageItem item : pkg.items()) {
            if (cancelled || monitor.isCancelled()) {
                cancelled = true;
                results.add(new ExportReport.ItemResult(item, ExportReport.Outcome.NOT_SENT, -1, 0,
                        item.name() + ": not written: cancelled", ""));
                continue;
            }
            String relative = uniqueName(subfolder(item.role()), item.name(), used);
            Path target = folder.resolve(relative);
            Path part = target.resolveSibling(target.getFileName() + ".part");
            try {
                Files.createDirectories(target.getParent());
                Files.copy(item.file(), part, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel c = FileChannel.open(part, StandardOpenOption.WRITE)) {
                    c.force(true);
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                results.add(new ExportReport.ItemResult(item, ExportReport.Outcome.DELIVERED, -1, 1,
                        item.name() + ": written as " + relative, relative));
            } catch (IOException e) {
                Files.deleteIfExists(part);
                results.add(new ExportReport.ItemResult(item, ExportReport.Outcome.FAILED, -1, 1,
                        item.name() + ": cannot write " + target + ": " + e.getMessage(), ""));
            }
            monitor.worked(1);
        }
        ExportReport report = new ExportReport(id(), destination.describe(), start, Instant.now(), results,
                cancelled ? List.of("cancelled") : List.of());
        FolderManifest.write(folder, pkg, report);
        return report;
    }

    @Override
    public VerificationReport verify(ExportReport report, ExportDestination destination, Path readBack) throws IOException {
        Path folder = readBack != null ? readBack : ((ExportDestination.Folder) destination).folder();
        return ReadBackVerifier.verify(report, folder);
    }

    private static String subfolder(PackageItem.Role role) {
        return switch (role) {
            case PLANNING_IMAGE -> "CT";
            case STRUCTURE_SET -> "RTSTRUCT";
            case PLAN -> "RTPLAN";
            case REFERENCE_IMAGE -> "RTIMAGE";
            case REGISTRATION -> "REG";
            case COUCH_CORRECTION_RECORD -> "IGRT";
        };
    }

    private static String uniqueName(String dir, String name, Set<String> used) {
        String candidate = dir + "/" + name;
        int n = 2;
        while (!used.add(candidate.toLowerCase(Locale.ROOT))) {
            int dot = name.lastIndexOf('.');
            candidate = dir + "/" + (dot > 0 ? name.substring(0, dot) + "_" + n + name.substring(dot) : name + "_" + n);
            n++;
        }
        return candidate;
    }
}
