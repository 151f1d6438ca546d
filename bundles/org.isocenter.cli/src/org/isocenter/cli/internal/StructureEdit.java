/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.isocenter.cli.CliUsageException;
import org.isocenter.contour.StructureDefaults;
import org.isocenter.contour.OutputPlanes;
import org.isocenter.contour.StructureStatistics;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.io.StructureSetWriter;
import org.isocenter.dicom.io.WrittenObject;

/**
 * What {@code margin} and {@code boolean} share: the planning CT and its structure set (given, or found by Frame of
 * Reference), structures by name, the CT's slices as output planes, and the new structure written with all the
 * others into a new RT Structure Set (the imported one is never touched), read back and reported.
 */
final class StructureEdit {

    private final PlanningInputs.Series planning;
    private final PlanningInputs.Found<StructureSet> structures;
    private final List<String> notes = new ArrayList<>();

    private StructureEdit(PlanningInputs.Series planning, PlanningInputs.Found<StructureSet> structures) {
        this.planning = planning;
        this.structures = structures;
    }

    static StructureEdit load(Path planningFolder, Path rtstruct, ProgressMonitor progress) throws Exception {
        PlanningInputs.Series planning = PlanningInputs.loadSeries("planning", planningFolder, progress);
        List<String> notes = new ArrayList<>();
        PlanningInputs.Found<StructureSet> ss = new PlanningInputs(planning, notes).structureSet(rtstruct)
                .orElseThrow(() -> new IllegalArgumentException(planning.volume().frameOfReferenceUid().isEmpty()
                        ? "the planning CT in " + planningFolder + " states no Frame of Reference UID, so no structure "
                                + "set can be matched to it"
                        : "no structure set found in " + planningFolder + " or its parent folder for the planning CT's "
                                + "Frame of Reference " + planning.volume().frameOfReferenceUid()
                                + "; give one with --rtstruct"));
        StructureEdit edit = new StructureEdit(planning, ss);
        edit.notes.addAll(notes);
        return edit;
    }

    /** The structure with this name (ignoring case), with contours. */
    Roi structure(String name) throws CliUsageException {
        StructureSet ss = structures.object();
        Roi roi = ss.roi(name).orElseThrow(() -> new CliUsageException("no structure '" + name + "' in "
                + structures.file() + "; it has " + String.join(", ", ss.rois().stream().map(Roi::name).toList())));
        if (roi.contours().isEmpty()) {
            throw new IllegalArgumentException("structure '" + roi.name() + "' has no contours");
        }
        return roi;
    }

    /** A structure as slabs, its spacing from its own contours or else the CT's slice spacing. */
    RoiSlabs slabs(Roi roi) {
        return new RoiSlabs(roi, planning.volume().geometry().spacingZMm());
    }

    /** The planning CT's slices. */
    OutputPlanes planes() {
        return OutputPlanes.onImage(planning.volume().geometry());
    }

    /** Refuses a name that is taken (case-insensitive) and an empty result. */
    void checkNewName(String name) throws CliUsageException {
        if (name.isBlank() || name.length() > 64) {
            throw new CliUsageException("--name must be 1 to 64 characters");
        }
        if (structures.object().roi(name).isPresent()) {
            throw new CliUsageException("a structure named '" + name + "' exists already in " + structures.file()
                    + "; choose another --name");
        }
    }

    /**
     * Writes all structures plus the new one to {@code out} (a new RT Structure Set referencing the planning CT),
     * reads it back, and returns the report. A null colour: the name's conventional one, distinct from the set's
     * ({@link StructureDefaults}).
     */
    JsonObject writeWithNew(String name, String type, int[] colour, List<Contour> contours, Path out, String label)
            throws Exception {
        if (contours.isEmpty()) {
            throw new IllegalArgumentException("the result '" + name + "' is empty on every slice of the planning CT; "
                    + "nothing written");
        }
        StructureSet ss = structures.object();
        int number = ss.rois().stream().mapToInt(Roi::number).max().orElse(0) + 1;
        int[] rgb = colour != null ? colour
                : StructureDefaults.colourFor(name, type, ss.rois().stream().map(Roi::colorRgb).toList());
        Roi added = new Roi(number, name, rgb, type, contours);
        List<Roi> rois = new ArrayList<>(ss.rois());
        rois.add(added);
        StructureSet result = new StructureSet(label, ss.patient(), ss.frameOfReferenceUid(),
                ss.referencedSeriesInstanceUid(), rois);
        LocalDateTime now = LocalDateTime.now();
        SeriesAttributes attributes = new SeriesAttributes(now.format(DateTimeFormatter.BASIC_ISO_DATE),
                now.format(DateTimeFormatter.ofPattern("HHmmss")), "", "Isocenter structures", 1, "Isocenter");
        WrittenObject written = new StructureSetWriter().write(result, planning.reference(), attributes,
                seriesDescription("Structures + " + name), out);
        StructureSet back = new StructureSetReader().read(out);
        Roi readBack = back.roi(name).orElseThrow(() -> new IllegalStateException(
                "the written structure set " + out + " does not hold '" + name + "'"));
        JsonObject j = new JsonObject();
        j.addProperty("rtstruct", structures.file().toString());
        j.addProperty("rtstructFound", structures.how());
        j.addProperty("out", out.toString());
        j.addProperty("sopInstanceUid", written.sopInstanceUid());
        j.addProperty("structuresWritten", back.rois().size());
        j.addProperty("roiNumber", number);
        j.addProperty("planes", "the planning CT's " + planning.volume().geometry().sizeZ() + " slices, "
                + fmt(planning.volume().geometry().spacingZMm()) + " mm apart");
        j.add("result", statistics(slabs(readBack)));
        if (!notes.isEmpty()) {
            JsonArray n = new JsonArray();
            notes.forEach(n::add);
            j.add("notes", n);
        }
        return j;
    }

    /** A Series Description (LO: at most 64 characters) for a composed text, shortened with an ellipsis. */
    static String seriesDescription(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }

    /** Volume (cc), centre of mass, bounds and extent (patient LPS mm) of a structure. */
    static JsonObject statistics(RoiSlabs slabs) {
        StructureStatistics s = StructureStatistics.of(slabs);
        JsonObject j = new JsonObject();
        j.addProperty("name", s.name());
        j.addProperty("volumeCc", round(s.volumeCc(), 3));
        j.add("centreOfMassMm", vector(s.centreOfMassMm()));
        j.add("boundsMinMm", vector(s.boundsMinMm()));
        j.add("boundsMaxMm", vector(s.boundsMaxMm()));
        j.add("extentMm", vector(s.extentMm()));
        j.addProperty("contouredSlices", s.contouredSlices());
        return j;
    }

    private static JsonArray vector(Vector3 v) {
        JsonArray a = new JsonArray();
        a.add(round(v.x(), 3));
        a.add(round(v.y(), 3));
        a.add(round(v.z(), 3));
        return a;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
