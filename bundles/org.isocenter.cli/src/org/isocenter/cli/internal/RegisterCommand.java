/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.patient.TableTopAxes;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.io.WrittenObject;
import org.isocenter.igrt.AcceptedRegistration;
import org.isocenter.igrt.ClinicSettings;
import org.isocenter.igrt.FractionMeasurements;
import org.isocenter.igrt.MatchGeometry;
import org.isocenter.igrt.MatchInputs;
import org.isocenter.igrt.MatchOn;
import org.isocenter.igrt.MatchOutcome;
import org.isocenter.igrt.MatchProtocol;
import org.isocenter.igrt.MatchStep;
import org.isocenter.registration.CorrectionLimits;
import org.isocenter.registration.CouchCorrection;
import org.isocenter.registration.RegistrationRegion;
import org.isocenter.registration.RegistrationRequest;
import org.isocenter.registration.RegistrationRequest.DegreesOfFreedom;
import org.isocenter.registration.RegistrationResult;
import org.isocenter.registration.RegistrationAlgorithms;
import org.isocenter.registration.RigidIntensityRegistration;
import org.isocenter.registration.SimilarityMetric;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.isocenter.igrt.AdaptiveRules;

/**
 * {@code register --planning <CT folder> --daily <series folder> [--roi NAME] ...}: rigid match of a daily image to
 * the planning CT. Prints the 4×4 matrix (planning-CT frame → daily frame, LPS mm), the couch correction in IEC
 * 61217 table-top terms, the metric and times; with {@code --roi} a bony match (box around the target) followed by
 * a translation-only soft-tissue match on the structure plus a margin, both reported with the difference at the
 * target centre; optionally writes the result as a DICOM Spatial Registration.
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=register")
public final class RegisterCommand implements CliCommand {

    @Reference
    private RegistrationAlgorithms algorithms;
    @Reference
    private AdaptiveRules rules;

    /** The parsed command line: files, the soft-tissue structure and the clinic's protocol with the options' changes. */
    private record Options(Path planning, Path daily, Path rtstruct, Path rtplan, String roi, Path sro,
            MatchProtocol protocol) {
    }

    @Override
    public String name() {
        return "register";
    }

    @Override
    public String usage() {
        return "--planning <CT folder> --daily <series folder> [--algorithm ID] [--param KEY=VALUE ...] [--rtstruct F] [--rtplan F] [--roi NAME]"
                + " [--roi-margin MM] [--match bone|soft-tissue] [--dof 6|3] [--metric mi|nc|ms] [--soft-metric mi|nc|ms] [--box-margin MM]"
                + " [--sro out.dcm] [--seed N] [--action-level-mm MM] [--action-level-deg DEG] [--max-mm MM]"
                + " [--max-deg DEG] [" + String.join("] [", RecordOptions.USAGE) + "]  rigid match of a daily image to"
                + " the planning CT by the clinic's match protocol (" + ClinicSettings.FILE_NAME + " in the Isocenter home;"
                + " options override it; --algorithm: a registration algorithm installed, e.g. "
                + RigidIntensityRegistration.ID + "; --param: one of its parameters, repeatable; an unknown key is refused"
                + " with the list): 4x4 matrix (planning frame -> daily frame), couch correction (IEC 61217),"
                + " metric, times; --record stores the fraction's decision in the IGRT record store";
    }

    @Override
    public JsonObject run(List<String> args, ProgressMonitor progress) throws Exception {
        List<String> argv = new ArrayList<>(args);
        RecordOptions recording = RecordOptions.extract(argv);
        Options o = parse(argv);
        List<String> notes = new ArrayList<>();

        // images: both folders hold exactly one image series; patient identity is checked before anything else
        progress.begin("Reading the planning CT", -1);
        long loadStart = System.nanoTime();
        PlanningInputs.Series planning = PlanningInputs.loadSeries("planning", o.planning(), progress);
        progress.begin("Reading the daily image", -1);
        PlanningInputs.Series daily = PlanningInputs.loadSeries("daily", o.daily(), progress);
        long loadMs = Math.round((System.nanoTime() - loadStart) / 1e6);
        // refuses images of different patients (the message names both) before anything else
        new RegistrationRequest(planning.volume(), daily.volume(), RegistrationRegion.wholeImage(planning.volume()
                .geometry()), o.protocol().bonyDof(), o.protocol().bonyMetric(), null, o.protocol().seed());
        String planningFrame = planning.volume().frameOfReferenceUid(), dailyFrame = daily.volume().frameOfReferenceUid();
        if (o.sro() != null && planningFrame.equals(dailyFrame)) {
            throw new IllegalArgumentException("the planning CT and the daily image share the Frame of Reference "
                    + planningFrame + ": a Spatial Registration between them cannot hold the match; leave out --sro");
        }

        // structure set and plan: given, or found beside the planning CT by Frame of Reference
        progress.begin("Looking for the structure set and plan", -1);
        PlanningInputs inputs = new PlanningInputs(planning, notes);
        Optional<PlanningInputs.Found<StructureSet>> structures = inputs.structureSet(o.rtstruct());
        Optional<PlanningInputs.Found<RtPlan>> plan = inputs.plan(o.rtplan(), o.rtstruct());
        if (o.roi() != null && structures.isEmpty()) {
            throw new IllegalArgumentException("--roi " + o.roi() + " needs a structure set: none found in " + o.planning()
                    + " or its parent folder for the planning CT's Frame of Reference " + planningFrame
                    + "; give one with --rtstruct");
        }
        MatchInputs matchInputs = new MatchInputs(planning.volume(), daily.volume(),
                structures.map(PlanningInputs.Found::object).orElse(null), plan.map(PlanningInputs.Found::object)
                        .orElse(null), plan.map(p -> p.file() + " (" + p.how() + ")").orElse(""), o.roi());
        MatchProtocol protocol = o.protocol();
        MatchGeometry geometry;
        try {
            geometry = protocol.geometry(matchInputs); // refuses early: unknown structure, couch axes of the position
        } catch (IllegalArgumentException e) {
            if (o.roi() != null && e.getMessage().startsWith("no structure")) {
                throw new CliUsageException(e.getMessage());
            }
            throw e;
        }
        notes.addAll(geometry.notes());
        notes.add("the daily image is taken to be reconstructed with the machine isocenter at the plan isocenter's "
                + "coordinates (as CBCT systems do); the couch correction assumes so");

        // the clinic's match protocol, the same as the workbench's Auto match
        MatchOutcome outcome = protocol.run(matchInputs, algorithms, progress);
        Vector3 isocenter = geometry.isocenterMm(), targetCentre = geometry.targetCentreMm();
        PatientPosition position = geometry.position();
        MatchStep last = outcome.decidingStep();
        Optional<MatchStep> soft = outcome.step(MatchStep.SOFT_TISSUE);
        RigidTransform result = outcome.planningToDaily();
        CouchCorrection correction = outcome.correction();
        JsonObject uncorrected = null;
        if (outcome.residual().isPresent()) {
            RigidTransform six = outcome.step(MatchStep.BONY_6DOF_CHECK).orElseThrow().result().planningToDaily();
            CouchCorrection residual = outcome.residual().get();
            uncorrected = new JsonObject();
            uncorrected.addProperty("fromMatch", "bony, 6 DOF (for information; not applied)");
            uncorrected.addProperty("rotationAngleDeg", round(six.rotationAngleDegrees()));
            double[] e = six.eulerDegreesAbout(isocenter);
            uncorrected.add("rotationDeg", numbers(e[0], e[1], e[2]));
            uncorrected.add("translationOnlyCorrection", couchJson(residual, "bony 6-DOF match, translations only "
                    + "(least squares over the target region)"));
            uncorrected.addProperty("residual", residual.messages().isEmpty() ? "" : residual.messages().get(0));
        }

        // JSON
        JsonObject out = new JsonObject();
        out.add("matrix", numbersExact(result.toRowMajorArray()));
        out.addProperty("maps", "planning CT frame " + planningFrame + " (LPS mm) -> daily frame " + dailyFrame
                + " (LPS mm)");
        out.addProperty("fromFrameOfReference", planningFrame);
        out.addProperty("toFrameOfReference", dailyFrame);
        double[] euler = result.eulerDegreesAbout(isocenter);
        out.add("rotationDeg", numbers(euler[0], euler[1], euler[2]));
        out.add("translationMm", numbers(euler[3], euler[4], euler[5]));
        out.addProperty("eulerConvention", "rotations about patient x, y, z (x first) about the isocenter; translation "
                + "= where the isocenter point moved (daily minus planning, LPS mm)");
        out.addProperty("finalMatch", last.name());
        out.addProperty("dof", protocol.sixDofCouch() ? 6 : 3);
        out.addProperty("algorithm", protocol.algorithmId());
        JsonObject tuned = new JsonObject();
        protocol.resolvedParameters(protocol.algorithm(algorithms)).forEach(tuned::addProperty);
        out.add("algorithmParameters", tuned);
        out.addProperty("metric", last.result().metric().id());
        out.addProperty("metricValue", last.result().metricValue());
        out.addProperty("overlap", round(last.result().overlap()));
        out.addProperty("evaluations", outcome.steps().stream().mapToInt(m -> m.result().evaluations()).sum());
        out.addProperty("registrationMs", outcome.steps().stream().mapToLong(m -> m.result().wallTimeMs()).sum());
        out.addProperty("loadMs", loadMs);
        out.addProperty("region", last.region().description());
        out.add("couchCorrection", couchJson(correction, (soft.isPresent() ? "soft-tissue" : "bony") + " match ("
                + last.region().description() + ")"));
        out.add("isocenterMm", numbers(isocenter.x(), isocenter.y(), isocenter.z()));
        out.addProperty("isocenterSource", geometry.isocenterSource());
        out.addProperty("patientPosition", position.name());
        out.addProperty("patientPositionSource", geometry.positionSource());
        out.add("targetCentreMm", numbers(targetCentre.x(), targetCentre.y(), targetCentre.z()));
        out.add("planning", seriesJson(planning));
        out.add("daily", seriesJson(daily));
        out.addProperty("patientId", planning.volume().patient().patientId());
        structures.ifPresent(s -> out.addProperty("rtstruct", s.file() + " (" + s.how() + ")"));
        plan.ifPresent(p -> out.addProperty("rtplan", p.file() + " (" + p.how() + ")"));
        if (uncorrected != null) {
            out.add("uncorrectedRotation", uncorrected);
        }
        if (soft.isPresent()) {
            MatchStep bony = outcome.step(MatchStep.BONY).orElseThrow();
            CouchCorrection bonyCorrection = outcome.bonyCorrection().orElseThrow();
            JsonObject bonyJson = matchJson(bony, isocenter);
            bonyJson.add("couchCorrection", couchJson(bonyCorrection, "bony match"));
            out.add("bony", bonyJson);
            JsonObject softJson = matchJson(soft.get(), isocenter);
            softJson.add("couchCorrection", couchJson(correction, "soft-tissue match"));
            out.add("softTissue", softJson);
            out.add("differenceAtTargetMm", difference(outcome.softMinusBonyMm().orElseThrow(), targetCentre,
                    geometry.targetName(), position, bonyCorrection, correction));
        }
        if (o.sro() != null) {
            WrittenObject w = AcceptedRegistration.write(AcceptedRegistration.of(planning.volume(), daily.volume(), result,
                    (soft.isPresent() ? "soft-tissue" : "bony") + " match, " + last.region().description()),
                    planning.reference(), daily.reference(), daily.volume().info().seriesDescription(), o.sro());
            out.addProperty("sro", w.file().toAbsolutePath().toString());
            out.addProperty("sroSopInstanceUid", w.sopInstanceUid());
        }
        if (recording.record()) {
            PlanningInputs.Found<RtPlan> p = plan.orElseThrow(() -> new IllegalArgumentException("--record needs the "
                    + "RT Plan (the course is the plan's): none found beside the planning CT; give it with --rtplan"));
            var context = new FractionRecorder.PlanContext(planning.volume().patient(), p.sopInstanceUid(), p.object(),
                    planning.volume().info().seriesInstanceUid(), planningFrame);
            String match = outcome.matchName();
            progress.begin("Comparing the body outline", -1);
            FractionMeasurements measured = FractionMeasurements.of(matchInputs, outcome, Optional.empty());
            notes.addAll(measured.notes());
            out.add("record", FractionRecorder.record(rules, recording, context, daily.volume().patient(),
                    daily.volume().info().seriesInstanceUid(),
                    dailyFrame, correction, match, out.has("sro") ? out.get("sro").getAsString() : null,
                    measured.observations()));
        }
        JsonArray n = new JsonArray();
        notes.forEach(n::add);
        out.add("notes", n);

        printSummary(progress, out, result, correction, planningFrame, dailyFrame);
        return out;
    }

    // ---- arguments --------------------------------------------------------------------------------------------

    private Options parse(List<String> args) throws CliUsageException, java.io.IOException {
        Path planning = null, daily = null, rtstruct = null, rtplan = null, sro = null;
        String roi = null;
        ClinicSettings clinic = ClinicSettings.load();
        MatchProtocol base = MatchProtocol.of(clinic);
        MatchOn on = null;
        double roiMargin = base.softTissueMarginMm(), boxMargin = base.boxMarginMm();
        boolean six = base.sixDofCouch();
        SimilarityMetric metric = base.bonyMetric(), softMetric = base.softMetric();
        long seed = base.seed();
        String algorithm = base.algorithmId();
        Map<String, Double> parameters = new java.util.LinkedHashMap<>();
        CorrectionLimits d = base.limits();
        double actionMm = d.actionLevelMm(), actionDeg = d.actionLevelDeg(), maxMm = d.maxTranslationMm(),
                maxDeg = d.maxRotationDeg();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new CliUsageException("unexpected argument '" + a + "'; options start with --");
            }
            if (i + 1 == args.size()) {
                throw new CliUsageException(a + " needs a value");
            }
            String v = args.get(++i);
            switch (a) {
                case "--planning" -> planning = Path.of(v);
                case "--algorithm" -> algorithm = v;
                case "--param" -> {
                    int eq = v.indexOf('=');
                    if (eq < 1) {
                        throw new CliUsageException("--param is KEY=VALUE (a parameter of the registration algorithm), "
                                + "not '" + v + "'");
                    }
                    try {
                        parameters.put(v.substring(0, eq).strip(), Double.parseDouble(v.substring(eq + 1).strip()));
                    } catch (NumberFormatException e) {
                        throw new CliUsageException("--param " + v + ": the value is not a number");
                    }
                }
                case "--daily" -> daily = Path.of(v);
                case "--rtstruct" -> rtstruct = Path.of(v);
                case "--rtplan" -> rtplan = Path.of(v);
                case "--roi" -> roi = v;
                case "--roi-margin" -> roiMargin = number(a, v, 0, 100);
                case "--match" -> {
                    try {
                        on = MatchOn.parse(v);
                    } catch (IllegalArgumentException e) {
                        throw new CliUsageException("--match: " + e.getMessage());
                    }
                }
                case "--dof" -> {
                    if (!v.equals("6") && !v.equals("3")) {
                        throw new CliUsageException("--dof is 6 (rotations and translations) or 3 (translations only), not '"
                                + v + "'");
                    }
                    six = v.equals("6");
                }
                case "--metric" -> metric = metric(a, v);
                case "--soft-metric" -> softMetric = metric(a, v);
                case "--box-margin" -> boxMargin = number(a, v, 0, 500);
                case "--sro" -> sro = Path.of(v);
                case "--seed" -> {
                    try {
                        seed = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new CliUsageException("--seed '" + v + "' is not a whole number");
                    }
                }
                case "--action-level-mm" -> actionMm = number(a, v, 0, 1000);
                case "--action-level-deg" -> actionDeg = number(a, v, 0, 180);
                case "--max-mm" -> maxMm = number(a, v, 0, 1000);
                case "--max-deg" -> maxDeg = number(a, v, 0, 180);
                default -> throw new CliUsageException("unknown option " + a);
            }
        }
        if (planning == null || daily == null) {
            throw new CliUsageException((planning == null ? "--planning <CT folder>" : "--daily <series folder>")
                    + " is required");
        }
        for (Path folder : List.of(planning, daily)) {
            if (!Files.isDirectory(folder)) {
                throw new CliUsageException("not a folder: " + folder.toAbsolutePath().normalize());
            }
        }
        for (Path file : new Path[] { rtstruct, rtplan }) {
            if (file != null && !Files.isRegularFile(file)) {
                throw new CliUsageException("no such file: " + file.toAbsolutePath().normalize());
            }
        }
        if (sro != null && Files.exists(sro)) {
            throw new CliUsageException("--sro " + sro.toAbsolutePath().normalize() + " exists; refusing to overwrite it");
        }
        CorrectionLimits limits;
        try {
            limits = new CorrectionLimits(actionMm, actionDeg, maxMm, maxDeg);
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(e.getMessage());
        }
        if (on == MatchOn.BONE && roi != null) {
            throw new CliUsageException("--roi " + roi + " names the structure of a soft-tissue match; it cannot go with "
                    + "--match bone");
        }
        MatchOn matchOn = on != null ? on : roi != null ? MatchOn.SOFT_TISSUE : base.on();
        // the clinic's parameter values are for the clinic's algorithm; --param values add to them or replace them
        Map<String, Double> values = new java.util.LinkedHashMap<>(algorithm.equals(base.algorithmId())
                ? base.algorithmParameters() : Map.of());
        values.putAll(parameters);
        MatchProtocol protocol = new MatchProtocol(matchOn, six, metric, softMetric, boxMargin, roiMargin, seed, limits,
                algorithm, values);
        try {
            protocol.algorithm(algorithms); // an algorithm that is not installed is a usage mistake, said before any reading
        } catch (IllegalArgumentException e) {
            throw new CliUsageException((!parameters.isEmpty() ? "--param: " : algorithm.equals(base.algorithmId())
                    ? ClinicSettings.FILE_NAME + ": " : "--algorithm: ") + e.getMessage());
        }
        return new Options(norm(planning), norm(daily), norm(rtstruct), norm(rtplan), roi, norm(sro), protocol);
    }

    private static SimilarityMetric metric(String option, String v) throws CliUsageException {
        try {
            return SimilarityMetric.parse(v);
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(option + ": " + e.getMessage());
        }
    }

    private static Path norm(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize();
    }

    private static double number(String option, String v, double min, double max) throws CliUsageException {
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new CliUsageException(option + " '" + v + "' is not a number");
        }
        if (!(d >= min && d <= max)) {
            throw new CliUsageException(option + " must be within " + fmt(min) + ".." + fmt(max) + ", not " + v);
        }
        return d;
    }

    // ---- JSON -------------------------------------------------------------------------------------------------

    private static JsonObject matchJson(MatchStep m, Vector3 isocenter) {
        RegistrationResult r = m.result();
        JsonObject o = new JsonObject();
        o.add("matrix", numbersExact(r.planningToDaily().toRowMajorArray()));
        double[] e = r.planningToDaily().eulerDegreesAbout(isocenter);
        o.add("rotationDeg", numbers(e[0], e[1], e[2]));
        o.add("translationMm", numbers(e[3], e[4], e[5]));
        o.addProperty("region", m.region().description());
        o.addProperty("dof", m.dof() == DegreesOfFreedom.SIX ? 6 : 3);
        o.addProperty("startedFrom", m.startedFrom());
        o.addProperty("metric", r.metric().id());
        o.addProperty("metricValue", r.metricValue());
        o.addProperty("overlap", round(r.overlap()));
        o.addProperty("evaluations", r.evaluations());
        o.addProperty("registrationMs", r.wallTimeMs());
        if (r.repeatabilityMm() != null) {
            JsonObject rep = new JsonObject();
            rep.addProperty("lr", round(r.repeatabilityMm().x()));
            rep.addProperty("ap", round(r.repeatabilityMm().y()));
            rep.addProperty("si", round(r.repeatabilityMm().z()));
            o.add("repeatabilityMm", rep);
            o.addProperty("uncertain", r.uncertaintyWarning() != null);
        }
        return o;
    }

    static JsonObject couchJson(CouchCorrection c, String fromMatch) {
        JsonObject o = new JsonObject();
        o.addProperty("position", c.position().name());
        o.addProperty("lateralMm", round(c.lateralMm()));
        o.addProperty("longitudinalMm", round(c.longitudinalMm()));
        o.addProperty("verticalMm", round(c.verticalMm()));
        o.addProperty("pitchDeg", round(c.pitchDeg()));
        o.addProperty("rollDeg", round(c.rollDeg()));
        o.addProperty("yawDeg", round(c.yawDeg()));
        o.addProperty("status", c.status().name());
        JsonArray messages = new JsonArray();
        c.messages().forEach(messages::add);
        o.add("messages", messages);
        o.addProperty("fromMatch", fromMatch);
        return o;
    }

    /** Soft-tissue minus bony position of the target centre in the daily image, and the couch corrections' difference. */
    private static JsonObject difference(Vector3 d, Vector3 targetCentre, String roiName, PatientPosition position,
            CouchCorrection bonyCouch, CouchCorrection softCouch) {
        Vector3 iec = TableTopAxes.of(position).toIec(d);
        JsonObject o = new JsonObject();
        o.addProperty("structure", roiName);
        o.add("targetCentreMm", numbers(targetCentre.x(), targetCentre.y(), targetCentre.z()));
        o.add("lps", numbers(d.x(), d.y(), d.z()));
        JsonObject t = new JsonObject();
        t.addProperty("lateral", round(iec.x()));
        t.addProperty("longitudinal", round(iec.y()));
        t.addProperty("vertical", round(iec.z()));
        o.add("iec", t);
        o.addProperty("norm", round(d.norm()));
        JsonObject couch = new JsonObject();
        couch.addProperty("lateralMm", round(softCouch.lateralMm() - bonyCouch.lateralMm()));
        couch.addProperty("longitudinalMm", round(softCouch.longitudinalMm() - bonyCouch.longitudinalMm()));
        couch.addProperty("verticalMm", round(softCouch.verticalMm() - bonyCouch.verticalMm()));
        o.add("couchSoftMinusBony", couch);
        o.addProperty("meaning", "where the soft-tissue match puts the target centre minus where the bony match puts it "
                + "(daily image, mm): how far the target moved relative to the bones; lps in patient axes, iec in table-top "
                + "axes (X lateral, Y longitudinal, Z vertical); couchSoftMinusBony is the extra couch shift the soft-tissue"
                + " correction applies");
        return o;
    }

    private static JsonObject seriesJson(PlanningInputs.Series s) {
        JsonObject o = new JsonObject();
        o.addProperty("folder", s.folder().toString());
        o.addProperty("modality", s.volume().info().modality());
        o.addProperty("description", s.volume().info().seriesDescription());
        o.addProperty("seriesInstanceUid", s.volume().info().seriesInstanceUid());
        o.addProperty("frameOfReferenceUid", s.volume().frameOfReferenceUid());
        o.addProperty("patientPosition", s.volume().info().patientPosition().name());
        return o;
    }

    private static JsonArray numbers(double... values) {
        JsonArray a = new JsonArray();
        for (double d : values) {
            a.add(round(d));
        }
        return a;
    }

    private static JsonArray numbersExact(double... values) {
        JsonArray a = new JsonArray();
        for (double d : values) {
            a.add(d + 0.0); // no -0.0
        }
        return a;
    }

    /** Four decimals (0.1 µm, 0.0001 deg) and no negative zero. */
    static double round(double v) {
        return Math.round(v * 1e4) / 1e4 + 0.0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    // ---- human-readable summary on stderr -----------------------------------------------------------------------

    private static void printSummary(ProgressMonitor progress, JsonObject out, RigidTransform t, CouchCorrection c,
            String planningFrame, String dailyFrame) {
        progress.begin("Result", -1);
        List<String> lines = new ArrayList<>();
        lines.add("maps planning CT frame " + planningFrame + " -> daily frame " + dailyFrame
                + " (LPS mm, p_daily = M p_planning)");
        double[] m = t.toRowMajorArray();
        for (int r = 0; r < 4; r++) {
            lines.add(String.format(Locale.ROOT, "  | %9.5f %9.5f %9.5f %9.3f |", m[r * 4], m[r * 4 + 1], m[r * 4 + 2],
                    m[r * 4 + 3]));
        }
        JsonArray rot = out.getAsJsonArray("rotationDeg"), tr = out.getAsJsonArray("translationMm");
        lines.add(String.format(Locale.ROOT, "%s match, %s: rotation (x, y, z) %.2f, %.2f, %.2f deg; isocenter moved"
                + " %.2f, %.2f, %.2f mm; %s %.4f, overlap %.2f; %d ms matching in all",
                out.get("finalMatch").getAsString().equals("softTissue") ? "soft-tissue" : "bony",
                out.get("region").getAsString(), rot.get(0).getAsDouble(), rot.get(1).getAsDouble(),
                rot.get(2).getAsDouble(), tr.get(0).getAsDouble(), tr.get(1).getAsDouble(), tr.get(2).getAsDouble(),
                out.get("metric").getAsString(), out.get("metricValue").getAsDouble(), out.get("overlap").getAsDouble(),
                out.get("registrationMs").getAsLong()));
        lines.add("isocenter " + out.get("isocenterMm") + " mm from " + out.get("isocenterSource").getAsString());
        lines.add("couch correction (IEC 61217 table top, " + c.position() + ", from the "
                + out.getAsJsonObject("couchCorrection").get("fromMatch").getAsString() + "): " + c.status());
        lines.add(String.format(Locale.ROOT, "  lateral      %+8.2f mm    pitch %+7.2f deg", round(c.lateralMm()),
                round(c.pitchDeg())));
        lines.add(String.format(Locale.ROOT, "  longitudinal %+8.2f mm    roll  %+7.2f deg", round(c.longitudinalMm()),
                round(c.rollDeg())));
        lines.add(String.format(Locale.ROOT, "  vertical     %+8.2f mm    yaw   %+7.2f deg", round(c.verticalMm()),
                round(c.yawDeg())));
        c.messages().forEach(s -> lines.add("  " + s));
        if (out.has("differenceAtTargetMm")) {
            JsonObject d = out.getAsJsonObject("differenceAtTargetMm");
            JsonObject iec = d.getAsJsonObject("iec");
            lines.add(String.format(Locale.ROOT, "soft tissue - bony at the %s centre: %.2f mm (lateral %+.2f, longitudinal "
                    + "%+.2f, vertical %+.2f mm)", d.get("structure").getAsString(), d.get("norm").getAsDouble(),
                    iec.get("lateral").getAsDouble(), iec.get("longitudinal").getAsDouble(),
                    iec.get("vertical").getAsDouble()));
        }
        out.getAsJsonArray("notes").forEach(n -> lines.add("note: " + n.getAsString()));
        lines.forEach(progress::subTask);
    }
}
