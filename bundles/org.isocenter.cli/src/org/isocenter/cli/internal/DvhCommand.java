/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;
import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.io.RtDoseReader;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.dose.DoseMetrics;
import org.isocenter.dose.DoseVolumeHistogram;
import org.isocenter.dose.DvhCalculator;
import org.osgi.service.component.annotations.Component;

/**
 * {@code dvh --rtdose FILE (--rtstruct FILE | --structures DIR) [--structure NAME ...] [--bin-gy X] [--vx 20,30]
 * [--dcc 0.03,2] [--step-mm X] [--curve]}: dose-volume histograms of structures on an RT Dose with their metrics
 * (doses in Gy, or relative units with the suffix {@code Rel}; volumes in cc and % of the part inside the dose grid).
 * The structure set and the dose must share the patient and the Frame of Reference.
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=dvh")
public final class DvhCommand implements CliCommand {

    /** At most this many points of each cumulative curve with {@code --curve}. */
    static final int CURVE_POINTS = 500;

    private record Options(Path rtdose, Path rtstruct, Path structures, List<String> names, double binWidth,
            double[] vx, double[] dcc, double stepMm, boolean curve) {
    }

    @Override
    public String name() {
        return "dvh";
    }

    @Override
    public String usage() {
        return "--rtdose FILE (--rtstruct FILE | --structures DIR) [--structure NAME ...] [--bin-gy X] [--vx 20,30]"
                + " [--dcc 0.03,2] [--step-mm X] [--curve]  dose-volume histograms: volume (cc), Dmin/Dmean/Dmax,"
                + " D98/D95/D50/D2 (Gy), V(x Gy) in cc and %, D(x cc); all structures without --structure";
    }

    @Override
    public JsonObject run(List<String> args, ProgressMonitor progress) throws Exception {
        Options o = parse(args);
        List<String> notes = new ArrayList<>();
        progress.begin("Reading the RT Dose", -1);
        DoseGrid dose = new RtDoseReader().read(o.rtdose());
        Path rtstructFile = o.rtstruct() != null ? o.rtstruct() : findStructureSet(o.structures(), dose, notes);
        progress.begin("Reading the RT Structure Set", -1);
        StructureSet set = new StructureSetReader().read(rtstructFile);
        DvhCalculator.checkSameFrameAndPatient(set, dose); // refuses with both UIDs or the patient differences

        List<Roi> rois = new ArrayList<>();
        if (o.names().isEmpty()) {
            set.rois().stream().filter(r -> !r.contours().isEmpty()).forEach(rois::add);
            if (rois.isEmpty()) {
                throw new IllegalArgumentException("structure set " + rtstructFile + " has no contoured structure");
            }
        } else {
            for (String n : o.names()) {
                rois.add(set.roi(n).orElseThrow(() -> new CliUsageException("no structure '" + n + "' in " + rtstructFile
                        + "; it has " + String.join(", ", set.rois().stream().map(Roi::name).toList()))));
            }
        }

        DvhCalculator calculator = new DvhCalculator().withBinWidth(o.binWidth()).withInPlaneStepMm(o.stepMm());
        boolean relative = !dose.units().equalsIgnoreCase("GY");
        String u = relative ? "Rel" : "Gy";
        JsonObject out = new JsonObject();
        out.addProperty("rtdose", o.rtdose().toString());
        out.addProperty("rtstruct", rtstructFile.toString());
        out.addProperty("patientId", dose.patient().patientId());
        out.addProperty("frameOfReferenceUid", dose.frameOfReferenceUid());
        out.addProperty("doseUnits", dose.units());
        out.addProperty("doseSummationType", dose.summationType());
        out.addProperty("doseType", dose.doseType());
        out.add("doseGrid", gridJson(dose.geometry()));
        if (relative) {
            notes.add("the RT Dose is in " + dose.units() + " units: dose values (keys ending in Rel) are relative, not Gy");
        }
        JsonArray structures = new JsonArray();
        Map<String, Double> binWidths = new LinkedHashMap<>();
        for (Roi roi : rois) {
            long start = System.nanoTime();
            DoseVolumeHistogram dvh;
            try {
                dvh = calculator.calculate(set, roi, dose, progress);
            } catch (IllegalArgumentException e) {
                if (!o.names().isEmpty()) {
                    throw e; // a structure asked for by name must be computed
                }
                notes.add("skipped " + roi.name() + ": " + e.getMessage());
                continue;
            }
            long ms = Math.round((System.nanoTime() - start) / 1e6);
            binWidths.put(roi.name(), dvh.binWidth());
            structures.add(structureJson(roi, dvh, u, o, ms));
            dvh.warnings().forEach(w -> progress.subTask("warning: " + w));
        }
        out.addProperty("binWidth" + u, binWidths.values().stream().findFirst().orElse(Double.NaN));
        out.add("structures", structures);
        JsonArray n = new JsonArray();
        notes.forEach(n::add);
        out.add("notes", n);
        out.addProperty("percentOf", "the part of each structure inside the dose grid (volumeCc)");
        return out;
    }

    private static JsonObject structureJson(Roi roi, DoseVolumeHistogram dvh, String u, Options o, long ms) {
        DoseMetrics m = dvh.metrics();
        JsonObject s = new JsonObject();
        s.addProperty("name", roi.name());
        s.addProperty("roiNumber", roi.number());
        s.addProperty("interpretedType", roi.interpretedType());
        s.addProperty("volumeCc", round(m.volumeCc()));
        s.addProperty("structureVolumeCc", round(m.structureVolumeCc()));
        s.addProperty("outsideDoseGridCc", round(m.outsideDoseGridCc()));
        s.addProperty("partlyOutsideDoseGrid", dvh.partlyOutsideDoseGrid());
        s.addProperty("Dmin" + u, round(m.minDose()));
        s.addProperty("Dmean" + u, round(m.meanDose()));
        s.addProperty("Dmax" + u, round(m.maxDose()));
        s.addProperty("D98" + u, round(m.d98()));
        s.addProperty("D95" + u, round(m.d95()));
        s.addProperty("D50" + u, round(m.d50()));
        s.addProperty("D2" + u, round(m.d2()));
        JsonArray v = new JsonArray();
        for (double dose : o.vx()) {
            JsonObject e = new JsonObject();
            e.addProperty("dose" + u, dose);
            e.addProperty("volumeCc", round(dvh.volumeCcAtDose(dose)));
            e.addProperty("volumePercent", round(dvh.volumePercentAtDose(dose)));
            v.add(e);
        }
        s.add("V", v);
        JsonArray d = new JsonArray();
        for (double cc : o.dcc()) {
            JsonObject e = new JsonObject();
            e.addProperty("volumeCc", cc);
            e.addProperty("dose" + u, round(dvh.doseAtVolumeCc(cc)));
            d.add(e);
        }
        s.add("Dcc", d);
        if (o.curve()) {
            s.add("cumulative", curve(dvh, u));
        }
        s.addProperty("inPlaneStepMm", round(dvh.inPlaneStepMm()));
        s.addProperty("samples", dvh.sampleCount());
        s.addProperty("timeMs", ms);
        JsonArray w = new JsonArray();
        dvh.warnings().forEach(w::add);
        s.add("warnings", w);
        return s;
    }

    /** The cumulative DVH at every k-th bin edge (at most {@link #CURVE_POINTS} points up to the maximum dose). */
    private static JsonObject curve(DoseVolumeHistogram dvh, String u) {
        double[] percent = dvh.cumulativePercent();
        int lastEdge = Math.min(percent.length - 1, (int) Math.ceil(dvh.maxDose() / dvh.binWidth()) + 1);
        int every = Math.max(1, (int) Math.ceil(lastEdge / (double) (CURVE_POINTS - 1)));
        JsonArray doses = new JsonArray(), volumes = new JsonArray();
        for (int b = 0; b <= lastEdge; b += every) {
            doses.add(round(b * dvh.binWidth()));
            volumes.add(round(percent[b]));
        }
        JsonObject c = new JsonObject();
        c.add("dose" + u, doses);
        c.add("volumePercent", volumes);
        return c;
    }

    private static JsonObject gridJson(VolumeGeometry g) {
        JsonObject o = new JsonObject();
        JsonArray shape = new JsonArray();
        shape.add(g.sizeX());
        shape.add(g.sizeY());
        shape.add(g.sizeZ());
        o.add("shape", shape);
        JsonArray spacing = new JsonArray();
        spacing.add(g.spacingXMm());
        spacing.add(g.spacingYMm());
        spacing.add(g.spacingZMm());
        o.add("spacingMm", spacing);
        return o;
    }

    /**
     * The RT Structure Set in {@code folder} (recursively) for the dose's Frame of Reference; refuses none or several
     * (naming them) and notes the ones of other frames it ignored.
     */
    private static Path findStructureSet(Path folder, DoseGrid dose, List<String> notes) throws Exception {
        List<Path> matching = new ArrayList<>(), others = new ArrayList<>();
        for (SeriesRecord s : new DicomFolderScanner().scan(folder, ProgressMonitor.NONE).allSeries()) {
            if (!s.modality().equals("RTSTRUCT")) {
                continue;
            }
            boolean sameFrame = dose.frameOfReferenceUid().equals(s.frameOfReferenceUid())
                    || s.referencedFrameOfReferenceUids().contains(dose.frameOfReferenceUid());
            for (InstanceRecord i : s.instances()) {
                (sameFrame ? matching : others).add(i.file());
            }
        }
        others.forEach(f -> notes.add("ignored RTSTRUCT " + f + ": not in the dose's Frame of Reference "
                + dose.frameOfReferenceUid()));
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("no RT Structure Set in " + folder + " for the dose's Frame of Reference "
                    + dose.frameOfReferenceUid() + (others.isEmpty() ? "" : " (" + others.size() + " in other frames)"));
        }
        if (matching.size() > 1) {
            throw new IllegalArgumentException("found " + matching.size() + " RT Structure Sets in " + folder
                    + " for the dose's Frame of Reference (" + String.join(", ", matching.stream().map(Path::toString)
                            .toList()) + "); choose one with --rtstruct");
        }
        notes.add("RT Structure Set found in " + folder + " by the dose's Frame of Reference: " + matching.get(0));
        return matching.get(0);
    }

    // ---- arguments --------------------------------------------------------------------------------------------

    private static final Set<String> OPTIONS = Set.of("--rtdose", "--rtstruct", "--structures", "--structure",
            "--bin-gy", "--step-mm", "--vx", "--dcc");

    private static Options parse(List<String> args) throws CliUsageException {
        CliArgs a = new CliArgs(args, OPTIONS, Set.of("--curve"));
        Path rtdose = a.existingFile("--rtdose");
        if (rtdose == null) {
            throw new CliUsageException("--rtdose FILE is required");
        }
        if (a.has("--rtstruct") == a.has("--structures")) {
            throw new CliUsageException("give the structure set with either --rtstruct FILE or --structures DIR");
        }
        return new Options(rtdose, a.existingFile("--rtstruct"), a.existingFolder("--structures"), a.all("--structure"),
                a.positive("--bin-gy", Double.NaN), a.numbers("--vx", false), a.numbers("--dcc", true),
                a.positive("--step-mm", Double.NaN), a.flag("--curve"));
    }

    /** Four decimals (0.1 mGy, 0.1 mm³, 0.0001 %) and no negative zero. */
    static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e4) / 1e4 + 0.0 : v;
    }
}
