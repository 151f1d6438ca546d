/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.viewer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;

import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.dicom.io.DicomWriteException;
import org.isocenter.dicom.io.ImageSeriesReference;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.igrt.AcceptedRegistration;
import org.isocenter.igrt.MatchGeometry;
import org.isocenter.igrt.MatchInputs;
import org.isocenter.igrt.MatchOn;
import org.isocenter.igrt.MatchOutcome;
import org.isocenter.igrt.MatchProtocol;
import org.isocenter.margin.FractionLog;
import org.isocenter.registration.CouchCorrection;
import org.isocenter.render.SliceScene;

/**
 * The workbench's adapter to the headless IGRT rules: the {@link MatchProtocol} inputs of the fused images, the
 * couch correction of the shown transform (IEC 61217 table-top, about the treatment isocenter; the match outcome's
 * own while the transform is the match's), and what accepting or rejecting writes: an accepted match as a DICOM
 * Spatial Registration by {@link AcceptedRegistration}'s convention beside the daily series, and every decision as a
 * line of the fraction log ({@link FractionLog}) in the same folder, which margin policies read as population data.
 */
public final class IgrtDecisions {

    public static final String LOG_FILE = FractionLog.FILE_NAME;

    private IgrtDecisions() {
    }

    /**
     * The protocol's inputs for the fused images of a model: the planning CT (primary) with its structure set and
     * plan, the daily image (secondary), and the soft-tissue structure (null: the first target).
     */
    public static MatchInputs inputs(ViewerModel model, String softTissueStructure) {
        SliceScene scene = model.scene();
        ViewerContent c = model.content();
        return new MatchInputs(scene.primary(), scene.secondary().orElseThrow(), scene.structures().orElse(null),
                c == null ? null : c.plan(), c == null || c.plan() == null ? ""
                        : "in the planning CT's Frame of Reference", softTissueStructure);
    }

    /**
     * Where the protocol looks and what the correction is about; a soft-tissue protocol without a usable structure
     * falls back to the bony geometry (the correction is still about the treatment isocenter).
     */
    public static MatchGeometry geometry(ViewerModel model, MatchProtocol protocol, String softTissueStructure) {
        MatchInputs in = inputs(model, softTissueStructure);
        try {
            return protocol.geometry(in);
        } catch (IllegalArgumentException e) {
            if (protocol.on() == MatchOn.BONE) {
                throw e;
            }
            return protocol.withOn(MatchOn.BONE).geometry(in);
        }
    }

    /**
     * The correction the shown transform asks for, or null when nothing is fused: the Auto match outcome's (with its
     * warnings) while the transform is the match's, else the protocol's correction of the transform as moved.
     */
    public static CouchCorrection correction(ViewerModel model, MatchProtocol protocol, MatchGeometry geometry) {
        SliceScene scene = model.scene();
        if (scene == null || scene.secondary().isEmpty() || scene.primaryToSecondary().isEmpty()) {
            return null;
        }
        MatchOutcome matched = model.matchOutcome();
        return matched != null ? matched.correction() : protocol.correction(scene.primaryToSecondary().get(), geometry);
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
        SpatialRegistration registration = AcceptedRegistration.of(planning, daily, scene.primaryToSecondary().orElseThrow(),
                String.format(Locale.ROOT, "IGRT match accepted (%s): %s", matchSource, describe(correction)));
        Path folder = recordFolder(dailySeries);
        Path file = AcceptedRegistration.newFile(folder, daily.info().seriesDescription());
        AcceptedRegistration.write(registration, ImageSeriesReference.of(planning, planningSeries),
                ImageSeriesReference.of(daily, dailySeries), daily.info().seriesDescription(), file);
        log(folder, LocalDateTime.now(), "ACCEPTED", scene, correction, matchSource, file.getFileName().toString());
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
}
