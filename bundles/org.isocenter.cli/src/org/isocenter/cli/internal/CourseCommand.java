/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;
import org.isocenter.core.io.AtomicFiles;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.CourseReview;
import org.isocenter.igrt.CourseShow;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.OfflineProtocolStatus;
import org.isocenter.igrt.ReferenceCorrection;
import org.isocenter.igrt.ImportResult;
import org.isocenter.igrt.RecordStore;
import org.isocenter.igrt.RecordStores;
import org.isocenter.margin.FractionLog;
import org.isocenter.margin.FractionLogImporter;
import org.isocenter.margin.FractionLogImporters;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.osgi.service.component.annotations.Component;
import org.isocenter.margin.CorrectionProtocols;
import org.isocenter.margin.MarginRecipes;
import org.isocenter.igrt.AdaptiveRules;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code course list | show --patient ID | import --log FILE | export --patient ID --csv F}, each with
 * {@code [--db JDBC_URL]}: the IGRT record store's treatment courses. {@code show} prints every fraction's current
 * decision with its couch correction (IEC 61217 table-top, mm and degrees) and the patient's systematic (mean) and
 * random (SD) set-up error in patient axes (mm). The default database is the embedded one under the Isocenter home
 * ({@code ISOCENTER_DB} overrides it).
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=course")
public final class CourseCommand implements CliCommand {

    @Reference
    private AdaptiveRules rules;
    @Reference
    private MarginRecipes recipes;
    @Reference
    private CorrectionProtocols protocols;
    @Reference
    private FractionLogImporters importers;

    @Override
    public String name() {
        return "course";
    }

    @Override
    public String usage() {
        return "list | show --patient ID | import --log FILE [--importer ID] [--planning FOLDER] [--course ID] | export --patient ID"
                + " --csv F | apply-offline --patient ID --user NAME [--from-fraction N] [--reason TEXT]  [--db JDBC_URL]"
                + "  the IGRT record store: courses, decisions, set-up error, alerts, imaging dose, offline protocol";
    }

    @Override
    public JsonObject run(List<String> args, ProgressMonitor progress) throws Exception {
        if (args.isEmpty()) {
            throw new CliUsageException("course needs a subcommand: list, show, import, export or apply-offline");
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (sub) {
            case "list" -> list(new CliArgs(rest, Set.of("--db")));
            case "show" -> show(new CliArgs(rest, Set.of("--db", "--patient")));
            case "import" -> importLog(new CliArgs(rest, Set.of("--db", "--log", "--planning", "--course", "--importer")),
                    progress);
            case "export" -> export(new CliArgs(rest, Set.of("--db", "--patient", "--csv")));
            case "apply-offline" -> applyOffline(new CliArgs(rest, Set.of("--db", "--patient", "--user", "--from-fraction",
                    "--reason")));
            default -> throw new CliUsageException("unknown course subcommand '" + sub
                    + "'; use list, show, import, export or apply-offline");
        };
    }

    RecordStore open(CliArgs a) throws Exception {
        return RecordStores.open(a.text("--db", RecordStores.defaultUrl()), rules);
    }

    private JsonObject list(CliArgs a) throws Exception {
        try (RecordStore store = open(a)) {
            JsonObject out = new JsonObject();
            out.addProperty("database", store.url());
            JsonArray courses = new JsonArray();
            for (Course c : store.courses()) {
                JsonObject o = new JsonObject();
                o.addProperty("courseId", c.id());
                o.addProperty("patientId", c.patient().id());
                o.addProperty("patientName", c.patient().name());
                o.addProperty("planSopInstanceUid", c.plan().sopInstanceUid());
                o.addProperty("planLabel", c.plan().label());
                o.addProperty("referenceSeriesUid", c.referenceSeriesUid());
                o.addProperty("fractionsPlanned", c.prescription().fractions());
                o.addProperty("fractionsRecorded", store.current(c.id()).size());
                courses.add(o);
            }
            out.add("courses", courses);
            return out;
        }
    }

    /** The patient's course: the only one, else the newest (the others are named in the output). */
    private static Course courseOf(RecordStore store, String patientId, JsonObject out) throws Exception {
        List<Course> courses = store.courses(patientId);
        if (courses.isEmpty()) {
            throw new IllegalArgumentException("no course of patient '" + patientId + "' in " + store.url());
        }
        if (courses.size() > 1) {
            out.addProperty("note", "patient '" + patientId + "' has " + courses.size() + " courses; showing the newest ("
                    + courses.get(courses.size() - 1).plan().label() + ")");
        }
        return courses.get(courses.size() - 1);
    }

    private JsonObject show(CliArgs a) throws Exception {
        String patient = a.required("--patient", "<patient ID>");
        try (RecordStore store = open(a)) {
            JsonObject extra = new JsonObject();
            Course course = courseOf(store, patient, extra);
            JsonObject out = CourseShow.toJson(CourseReview.of(store, course.id(), RecordStores.home(), recipes, protocols));
            out.addProperty("courseId", course.id());
            out.addProperty("planLabel", course.plan().label());
            out.addProperty("database", store.url());
            extra.entrySet().forEach(e -> out.add(e.getKey(), e.getValue()));
            return out;
        }
    }

    private JsonObject importLog(CliArgs a, ProgressMonitor progress) throws Exception {
        Path log = Path.of(a.required("--log", "<" + FractionLog.FILE_NAME + ">")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(log)) {
            throw new java.io.FileNotFoundException("no decision log " + log);
        }
        FractionLogImporter importer;
        try {
            importer = importers.forFile(log, a.has("--importer") ? a.text("--importer", "") : null);
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(e.getMessage());
        }
        List<FractionLog.Entry> entries = importer.read(log);
        Set<String> patients = new LinkedHashSet<>();
        entries.forEach(e -> patients.add(e.patientId()));
        if (patients.size() != 1) {
            throw new IllegalArgumentException(log + " holds decisions of " + (patients.isEmpty() ? "no patient"
                    : patients.size() + " patients (" + String.join(", ", patients) + ")") + "; one log is one patient's");
        }
        String patientId = patients.iterator().next();
        try (RecordStore store = open(a)) {
            Course course;
            boolean created = false;
            if (a.has("--course")) {
                long id = Long.parseLong(a.text("--course", ""));
                course = store.course(id).orElseThrow(() -> new IllegalArgumentException("no course " + id + " in " + store.url()));
            } else {
                List<Course> courses = store.courses(patientId);
                if (courses.size() > 1) {
                    throw new CliUsageException("patient '" + patientId + "' has " + courses.size()
                            + " courses: choose one with --course ID (course list shows them)");
                }
                if (courses.size() == 1) {
                    course = courses.get(0);
                } else {
                    Path planning = a.has("--planning") ? Path.of(a.text("--planning", "")).toAbsolutePath().normalize()
                            : log.getParent().getParent();
                    var p = CourseResolver.findPlanFor(patientId, planning, progress);
                    course = org.isocenter.igrt.FractionRecording.course(store, p.patient(), p.planSopInstanceUid(),
                            p.plan(), p.referenceSeriesUid(), p.referenceFrameOfReferenceUid());
                    created = true;
                }
            }
            ImportResult r = store.importEntries(course.id(), entries, log, ZoneId.systemDefault());
            JsonObject out = new JsonObject();
            out.addProperty("database", store.url());
            out.addProperty("patientId", course.patient().id());
            out.addProperty("courseId", course.id());
            out.addProperty("courseCreated", created);
            out.addProperty("log", log.toString());
            out.addProperty("importer", importer.id());
            out.addProperty("added", r.added());
            out.addProperty("skipped", r.skipped());
            out.addProperty("refused", r.refused());
            JsonArray m = new JsonArray();
            r.messages().forEach(m::add);
            out.add("messages", m);
            return out;
        }
    }

    private JsonObject export(CliArgs a) throws Exception {
        String patient = a.required("--patient", "<patient ID>");
        Path csv = Path.of(a.required("--csv", "<file>")).toAbsolutePath().normalize();
        try (RecordStore store = open(a)) {
            JsonObject out = new JsonObject();
            Course course = courseOf(store, patient, out);
            AtomicFiles.replace(csv, tmp -> {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    store.exportCsv(course.id(), w);
                }
            }, tmp -> {
                if (Files.readAllLines(tmp, StandardCharsets.UTF_8).isEmpty()) {
                    throw new java.io.IOException("the CSV written is empty");
                }
            });
            out.addProperty("database", store.url());
            out.addProperty("patientId", patient);
            out.addProperty("courseId", course.id());
            out.addProperty("csv", csv.toString());
            out.addProperty("decisions", store.history(course.id()).size());
            return out;
        }
    }

    /** Applies the offline protocol's pending proposal to the reference, from the next fraction (or a later one). */
    private JsonObject applyOffline(CliArgs a) throws Exception {
        String patient = a.required("--patient", "<patient ID>");
        String user = a.required("--user", "<name>");
        try (RecordStore store = open(a)) {
            JsonObject out = new JsonObject();
            Course course = courseOf(store, patient, out);
            CourseReview review = CourseReview.of(store, course.id(), RecordStores.home(), recipes, protocols);
            OfflineProtocolStatus p = review.offlineProtocol();
            if (!p.pending()) {
                throw new IllegalArgumentException("nothing to apply for patient '" + patient + "': " + p.message());
            }
            int next = review.view().fractions().stream().mapToInt(FractionDecision::fraction).max().orElse(0) + 1;
            int from = a.has("--from-fraction") ? Integer.parseInt(a.text("--from-fraction", "")) : next;
            ReferenceCorrection r = store.applyReferenceCorrection(new ReferenceCorrection(0, course.id(), from,
                    p.protocol(), p.proposedMm(), p.imagedFractionsUsed(), user, Instant.now(),
                    a.text("--reason", "")));
            out.addProperty("database", store.url());
            out.addProperty("patientId", patient);
            out.addProperty("courseId", course.id());
            out.addProperty("protocol", r.protocol());
            out.addProperty("fromFraction", r.fromFraction());
            JsonObject c = new JsonObject();
            c.addProperty("lr", r.correctionMm().lr());
            c.addProperty("ap", r.correctionMm().ap());
            c.addProperty("si", r.correctionMm().si());
            out.add("correctionMm", c);
            out.addProperty("basedOnFractions", r.basedOnFractions());
            return out;
        }
    }
}
