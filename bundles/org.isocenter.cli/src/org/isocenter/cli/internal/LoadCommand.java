/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.SeriesRecord;
import org.osgi.service.component.annotations.Component;

/** {@code load <series folder>}: decodes the one image series in a folder and reports its geometry and values. */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=load")
public final class LoadCommand implements CliCommand {

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String usage() {
        return "<series folder>  decode an image series: shape, spacing (mm), origin (LPS mm), value range, time";
    }

    @Override
    public JsonObject run(List<String> args, ProgressMonitor progress) throws Exception {
        if (args.size() != 1) {
            throw new CliUsageException("load takes exactly one folder, got " + args.size() + " arguments");
        }
        Path folder = Path.of(args.get(0)).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new CliUsageException("not a folder: " + folder);
        }
        long scanStart = System.nanoTime();
        DicomIndex index = new DicomFolderScanner().scan(folder, ProgressMonitor.NONE);
        long scanMs = Math.round((System.nanoTime() - scanStart) / 1e6);
        SeriesRecord series = PlanningInputs.oneImageSeries(folder.toString(), index);
        List<Path> files;
        try (Stream<Path> s = series.instances().stream().map(i -> i.file())) {
            files = s.toList();
        }
        long start = System.nanoTime();
        ImageVolume v = new ImageSeriesReader().read(files, progress);
        long decodeMs = Math.round((System.nanoTime() - start) / 1e6);
        var g = v.geometry();
        JsonObject o = new JsonObject();
        o.addProperty("folder", folder.toString());
        o.addProperty("patientId", v.patient().patientId());
        o.addProperty("modality", v.info().modality());
        o.addProperty("seriesInstanceUid", v.info().seriesInstanceUid());
        o.addProperty("frameOfReferenceUid", v.frameOfReferenceUid());
        JsonArray shape = new JsonArray();
        shape.add(g.sizeX());
        shape.add(g.sizeY());
        shape.add(g.sizeZ());
        o.add("shape", shape);
        o.add("spacingMm", numbers(g.spacingXMm(), g.spacingYMm(), g.spacingZMm()));
        o.add("originMm", numbers(g.originMm().x(), g.originMm().y(), g.originMm().z()));
        double[] range = v.valueRange();
        o.addProperty("unit", v.unit());
        o.add("valueRange", numbers(range[0], range[1]));
        o.addProperty("scanTimeMs", scanMs);
        o.addProperty("decodeTimeMs", decodeMs);
        o.add("problems", new JsonArray());
        index.problems().forEach(p -> o.getAsJsonArray("problems").add(p.file() + ": " + p.problem()));
        return o;
    }

    private static JsonArray numbers(double... values) {
        JsonArray a = new JsonArray();
        for (double d : values) {
            a.add(d);
        }
        return a;
    }
}
