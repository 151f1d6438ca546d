/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.osgi.service.component.annotations.Component;

/** {@code demo <dir>}: writes the built-in demo patient as DICOM and summarises what was written. */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=demo")
public final class DemoCommand implements CliCommand {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String usage() {
        return "<folder>  write the demo patient (planning CT, RTSTRUCT, 10 daily CBCTs, demo-truth.json)";
    }

    @Override
    public JsonObject run(List<String> args, ProgressMonitor progress) throws Exception {
        if (args.size() != 1) {
            throw new CliUsageException("demo takes exactly one folder, got " + args.size() + " arguments");
        }
        Path folder = Path.of(args.get(0)).toAbsolutePath().normalize();
        DemoPatient.generate(folder, progress);
        JsonObject o = InfoCommand.toJson(new DicomFolderScanner().scan(folder, ProgressMonitor.NONE));
        o.addProperty("truthFile", folder.resolve(DemoPatient.TRUTH_FILE).toString());
        return o;
    }
}
