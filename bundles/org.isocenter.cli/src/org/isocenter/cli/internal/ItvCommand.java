/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;
import org.isocenter.contour.BooleanOperation;
import org.isocenter.contour.MaskConversion;
import org.isocenter.contour.OutputPlanes;
import org.isocenter.contour.StructureBooleans;
import org.isocenter.contour.StructureStatistics;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.ImageSeriesReference;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.io.StructureSetWriter;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.margin.InternalMargin;
import org.osgi.service.component.annotations.Component;

/**
 * {@code itv --4dct FOLDER --structure GTV [--out itv.dcm]}: the internal target volume of a 4D-CT — one image
 * series per respiratory phase, each with a structure set holding the target — as the exact union of the phases'
 * contours, with the mid-ventilation phase, the peak-to-peak amplitude per axis and the random error breathing adds
 * to a mid-ventilation plan (A/3). Phases of another patient or Frame of Reference are refused.
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=itv")
public final class ItvCommand implements CliCommand {

    private static final Set<String> OPTIONS = Set.of("--4dct", "--structure", "--out", "--name");

    @Override
    public String name() {
        return "itv";
    }

    @Override
    public String usage() {
        return "--4dct <folder with one CT series per phase and their RTSTRUCTs> --structure NAME [--out itv.dcm]"
                + " [--name ITV]  ITV (union over phases), mid-ventilation phase, amplitude and A/3 per axis (mm)";
    }

    /** One respiratory phase: its CT and the target on it. */
    private record Phase(SeriesRecord series, ImageVolume image, Roi target, Path rtstruct) {
    }

    @Override
    public JsonObject run(List<String> args, ProgressMonitor progress) throws Exception {
        CliArgs a = new CliArgs(args, OPTIONS);
        Path folder = a.folder("--4dct");
        String structure = a.required("--structure", "<target name>");
        Path out = a.has("--out") ? a.newFile("--out") : null;
        String name = a.text("--name", "ITV");
        DicomIndex index = new DicomFolderScanner().scan(folder, progress);
        List<SeriesRecord> cts = index.allSeries().stream().filter(SeriesRecord::isImageSeries)
                .sorted(Comparator.comparingInt(SeriesRecord::seriesNumber).thenComparing(SeriesRecord::description)).toList();
        if (cts.size() < 2) {
            throw new IllegalArgumentException("a 4D-CT needs at least 2 phase series; " + folder + " holds " + cts.size());
        }
        List<Phase> phases = new ArrayList<>();
        for (SeriesRecord ct : cts) {
            progress.subTask("phase " + ct.description());
            SeriesRecord rs = index.allSeries().stream().filter(s -> s.modality().equals("RTSTRUCT")
                    && s.referencedSeriesUids().contains(ct.seriesInstanceUid())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("phase '" + ct.description() + "' (series "
                            + ct.seriesNumber() + ") has no structure set referencing it"));
            Path file = rs.instances().get(0).file();
            StructureSet ss = new StructureSetReader().read(file);
            Roi roi = ss.roi(structure).orElseThrow(() -> new CliUsageException("no structure '" + structure + "' in "
                    + file + "; it has " + String.join(", ", ss.rois().stream().map(Roi::name).toList())));
            ImageVolume image = new ImageSeriesReader().read(ct.instances().stream().map(InstanceRecord::file).toList(),
                    ProgressMonitor.NONE);
            phases.add(new Phase(ct, image, roi, file));
        }
        ImageVolume first = phases.get(0).image();
        for (Phase p : phases) {
            List<String> differences = first.patient().differencesFrom(p.image().patient());
            if (!differences.isEmpty()) {
                throw new IllegalArgumentException("phase '" + p.series().description() + "' belongs to another patient ("
                        + String.join(", ", differences) + ")");
            }
            if (!p.image().frameOfReferenceUid().equals(first.frameOfReferenceUid())) {
                throw new IllegalArgumentException("phase '" + p.series().description() + "' is in Frame of Reference "
                        + p.image().frameOfReferenceUid() + ", the first phase in " + first.frameOfReferenceUid()
                        + ": the phases of one 4D-CT share one");
            }
        }
        VolumeGeometry grid = first.geometry();
        OutputPlanes planes = OutputPlanes.onImage(grid);
        RoiSlabs itv = null;
        List<BinaryMask> masks = new ArrayList<>();
        JsonArray perPhase = new JsonArray();
        for (Phase p : phases) {
            RoiSlabs slabs = new RoiSlabs(p.target(), grid.spacingZMm());
            masks.add(MaskConversion.mask(slabs, grid));
            itv = itv == null ? slabs : new RoiSlabs(new Roi(1, name, p.target().colorRgb(), "ITV",
                    StructureBooleans.apply(BooleanOperation.UNION, itv, slabs, planes)), grid.spacingZMm());
            StructureStatistics s = StructureStatistics.of(slabs);
            JsonObject o = new JsonObject();
            o.addProperty("phase", p.series().description());
            o.addProperty("volumeCc", s.volumeCc());
            o.add("centreOfMassMm", vector(s.centreOfMassMm()));
            perPhase.add(o);
        }
        InternalMargin motion = InternalMargin.of(masks);
        List<Contour> itvContours = itv.roi().contours();
        JsonObject j = new JsonObject();
        j.addProperty("folder", folder.toString());
        j.addProperty("structure", structure);
        j.add("phases", perPhase);
        j.addProperty("itvVolumeCc", StructureStatistics.of(itv).volumeCc());
        j.addProperty("midVentilationPhase", phases.get(motion.midVentilationPhase()).series().description());
        j.add("meanPositionMm", vector(motion.meanPositionMm()));
        JsonObject amp = new JsonObject();
        amp.addProperty("lr", motion.amplitudeMm().lr());
        amp.addProperty("ap", motion.amplitudeMm().ap());
        amp.addProperty("si", motion.amplitudeMm().si());
        j.add("amplitudeMm", amp);
        JsonObject sigma = new JsonObject();
        var component = motion.respiratoryRandomComponent();
        sigma.addProperty("lr", component.sdMm().lr());
        sigma.addProperty("ap", component.sdMm().ap());
        sigma.addProperty("si", component.sdMm().si());
        j.add("respiratoryRandomMm", sigma);
        j.addProperty("method", "ITV = union of the phases' contours per plane (exact polygons); mid-ventilation phase ="
                + " the phase whose target centroid is nearest the mean over phases; amplitude = peak-to-peak of the"
                + " centroids (voxel masks); sigma_resp = A/3 (Wolthaus et al. 2008)");
        if (out != null) {
            Phase mid = phases.get(motion.midVentilationPhase());
            StructureSet source = new StructureSetReader().read(mid.rtstruct());
            int number = source.rois().stream().mapToInt(Roi::number).max().orElse(0) + 1;
            List<Roi> rois = new ArrayList<>(source.rois());
            rois.add(new Roi(number, name, new int[] { 255, 128, 0 }, "ITV", itvContours));
            StructureSet withItv = new StructureSet("ITV " + structure, source.patient(), source.frameOfReferenceUid(),
                    mid.series().seriesInstanceUid(), rois);
            LocalDateTime now = LocalDateTime.now();
            new StructureSetWriter().write(withItv, ImageSeriesReference.of(mid.image(), mid.series()),
                    new SeriesAttributes(now.format(DateTimeFormatter.BASIC_ISO_DATE),
                            now.format(DateTimeFormatter.ofPattern("HHmmss")), "", "Isocenter ITV", 1, "Isocenter"),
                    "ITV on " + mid.series().description(), out);
            j.addProperty("out", out.toString());
            j.addProperty("writtenOnPhase", mid.series().description());
        }
        return j;
    }

    private static JsonArray vector(Vector3 v) {
        JsonArray a = new JsonArray();
        a.add(v.x());
        a.add(v.y());
        a.add(v.z());
        return a;
    }
}
