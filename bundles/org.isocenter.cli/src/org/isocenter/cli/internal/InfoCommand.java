/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.FileProblem;
import org.isocenter.dicom.scan.PatientRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.dicom.scan.StudyRecord;
import org.osgi.service.component.annotations.Component;

/** {@code info <path>}: what a DICOM folder holds (patients, studies, series, RT objects) and its problems. */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=info")
public final class InfoCommand implements CliCommand {

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String usage() {
        return "<folder or file>  list patients, studies, series and RT objects with their references and problems";
    }

    @Override
    public JsonObject run(List<String> args, ProgressMonitor progress) throws Exception {
        if (args.size() != 1) {
            throw new CliUsageException("info takes exactly one path, got " + args.size() + " arguments");
        }
        Path root = Path.of(args.get(0)).toAbsolutePath().normalize();
        if (!java.nio.file.Files.exists(root)) {
            throw new CliUsageException("no such file or folder: " + root);
        }
        DicomIndex index = new DicomFolderScanner().scan(root, progress);
        return toJson(index);
    }

    static JsonObject toJson(DicomIndex index) {
        JsonObject o = new JsonObject();
        o.addProperty("path", index.root().toString());
        o.addProperty("filesSeen", index.filesSeen());
        o.addProperty("dicomInstances", index.instanceCount());
        o.addProperty("patientCount", index.patients().size());
        o.addProperty("seriesCount", index.allSeries().size());
        JsonArray patients = new JsonArray();
        for (PatientRecord p : index.patients()) {
            JsonObject pj = new JsonObject();
            pj.addProperty("patientId", p.identity().patientId());
            pj.addProperty("patientName", p.identity().patientName());
            pj.addProperty("birthDate", p.identity().birthDate());
            pj.addProperty("sex", p.identity().sex());
            JsonArray studies = new JsonArray();
            for (StudyRecord s : p.studies()) {
                JsonObject sj = new JsonObject();
                sj.addProperty("studyInstanceUid", s.studyInstanceUid());
                sj.addProperty("studyDate", s.studyDate());
                sj.addProperty("description", s.description());
                JsonArray series = new JsonArray();
                for (SeriesRecord r : s.series()) {
                    series.add(series(r));
                }
                sj.add("series", series);
                studies.add(sj);
            }
            pj.add("studies", studies);
            patients.add(pj);
        }
        o.add("patients", patients);
        JsonArray notDicom = new JsonArray();
        index.notDicom().forEach(p -> notDicom.add(p.toString()));
        o.add("notDicom", notDicom);
        JsonArray problems = new JsonArray();
        for (FileProblem fp : index.problems()) {
            JsonObject pj = new JsonObject();
            pj.addProperty("file", fp.file().toString());
            pj.addProperty("problem", fp.problem());
            problems.add(pj);
        }
        o.add("problems", problems);
        return o;
    }

    private static JsonObject series(SeriesRecord r) {
        JsonObject j = new JsonObject();
        j.addProperty("seriesInstanceUid", r.seriesInstanceUid());
        j.addProperty("modality", r.modality());
        j.addProperty("seriesNumber", r.seriesNumber());
        j.addProperty("description", r.description());
        j.addProperty("frameOfReferenceUid", r.frameOfReferenceUid());
        j.addProperty("instances", r.instances().size());
        j.addProperty("folder", r.instances().get(0).file().getParent().toString());
        j.add("referencedSeries", strings(r.referencedSeriesUids()));
        j.add("referencedFramesOfReference", strings(r.referencedFrameOfReferenceUids()));
        if (!r.referencedInstanceUids().isEmpty()) {
            j.add("referencedInstances", strings(r.referencedInstanceUids()));
        }
        if (!r.summary().isEmpty()) {
            j.addProperty("summary", r.summary());
        }
        if (!r.roiNames().isEmpty()) {
            j.add("rois", strings(r.roiNames()));
        }
        j.add("warnings", strings(r.warnings()));
        return j;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
