/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.dicom.io.DicomUids;
import org.isocenter.dicom.io.DicomWriteException;
import org.isocenter.dicom.io.ImageSeriesReference;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.SpatialRegistrationWriter;
import org.isocenter.dicom.io.WrittenObject;

/**
 * The one convention for the DICOM Spatial Registration written when an IGRT match is accepted, by the command line
 * and the workbench alike, and read back by the viewer and the export package through {@link #planningToDaily}:
 * <ul>
 * <li>the registration's Frame of Reference is the planning CT's (the reference the course is planned on);</li>
 * <li>it holds two items: identity for the planning CT's frame, and the daily image's frame → planning frame (the
 * inverse of the match's planning → daily transform), each with references to its series' instances;</li>
 * <li>it is a series of its own (modality REG, number {@value #SERIES_NUMBER}) in a study of its own, dated now, so
 * that the images' studies keep their attributes.</li>
 * </ul>
 * Registrations written the other way round (daily frame, planning → daily), as other systems do, are read too.
 */
public final class AcceptedRegistration {

    public static final String CONTENT_LABEL = "IGRT MATCH";
    public static final int SERIES_NUMBER = 900;

    private AcceptedRegistration() {
    }

    /** The registration of an accepted match (planning CT frame), described by {@code description} (≤ 64 chars kept). */
    public static SpatialRegistration of(ImageVolume planning, ImageVolume daily, RigidTransform planningToDaily,
            String description) {
        String planningFrame = planning.frameOfReferenceUid(), dailyFrame = daily.frameOfReferenceUid();
        if (planningFrame.equals(dailyFrame)) {
            throw new IllegalArgumentException("the planning CT and the daily image share the Frame of Reference "
                    + planningFrame + ": a Spatial Registration between them cannot hold the match");
        }
        if (!planningToDaily.fromFrameUid().equals(planningFrame) || !planningToDaily.toFrameUid().equals(dailyFrame)) {
            throw new IllegalArgumentException("the match maps " + planningToDaily.fromFrameUid() + " -> "
                    + planningToDaily.toFrameUid() + ", not the planning CT's frame to the daily image's");
        }
        return new SpatialRegistration(planning.patient(), planningFrame, CONTENT_LABEL, limit(description, 64),
                List.of(RigidTransform.identity(planningFrame, planningFrame), planningToDaily.inverse()));
    }

    /**
     * Writes the registration of an accepted match to {@code file} (never overwriting) with references to both
     * image series.
     */
    public static WrittenObject write(SpatialRegistration registration, ImageSeriesReference planning,
            ImageSeriesReference daily, String dailyDescription, Path file) throws DicomWriteException {
        LocalDateTime now = LocalDateTime.now();
        SeriesAttributes attributes = new SeriesAttributes(now.format(DateTimeFormatter.BASIC_ISO_DATE),
                now.format(DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT)), "IGRT", "IGRT match", SERIES_NUMBER,
                "Isocenter");
        return new SpatialRegistrationWriter().write(registration, DicomUids.random(), List.of(planning, daily),
                attributes, limit("IGRT match " + dailyDescription, 64), file);
    }

    /** A new file name for the registration of a daily image in {@code folder}: REG_description_yyyyMMdd-HHmmss.dcm. */
    public static Path newFile(Path folder, String dailyDescription) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        String name = dailyDescription.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
        name = name.isEmpty() ? "daily" : name;
        Path file = folder.resolve("REG_" + name + "_" + stamp + ".dcm");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve("REG_" + name + "_" + stamp + "-" + n + ".dcm");
        }
        return file;
    }

    /**
     * The planning → daily transform a registration holds, whichever of the two frames it is in; empty when it
     * does not link them.
     */
    public static Optional<RigidTransform> planningToDaily(SpatialRegistration reg, String planningFrame,
            String dailyFrame) {
        if (planningFrame.equals(dailyFrame)) {
            return Optional.of(RigidTransform.identity(planningFrame, dailyFrame));
        }
        if (reg.frameOfReferenceUid().equals(planningFrame)) {
            return reg.transformFrom(dailyFrame).map(RigidTransform::inverse);
        }
        if (reg.frameOfReferenceUid().equals(dailyFrame)) {
            return reg.transformFrom(planningFrame);
        }
        // both frames registered into a third one: planning -> third -> daily
        Optional<RigidTransform> p = reg.transformFrom(planningFrame), d = reg.transformFrom(dailyFrame);
        return p.isPresent() && d.isPresent() ? Optional.of(p.get().then(d.get().inverse())) : Optional.empty();
    }

    /** Whether a registration involves a frame (is in it, or maps it). */
    public static boolean involves(SpatialRegistration reg, String frame) {
        return reg.frameOfReferenceUid().equals(frame) || reg.transformFrom(frame).isPresent();
    }

    private static String limit(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
