/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.google.gson.GsonBuilder;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.io.DicomUids;
import org.isocenter.dicom.io.DicomWriteException;
import org.isocenter.dicom.io.ImageSeriesReference;
import org.isocenter.dicom.io.ImageSeriesWriter;
import org.isocenter.dicom.io.RtDoseWriter;
import org.isocenter.dicom.io.RtPlanWriter;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.StructureSetWriter;

/**
 * The built-in demo patient: a deterministic synthetic pelvis ({@link PelvisPhantom}) written as real DICOM
 * — a planning CT (256×256×100, 1.5×1.5×2.5 mm, HFS), an RT Structure Set (BODY, CTV, bladder, rectum,
 * femoral heads) and ten daily CBCT-like CT series with known rigid set-up errors, noise, intensity
 * scaling, cupping, a smaller cylindrical field of view and their own Frames of Reference (fractions 4-10 also
 * with known weight loss and bladder filling, {@link #COURSE_IMAGES}), plus a four-field
 * box plan with its analytic dose ({@link DemoPlan}). The same inputs
 * always give byte-identical files. {@code demo-truth.json} beside them records the known transforms.
 */
public final class DemoPatient {

    public static final PatientIdentity PATIENT = new PatientIdentity("ISO-DEMO-001", "PHANTOM^PELVIS", "19580312", "M");
    public static final String TRUTH_FILE = "demo-truth.json";
    public static final String CT_FOLDER = "CT_planning";
    public static final String RTSTRUCT_FILE = "RTSTRUCT_planning.dcm";
    public static final String RTPLAN_FILE = "RTPLAN_planning.dcm";
    public static final String RTDOSE_FILE = "RTDOSE_planning.dcm";

    private static final String UID_SEED = "isocenter-demo-v1";
    public static final String PLANNING_STUDY_UID = DicomUids.derived(UID_SEED, "study", "planning");
    public static final String PLANNING_SERIES_UID = DicomUids.derived(UID_SEED, "series", "planning-ct");
    public static final String PLANNING_FRAME_UID = DicomUids.derived(UID_SEED, "frame", "planning");

    /** Planning CT grid: 256×256×100 voxels of 1.5×1.5×2.5 mm centred on the body. */
    public static final VolumeGeometry PLANNING_GRID = VolumeGeometry.axial(256, 256, 100, 1.5, 1.5, 2.5,
            new Vector3(-127.5 * 1.5, -127.5 * 1.5, -49.5 * 2.5));

    /** Daily CBCT grid: 256×256×64 voxels of 1×1×2.5 mm centred on the CTV, in the daily frame. */
    public static final VolumeGeometry DAILY_GRID = VolumeGeometry.axial(256, 256, 64, 1.0, 1.0, 2.5,
            new Vector3(-127.5, 8 - 127.5, -20 - 31.5 * 2.5));

    /** Radius of the daily images' reconstructed (cylindrical) field of view about their central axis, mm. */
    public static final double DAILY_FOV_RADIUS_MM = 125;

    public static final List<DailyImageSpec> DAILY_IMAGES = List.of(
            new DailyImageSpec(1, "20261109", new Vector3(3.2, -4.1, 2.5), new Vector3(0, 0, 0)),
            new DailyImageSpec(2, "20261110", new Vector3(-6.0, 2.0, -5.5), new Vector3(1.0, -0.5, 1.5)),
            new DailyImageSpec(3, "20261111", new Vector3(8.5, 5.0, 3.0), new Vector3(-1.5, 1.0, -2.0)));

    /**
     * The rest of the demo course, fractions 4 to 10, with known truth for the adaptive rules: small set-up errors;
     * weight loss at the posterior body surface growing to 3 mm by fraction 6 and 7-9 mm from fraction 7 (the body
     * outline alert, threshold 5 mm, fires from fraction 7); and a filled bladder pushing the prostate 8 mm
     * anteriorly against the bones on fractions 8-10 (three in a row: the soft-tissue/bone alert fires on fraction 10
     * when the daily match is on soft tissue).
     */
    public static final List<DailyImageSpec> COURSE_IMAGES = List.of(
            new DailyImageSpec(4, "20261112", new Vector3(2.0, -1.0, 1.5), new Vector3(0, 0, 0), 0, new Vector3(0, 0, 0)),
            new DailyImageSpec(5, "20261113", new Vector3(-1.5, 2.5, -1.0), new Vector3(0, 0, 0), 1, new Vector3(0, 0, 0)),
            new DailyImageSpec(6, "20261116", new Vector3(1.0, 0.5, 2.0), new Vector3(0, 0, 0), 3, new Vector3(0, 0, 0)),
            new DailyImageSpec(7, "20261117", new Vector3(2.5, -2.0, 0.5), new Vector3(0, 0, 0), 7, new Vector3(0, 0, 0)),
            new DailyImageSpec(8, "20261118", new Vector3(-2.0, 1.0, 1.0), new Vector3(0, 0, 0), 8, new Vector3(0, -8, 0)),
            new DailyImageSpec(9, "20261119", new Vector3(0.5, 1.5, -0.5), new Vector3(0, 0, 0), 8.5,
                    new Vector3(0, -8, 2)),
            new DailyImageSpec(10, "20261120", new Vector3(1.5, -1.0, 2.5), new Vector3(0, 0, 0), 9,
                    new Vector3(0, -8, 1)));

    /** Every daily image of the demo course: the first three (set-up errors only), then the course images. */
    public static List<DailyImageSpec> allDailyImages() {
        List<DailyImageSpec> all = new ArrayList<>(DAILY_IMAGES);
        all.addAll(COURSE_IMAGES);
        return all;
    }

    private static final long NOISE_SEED = 20261121L;
    private static final double DAILY_NOISE_SD_HU = 25;
    private static final double DAILY_GAIN = 0.92;
    private static final double DAILY_OFFSET_HU = -20;
    private static final double DAILY_CUPPING_HU = 60;
    private static final int CONTOUR_POINTS = 72;

    private DemoPatient() {
    }

    /** Study, series and frame UIDs of a daily image. */
    public static String dailyStudyUid(int fraction) {
        return DicomUids.derived(UID_SEED, "study", "fx" + fraction);
    }

    public static String dailySeriesUid(int fraction) {
        return DicomUids.derived(UID_SEED, "series", "fx" + fraction);
    }

    public static String dailyFrameUid(int fraction) {
        return DicomUids.derived(UID_SEED, "frame", "fx" + fraction);
    }

    /** Folder of a daily image's series below the demo folder. */
    public static String dailyFolder(int fraction) {
        return String.format("CBCT_fx%02d", fraction);
    }

    /** The known transform from planning-CT coordinates to the daily image's coordinates (LPS mm). */
    public static RigidTransform planningToDaily(DailyImageSpec spec) {
        Vector3 rot = spec.rotationDeg();
        return RigidTransform.fromEulerDegrees(PLANNING_FRAME_UID, dailyFrameUid(spec.fraction()), rot.x(), rot.y(),
                rot.z(), ((AnalyticShape.Ellipsoid) PelvisPhantom.CTV).centreMm(), spec.translationMm());
    }

    /** Version of the generated demo folder (2: ten daily images, with anatomy changes from fraction 4). */
    public static final int VERSION = 2;

    /** Whether {@code folder} holds a complete demo patient of this version (its truth file says so). */
    public static boolean isComplete(Path folder) {
        Path truth = folder.resolve(TRUTH_FILE);
        if (!Files.isRegularFile(truth)) {
            return false;
        }
        try {
            var o = com.google.gson.JsonParser.parseString(Files.readString(truth, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            return o.has("version") && o.get("version").getAsInt() == VERSION;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Writes the demo patient into {@code folder}, which must be empty, absent, or an earlier demo folder
     * (then it is replaced). The truth file is written last, so a folder with it is complete.
     */
    public static void generate(Path folder, ProgressMonitor monitor) throws IOException, DicomWriteException {
        prepare(folder);
        monitor.begin("Generating the demo patient", 3 + allDailyImages().size());
        monitor.subTask("planning CT");
        ImageVolume ct = planningCt();
        ImageSeriesReference ctRef = new ImageSeriesWriter().writeCt(ct, attributes("20261102", 1, "Planning"),
                folder.resolve(CT_FOLDER), ProgressMonitor.NONE);
        monitor.worked(1);
        monitor.subTask("structure set");
        String structureSetUid = DicomUids.derived(UID_SEED, "sop", "rtstruct");
        new StructureSetWriter().write(structureSet(), ctRef, attributes("20261102", 2, "Planning"), "Planning contours",
                folder.resolve(RTSTRUCT_FILE), DicomUids.derived(UID_SEED, "series", "rtstruct"), structureSetUid);
        monitor.worked(1);
        monitor.subTask("plan and dose");
        String planUid = DicomUids.derived(UID_SEED, "sop", "rtplan");
        new RtPlanWriter().write(DemoPlan.plan(structureSetUid), PLANNING_STUDY_UID, attributes("20261103", 3, "Planning"),
                "Plan " + DemoPlan.LABEL, folder.resolve(RTPLAN_FILE), DicomUids.derived(UID_SEED, "series", "rtplan"), planUid);
        new RtDoseWriter().write(DemoPlan.dose(planUid), PLANNING_STUDY_UID, attributes("20261103", 4, "Planning"),
                "Plan dose " + DemoPlan.LABEL, 16, folder.resolve(RTDOSE_FILE), DicomUids.derived(UID_SEED, "series", "rtdose"),
                DicomUids.derived(UID_SEED, "sop", "rtdose"));
        monitor.worked(1);
        for (DailyImageSpec spec : allDailyImages()) {
            monitor.checkCancelled();
            monitor.subTask("daily CBCT fraction " + spec.fraction());
            new ImageSeriesWriter().writeCt(dailyImage(spec), attributes(spec.acquisitionDate(), 1,
                    "Fraction " + spec.fraction() + " CBCT"), folder.resolve(dailyFolder(spec.fraction())),
                    ProgressMonitor.NONE);
            monitor.worked(1);
        }
        writeTruth(folder);
    }

    private static void prepare(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            boolean empty;
            try (Stream<Path> s = Files.list(folder)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty) {
                if (!Files.isRegularFile(folder.resolve(TRUTH_FILE))) {
                    throw new IOException("refusing to write the demo patient into " + folder
                            + ": the folder is not empty and is not an earlier demo folder");
                }
                deleteTree(folder);
            }
        }
        Files.createDirectories(folder);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static SeriesAttributes attributes(String date, int seriesNumber, String studyDescription) {
        return new SeriesAttributes(date, "080000", "DEMO", studyDescription, seriesNumber, "Isocenter demo generator");
    }

    /** The planning CT as a volume (HU, slope 1, intercept 0). */
    public static ImageVolume planningCt() {
        VolumeGeometry g = PLANNING_GRID;
        short[] voxels = new short[g.voxelCount()];
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    Vector3 p = g.indexToPatient(i, j, k);
                    voxels[g.linearIndex(i, j, k)] = PelvisPhantom.huAt(p.x(), p.y(), p.z());
                }
            }
        }
        ImageVolumeInfo info = new ImageVolumeInfo(PATIENT, PLANNING_STUDY_UID, PLANNING_SERIES_UID, PLANNING_FRAME_UID,
                "CT", PatientPosition.HFS, "20261102", "Planning CT (demo pelvis)");
        return new ImageVolume(g, voxels, 1, 0, "HU", info);
    }

    /** A daily CBCT-like image: the phantom moved by the spec's set-up error, with imaging imperfections. */
    public static ImageVolume dailyImage(DailyImageSpec spec) {
        VolumeGeometry g = DAILY_GRID;
        RigidTransform dailyToPlanning = planningToDaily(spec).inverse();
        Random noise = new Random(NOISE_SEED + spec.fraction());
        Vector3 axis = g.indexToPatient((g.sizeX() - 1) / 2.0, (g.sizeY() - 1) / 2.0, 0);
        short[] voxels = new short[g.voxelCount()];
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    Vector3 q = g.indexToPatient(i, j, k);
                    double r = Math.hypot(q.x() - axis.x(), q.y() - axis.y());
                    double value;
                    if (r > DAILY_FOV_RADIUS_MM) {
                        value = PelvisPhantom.AIR_HU; // outside the reconstructed cylinder
                    } else {
                        Vector3 p = dailyToPlanning.apply(q);
                        double hu = PelvisPhantom.huAt(p.x(), p.y(), p.z(), spec.posteriorLossMm(),
                                spec.softTissueShiftMm());
                        double rel = r / DAILY_FOV_RADIUS_MM;
                        double cupping = hu > -500 ? -DAILY_CUPPING_HU * (1 - rel * rel) : 0;
                        value = DAILY_GAIN * hu + DAILY_OFFSET_HU + cupping + DAILY_NOISE_SD_HU * noise.nextGaussian();
                    }
                    voxels[g.linearIndex(i, j, k)] = (short) Math.max(-1024, Math.min(3071, Math.round(value)));
                }
            }
        }
        ImageVolumeInfo info = new ImageVolumeInfo(PATIENT, dailyStudyUid(spec.fraction()),
                dailySeriesUid(spec.fraction()), dailyFrameUid(spec.fraction()), "CT", PatientPosition.HFS,
                spec.acquisitionDate(), "Fraction " + spec.fraction() + " CBCT (demo)");
        return new ImageVolume(g, voxels, 1, 0, "HU", info);
    }

    /** The planning structure set: one contour per CT slice that cuts each structure. */
    public static StructureSet structureSet() {
        List<Roi> rois = new ArrayList<>();
        int number = 1;
        for (PelvisPhantom.Structure s : PelvisPhantom.STRUCTURES) {
            List<Contour> contours = new ArrayList<>();
            for (int k = 0; k < PLANNING_GRID.sizeZ(); k++) {
                double z = PLANNING_GRID.indexToPatient(0, 0, k).z();
                s.shape().axialContour(z, CONTOUR_POINTS).ifPresent(contours::add);
            }
            rois.add(new Roi(number++, s.name(), s.colorRgb(), s.interpretedType(), contours));
        }
        return new StructureSet("PLANNING", PATIENT, PLANNING_FRAME_UID, PLANNING_SERIES_UID, rois);
    }

    private static void writeTruth(Path folder) throws IOException {
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("description", "Isocenter demo patient: known set-up errors of the daily images. "
                + "planningToDaily maps planning-CT LPS mm to daily-image LPS mm (p_daily = R p_planning + t); "
                + "rotations in degrees about x, y, z (x first) about the CTV centre.");
        truth.put("version", VERSION);
        truth.put("patientId", PATIENT.patientId());
        truth.put("planningFrameOfReferenceUid", PLANNING_FRAME_UID);
        truth.put("planningSeriesInstanceUid", PLANNING_SERIES_UID);
        List<Map<String, Object>> daily = new ArrayList<>();
        for (DailyImageSpec spec : allDailyImages()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("fraction", spec.fraction());
            d.put("folder", dailyFolder(spec.fraction()));
            d.put("seriesInstanceUid", dailySeriesUid(spec.fraction()));
            d.put("frameOfReferenceUid", dailyFrameUid(spec.fraction()));
            d.put("translationMm", spec.translationMm().toArray());
            d.put("rotationDeg", spec.rotationDeg().toArray());
            d.put("planningToDailyRowMajor4x4", planningToDaily(spec).toRowMajorArray());
            d.put("posteriorLossMm", spec.posteriorLossMm());
            d.put("softTissueShiftMm", spec.softTissueShiftMm().toArray());
            daily.add(d);
        }
        truth.put("dailyImages", daily);
        String json = new GsonBuilder().setPrettyPrinting().create().toJson(truth);
        org.isocenter.core.io.AtomicFiles.replace(folder.resolve(TRUTH_FILE),
                t -> Files.writeString(t, json, StandardCharsets.UTF_8),
                t -> com.google.gson.JsonParser.parseString(Files.readString(t, StandardCharsets.UTF_8)));
    }
}
