/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.net.FileStatus;
import org.isocenter.dicom.net.StorageClient;
import org.isocenter.dicom.net.StorageReport;
import org.osgi.service.component.annotations.Component;

/**
 * {@code send AE@host:port <file or folder>...}: DICOM C-STORE of the files (folders recursively) over one
 * association, with a status per file; exit 1 unless every file was stored.
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=send")
public final class SendCommand implements CliCommand {

    @Override
    public String name() {
        return "send";
    }

    @Override
    public String usage() {
        return "AE@host:port <file or folder>... [--aet CALLING] [--timeout-ms N]  DICOM C-STORE with a status per file";
    }

    @Override
    public JsonObject run(List<String> args, ProgressMonitor progress) throws Exception {
        NetworkOptions o = NetworkOptions.parse(args);
        if (o.operands().isEmpty()) {
            throw new CliUsageException("give the files or folders to send");
        }
        List<Path> files = new ArrayList<>();
        for (String operand : o.operands()) {
            Path p = Path.of(operand).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new CliUsageException("no such file or folder: " + p + "; nothing sent");
            }
        }
        progress.begin("Sending " + files.size() + " files to " + o.remote(), files.size());
        StorageReport report = new StorageClient().send(o.callingAeTitle(), o.remote(), files, o.timeoutMs(), s -> {
            progress.subTask(s.outcome() + " " + s.file().getFileName());
            progress.worked(1);
        });
        JsonObject j = new JsonObject();
        j.addProperty("remote", o.remote().toString());
        j.addProperty("callingAeTitle", o.callingAeTitle());
        j.addProperty("stored", report.stored());
        j.addProperty("warnings", report.warnings());
        j.addProperty("failed", report.failed());
        j.addProperty("notSent", report.notSent());
        j.addProperty("elapsedMs", report.elapsedMs());
        JsonArray statuses = new JsonArray();
        for (FileStatus s : report.files()) {
            JsonObject f = new JsonObject();
            f.addProperty("file", s.file().toString());
            f.addProperty("sopInstanceUid", s.sopInstanceUid());
            f.addProperty("outcome", s.outcome().name());
            f.addProperty("dimseStatus", s.dimseStatus());
            f.addProperty("message", s.message());
            statuses.add(f);
        }
        j.add("files", statuses);
        j.addProperty("ok", report.failed() == 0 && report.notSent() == 0);
        return j;
    }
}
