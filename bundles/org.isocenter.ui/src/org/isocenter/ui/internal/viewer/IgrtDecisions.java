package org.isocenter.ui.internal.viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.dicom.io.DicomWriteException;
import org.isocenter.dicom.io.ImageSeriesReference;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.SpatialRegistrationWriter;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.margin.FractionLog;
import org.isocenter.registration.CorrectionLimits;
import org.isocenter.registration.CouchCorrection;
import org.isocenter.render.SliceScene;

/**
 * The IGRT decision on a fused daily image: the couch correction its transform asks for (IEC 61217 table-top
 * terms, about the plan isocenter; the daily image is taken to be reconstructed with the machine isocenter at the
 * plan isocenter's coordinates, so identity means "no shift"), and what accepting or rejecting it records: an
 * accepted match is written as a DICOM Spatial Registration (planning CT frame, the daily image's transform into
 * it) beside the daily series, and every decision is appended to the fraction log ({@link FractionLog}) in the same
 * folder, which margin policies read as population data.
 */
public final class IgrtDecisions {

    public static final String LOG_FILE = FractionLog.FILE_NAME;
    /** Half size of the box whose corners bound the error a 3-DOF couch leaves (mm). */
    static final double RESIDUAL_BOX_HALF_MM = 50;

    private IgrtDecisions() {
    }

    /** The point the correction is about: the plan isocenter, else the primary image centre. */
    public static Vector3 isocenter(SliceScene scene) {
        return scene.isocenterMm().orElse(scene.primaryCentreMm());
    }

    /**
     * The correction for the scene's current transform in the treatment position (the plan's patient setup, see
     * TreatmentIsocenter), or null when nothing is fused.
     */
    public static CouchCorrection correction(SliceScene scene, org.isocenter.core.patient.PatientPosition position,
            CorrectionLimits limits, boolean sixDofCouch) {
        if (scene == null || scene.secondary().isEmpty() || scene.primaryToSecondary().isEmpty()) {
            return null;
        }
        RigidTransform t = scene.primaryToSecondary().get();
        Vector3 iso = isocenter(scene);
        return sixDofCouch ? CouchCorrection.sixDof(t, iso, iso, position, limits)
                : CouchCorrection.translationOnly(t, iso, iso, iso, RESIDUAL_BOX_HALF_MM, position, limits);
    }

    /** Where decisions on a daily series are recorded: the folder that holds the series' folder. */
    public static Path recordFolder(SeriesRecord daily) {
        Path first = daily.instances().get(0).file().toAbsolutePath();
        Path seriesFolder = first.getParent();
        return seriesFolder.getParent() != null ? seriesFolder.getParent() : seriesFolder;
    }

    /**
     * Accepts the match: writes the Spatial Registration (never overwriting) and logs the decision.
     *
     * @return the registration file written
     */
    public static Path accept(SliceScene scene, SeriesRecord planningSeries, SeriesRecord dailySeries,
            CouchCorrection correction, String matchSource) throws IOException, DicomWriteException {
        if (correction.status() == CouchCorrection.Status.REFUSED) {
            throw new IllegalStateException("a refused correction cannot be accepted: " + String.join("; ", correction.messages()));
        }
        ImageVolume planning = scene.primary(), daily = scene.secondary().orElseThrow();
        RigidTransform dailyToPlanning = scene.primaryToSecondary().orElseThrow().inverse();
        LocalDateTime now = LocalDateTime.now();
        String description = String.format(Locale.ROOT, "IGRT match accepted (%s): %s", matchSource, describe(correction));
        SpatialRegistration registration = new SpatialRegistration(planning.patient(), planning.frameOfReferenceUid(),
                "IGRT MATCH", description.length() > 64 ? description.substring(0, 64) : description,
                List.of(dailyToPlanning));
        Path folder = recordFolder(dailySeries);
        String stamp = now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path file = folder.resolve("REG_" + safe(daily.info().seriesDescription()) + "_" + stamp + ".dcm");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve("REG_" + safe(daily.info().seriesDescription()) + "_" + stamp + "-" + n + ".dcm");
        }
        SeriesAttributes attributes = new SeriesAttributes(now.format(DateTimeFormatter.BASIC_ISO_DATE),
                now.format(DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT)), "IGRT", "IGRT match", 900, "Isocenter");
        new SpatialRegistrationWriter().write(registration, planning.info().studyInstanceUid(),
                List.of(ImageSeriesReference.of(planning, planningSeries), ImageSeriesReference.of(daily, dailySeries)),
                attributes, "IGRT match " + daily.info().seriesDescription(), file);
        log(folder, now, "ACCEPTED", scene, correction, matchSource, file.getFileName().toString());
        return file;
    }

    /** Accepts a daily image that was never matched (confirmed by the user): logs it as such, writes nothing else. */
    public static void acceptUnmatched(SliceScene scene, SeriesRecord dailySeries, CouchCorrection correction)
            throws IOException {
        log(recordFolder(dailySeries), LocalDateTime.now(), "ACCEPTED", scene, correction, "none (unmatched, confirmed)", "");
    }

    /** Rejects the match: logs the decision (nothing else is written). */
    public static void reject(SliceScene scene, SeriesRecord dailySeries, CouchCorrection correction, String matchSource)
            throws IOException {
        log(recordFolder(dailySeries), LocalDateTime.now(), "REJECTED", scene, correction, matchSource, "");
    }

    /** "lat +3.2 mm, long -4.1 mm, vert +2.5 mm, pitch 0.0°, roll 0.0°, yaw 0.0° (APPLY)" */
    public static String describe(CouchCorrection c) {
        return String.format(Locale.ROOT, "lat %+.1f mm, long %+.1f mm, vert %+.1f mm, pitch %+.1f°, roll %+.1f°, yaw %+.1f° (%s)",
                c.lateralMm(), c.longitudinalMm(), c.verticalMm(), c.pitchDeg(), c.rollDeg(), c.yawDeg(), c.status());
    }

    private static void log(Path folder, LocalDateTime when, String decision, SliceScene scene, CouchCorrection c,
            String matchSource, String file) throws IOException {
        ImageVolume daily = scene.secondary().orElseThrow();
        FractionLog.append(folder, new FractionLog.Entry(when, System.getProperty("user.name", "?"), decision,
                scene.primary().patient().patientId(), daily.info().seriesInstanceUid(), c.position(), c.lateralMm(),
                c.longitudinalMm(), c.verticalMm(), c.pitchDeg(), c.rollDeg(), c.yawDeg(), c.status().name(), matchSource,
                file));
    }

    private static String safe(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
        return cleaned.isEmpty() ? "daily" : cleaned;
    }
}
