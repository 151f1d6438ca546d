/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.osgi.util.NLS;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.render.DisplaySettings;
import org.isocenter.render.DoseDisplay;
import org.isocenter.render.FusionMode;
import org.isocenter.render.FusionSettings;
import org.isocenter.render.MprNavigator;
import org.isocenter.render.SliceRenderer;
import org.isocenter.render.SliceScene;
import org.isocenter.render.WindowLevel;

/**
 * The state shared by the linked views of the image viewer (UI thread only): the scene (primary, structures,
 * dose, isocenter, secondary and transform), display settings, the navigator (crosshair, pan, zoom), the
 * secondary's transform as editable parameters, and messages. Views register as listeners and repaint on change.
 */
public final class ViewerModel {

    /** Parameters of the primary-to-secondary transform: rotations (deg) about x, y, z about a centre, then mm. */
    public record TransformParameters(double txMm, double tyMm, double tzMm, double rxDeg, double ryDeg, double rzDeg) {
        public static final TransformParameters IDENTITY = new TransformParameters(0, 0, 0, 0, 0, 0);
    }

    private ViewerContent content;
    private SliceScene scene;
    private org.isocenter.core.patient.PatientPosition treatmentPosition;
    private DisplaySettings settings = DisplaySettings.defaults();
    private MprNavigator navigator;
    private String secondaryLabel = "";
    private String transformSource = "";
    private Vector3 rotationCentreMm = Vector3.ZERO;
    private TransformParameters transform = TransformParameters.IDENTITY;
    private String message = Messages.ViewerModel_selectSeries;
    private final List<String> warnings = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private int viewGeneration;

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    public void removeListener(Runnable l) {
        listeners.remove(l);
    }

    /** Tells the views to repaint. */
    public void changed() {
        viewGeneration++;
        listeners.forEach(Runnable::run);
    }

    /** Counts repaint requests (tests wait on it). */
    public int generation() {
        return viewGeneration;
    }

    /** Shows freshly loaded content: crosshair on the middle of the first target (PTV, CTV, GTV) or the image. */
    public void show(ViewerContent c, WindowLevel window, int viewSizePx) {
        content = c;
        SliceScene s = SliceScene.of(c.primary());
        warnings.clear();
        warnings.addAll(c.warnings());
        if (c.structures() != null) {
            s = s.withStructures(c.structures());
            if (s.skippedContours() > 0) {
                warnings.add(NLS.bind(Messages.ViewerModel_contoursNotDrawn, s.skippedContours()));
            }
        }
        if (c.dose() != null) {
            s = s.withDose(c.dose());
        }
        // the command line's rule: the first treatment beam's isocenter, the position of its patient setup
        var treatment = org.isocenter.igrt.TreatmentIsocenter.of(c.plan(), c.primary().info().patientPosition());
        if (treatment.isPresent()) {
            s = s.withIsocenter(treatment.get().mm());
        }
        treatmentPosition = treatment.map(org.isocenter.igrt.TreatmentIsocenter::position)
                .orElse(c.primary().info().patientPosition());
        scene = s;
        settings = settings.withPrimaryWindow(window).withSecondaryWindow(window).withFusion(null)
                .withDose(c.dose() == null ? null : DoseDisplay.relativeTo(prescriptionGy(), "Gy"));
        secondaryLabel = "";
        transformSource = "";
        transform = TransformParameters.IDENTITY;
        navigator = new MprNavigator(c.primary().geometry(), startPoint(s), s.primaryCentreMm(),
                SliceRenderer.fitMmPerPixel(s, viewSizePx, viewSizePx));
        rotationCentreMm = s.isocenterMm().orElse(s.primaryCentreMm());
        message = null;
        changed();
    }

    /** The plan's prescription dose (Gy), else the dose maximum / 1.07, for the isodose levels. */
    private double prescriptionGy() {
        if (content.plan() != null) {
            for (var rx : content.plan().prescriptions()) {
                if (rx.doseReferenceType().equals("TARGET") && rx.targetPrescriptionDoseGy() > 0) {
                    return rx.targetPrescriptionDoseGy();
                }
            }
        }
        return content.dose().max() / 1.07;
    }

    private static Vector3 startPoint(SliceScene s) {
        return firstTarget(s).map(roi -> {
            var pts = roi.contours().get(roi.contours().size() / 2).pointsMm();
            double x = pts.stream().mapToDouble(Vector3::x).average().orElse(0);
            double y = pts.stream().mapToDouble(Vector3::y).average().orElse(0);
            return new Vector3(x, y, pts.get(0).z());
        }).orElse(s.primaryCentreMm());
    }

    /** The first contoured target of the scene's structure set, by type: PTV, then CTV, then GTV. */
    public static Optional<Roi> firstTarget(SliceScene s) {
        return s.structures().flatMap(StructureSet::firstTarget);
    }

    /** Adds the secondary image with its initial transform (registration, or identity when nothing links them). */
    public void setSecondary(ImageVolume image, String label, RigidTransform initial, String source) {
        scene = scene.withSecondary(image, initial);
        secondaryLabel = label;
        transformSource = source;
        transform = parameters(initial);
        if (settings.fusion() == null) {
            settings = settings.withFusion(FusionSettings.of(FusionMode.CHECKERBOARD));
        }
        changed();
    }

    public void clearSecondary() {
        scene = scene.withSecondary(null, null);
        settings = settings.withFusion(null);
        secondaryLabel = "";
        transformSource = "";
        changed();
    }

    /**
     * Shows the outcome of an Auto match: its exact transform (no round trip through the spinners' angles, so the
     * couch correction is the protocol's to the last bit) and the outcome, kept until the transform changes.
     */
    public void setMatched(org.isocenter.igrt.MatchOutcome outcome) {
        RigidTransform t = outcome.planningToDaily();
        transform = parameters(t);
        transformSource = outcome.describe();
        scene = scene.withTransform(t);
        matchOutcome = outcome;
        changed();
    }

    /** The Auto match outcome the current transform is, or null (never matched, or moved since). */
    public org.isocenter.igrt.MatchOutcome matchOutcome() {
        return matchOutcome != null && scene != null && scene.primaryToSecondary().orElse(null) == matchOutcome
                .planningToDaily() ? matchOutcome : null;
    }

    private org.isocenter.igrt.MatchOutcome matchOutcome;

    /** Sets the transform parameters (spinners, nudges): all views update. */
    public void setTransform(TransformParameters p, String source) {
        matchOutcome = null;
        transform = p;
        transformSource = source;
        ImageVolume sec = scene.secondary().orElseThrow();
        scene = scene.withTransform(RigidTransform.fromEulerDegrees(scene.primary().frameOfReferenceUid(),
                sec.frameOfReferenceUid(), p.rxDeg(), p.ryDeg(), p.rzDeg(), rotationCentreMm,
                new Vector3(p.txMm(), p.tyMm(), p.tzMm())));
        changed();
    }

    /**
     * Shows an edited structure set (contouring) and which ROI numbers to hide; the scene's other content stays.
     * The set must be of the primary's patient and Frame of Reference.
     */
    public void setStructures(StructureSet set, java.util.Set<Integer> hiddenRoiNumbers) {
        if (scene == null) {
            return;
        }
        if (set != scene.structures().orElse(null)) {
            scene = scene.withStructures(set);
        }
        settings = settings.withHiddenRois(hiddenRoiNumbers);
        changed();
    }

    /** Euler parameters (R = Rz Ry Rx about the rotation centre) of a rigid transform. */
    public TransformParameters parameters(RigidTransform t) {
        double[] e = t.eulerDegreesAbout(rotationCentreMm);
        return new TransformParameters(e[3], e[4], e[5], e[0], e[1], e[2]);
    }

    public void setSettings(DisplaySettings s) {
        settings = s;
        changed();
    }

    public void setMessage(String m) {
        message = m;
        changed();
    }

    /** Empties the viewer (Close Patient). */
    public void clear(String m) {
        content = null;
        scene = null;
        navigator = null;
        secondaryLabel = "";
        transformSource = "";
        transform = TransformParameters.IDENTITY; // no stale registration of an earlier image or patient
        warnings.clear();
        message = m;
        changed();
    }

    public ViewerContent content() { return content; }
    public SliceScene scene() { return scene; }

    /** The patient position couch corrections are in: the plan's patient setup, else the planning image's. */
    public org.isocenter.core.patient.PatientPosition treatmentPosition() {
        return treatmentPosition != null ? treatmentPosition
                : scene == null ? null : scene.primary().info().patientPosition();
    }
    public DisplaySettings settings() { return settings; }
    public MprNavigator navigator() { return navigator; }
    public String secondaryLabel() { return secondaryLabel; }
    public String transformSource() { return transformSource; }
    public TransformParameters transform() { return transform; }
    public Vector3 rotationCentreMm() { return rotationCentreMm; }
    /** The message shown instead of images (loading, refusal); null when images are shown. */
    public String message() { return message; }
    public List<String> warnings() { return List.copyOf(warnings); }

    /** Treatment beams of the plan (for the 3D view). */
    public List<Beam> beams() {
        return content == null || content.plan() == null ? List.of()
                : content.plan().beams().stream().filter(b -> b.deliveryType().equals("TREATMENT")).toList();
    }
}
