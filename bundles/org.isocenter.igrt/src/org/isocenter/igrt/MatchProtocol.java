/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.patient.TableTopAxes;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Roi;
import org.isocenter.registration.CorrectionLimits;
import org.isocenter.registration.CouchCorrection;
import org.isocenter.registration.AlgorithmParameter;
import org.isocenter.registration.RegistrationAlgorithm;
import org.isocenter.registration.RegistrationAlgorithms;
import org.isocenter.registration.RegistrationRegion;
import org.isocenter.registration.RegistrationRequest;
import org.isocenter.registration.RegistrationRequest.DegreesOfFreedom;
import org.isocenter.registration.SimilarityMetric;
import org.isocenter.render.RoiMasks;

/**
 * The one IGRT match protocol, run by the command line ({@code register}) and the workbench (Auto match) alike, so
 * both give the same couch correction on the same images:
 * <ol>
 * <li>bone: a box of the target + {@code boxMarginMm} (planning CT frame), {@code bonyMetric}, with the degrees of
 * freedom the couch has (6, or translations only);</li>
 * <li>for a 3-DOF couch, a 6-DOF bony check: the rotation the couch cannot correct, reported (never applied) as the
 * error it leaves at the corners of a 10 cm box around the target centre;</li>
 * <li>soft tissue ({@link MatchOn#SOFT_TISSUE}): translations only on the structure + {@code softTissueMarginMm},
 * {@code softMetric}, started from the bony match;</li>
 * <li>outcome: the couch correction of the deciding match ({@link #correction}) with the protocol's warnings
 * (uncertain match, soft tissue far from bone, rotation beyond the maximum).</li>
 * </ol>
 * Transforms map the planning CT frame into the daily frame (LPS mm); couch corrections are IEC 61217 table-top
 * (mm, degrees) about the treatment isocenter. The daily image is taken to be reconstructed with the machine
 * isocenter at the plan isocenter's coordinates (as CBCT systems do).
 */
public record MatchProtocol(MatchOn on, boolean sixDofCouch, SimilarityMetric bonyMetric, SimilarityMetric softMetric,
        double boxMarginMm, double softTissueMarginMm, long seed, CorrectionLimits limits, String algorithmId,
        Map<String, Double> algorithmParameters) {

    /** The residual a 3-DOF couch leaves is reported at the corners of a 10 cm box around the target. */
    public static final double RESIDUAL_BOX_HALF_MM = 50;
    /** Soft-tissue and bony matches further apart than this at the target get a warning to check the images. */
    public static final double LARGE_DIFFERENCE_MM = 10;
    public static final long DEFAULT_SEED = 1;

    public MatchProtocol {
        if (on == null || bonyMetric == null || softMetric == null || limits == null || algorithmId == null) {
            throw new IllegalArgumentException("a match protocol needs what to match on, both metrics, the limits and "
                    + "the registration algorithm");
        }
        if (!(boxMarginMm >= 0) || !(softTissueMarginMm >= 0)) {
            throw new IllegalArgumentException("margins are 0 mm or more");
        }
        algorithmParameters = Map.copyOf(java.util.Objects.requireNonNullElse(algorithmParameters, Map.of()));
    }

    /** A protocol whose algorithm runs with its default parameters. */
    public MatchProtocol(MatchOn on, boolean sixDofCouch, SimilarityMetric bonyMetric, SimilarityMetric softMetric,
            double boxMarginMm, double softTissueMarginMm, long seed, CorrectionLimits limits, String algorithmId) {
        this(on, sixDofCouch, bonyMetric, softMetric, boxMarginMm, softTissueMarginMm, seed, limits, algorithmId, Map.of());
    }

    /**
     * The clinic's protocol: its default match, couch, soft-tissue margin, limits and registration algorithm; mutual
     * information on bone.
     */
    public static MatchProtocol of(ClinicSettings clinic) {
        return new MatchProtocol(clinic.defaultMatch(), clinic.sixDofCouch(), SimilarityMetric.MUTUAL_INFORMATION,
                SimilarityMetric.SOFT_TISSUE_DEFAULT, RegistrationRegion.BONY_MARGIN_MM, clinic.softTissueMarginMm(),
                DEFAULT_SEED, clinic.limits(), clinic.registrationAlgorithm(), clinic.algorithmParameters());
    }

    public MatchProtocol withOn(MatchOn o) {
        return new MatchProtocol(o, sixDofCouch, bonyMetric, softMetric, boxMarginMm, softTissueMarginMm, seed, limits,
                algorithmId, algorithmParameters);
    }

    public MatchProtocol withSoftTissueMarginMm(double mm) {
        return new MatchProtocol(on, sixDofCouch, bonyMetric, softMetric, boxMarginMm, mm, seed, limits, algorithmId, algorithmParameters);
    }

    /**
     * This protocol with another registration algorithm (the id of a {@link RegistrationAlgorithm} service), run with
     * its default parameters.
     */
    public MatchProtocol withAlgorithm(String id) {
        return new MatchProtocol(on, sixDofCouch, bonyMetric, softMetric, boxMarginMm, softTissueMarginMm, seed, limits,
                id, Map.of());
    }

    /** This protocol with these values of its algorithm's parameters (by key, in their units). */
    public MatchProtocol withAlgorithmParameters(Map<String, Double> values) {
        return new MatchProtocol(on, sixDofCouch, bonyMetric, softMetric, boxMarginMm, softTissueMarginMm, seed, limits,
                algorithmId, values);
    }

    /**
     * The registration algorithm this protocol names, among those installed; refused, with the installed ones named,
     * when it is not (a clinic setting or {@code --algorithm} that names a plug-in no longer installed).
     */
    public RegistrationAlgorithm algorithm(RegistrationAlgorithms installed) {
        RegistrationAlgorithm a = installed.byId(algorithmId).orElseThrow(() -> new IllegalArgumentException(
                "registration algorithm '" + algorithmId + "' is not installed; installed: " + String.join(", ",
                        installed.available().stream().map(RegistrationAlgorithm::id).toList())));
        resolvedParameters(a); // refuses a parameter it does not take, or a value out of range
        return a;
    }

    /** The values {@code algorithm} runs with under this protocol: every parameter it declares, given or default. */
    public Map<String, Double> resolvedParameters(RegistrationAlgorithm algorithm) {
        return AlgorithmParameter.resolve(algorithm.id(), algorithm.parameters(), algorithmParameters);
    }

    /** The bony match's degrees of freedom: the couch's. */
    public DegreesOfFreedom bonyDof() {
        return sixDofCouch ? DegreesOfFreedom.SIX : DegreesOfFreedom.TRANSLATION_ONLY;
    }

    /**
     * Where the match looks and what the correction is about. Refuses (IllegalArgumentException, with what to do) a
     * soft-tissue match without a structure, a named structure that is not in the set or has no contours, and a
     * patient position whose couch axes are unknown.
     */
    public MatchGeometry geometry(MatchInputs in) {
        VolumeGeometry grid = in.planning().geometry();
        List<String> notes = new ArrayList<>();
        Optional<Roi> target = in.structures() == null ? Optional.empty() : in.structures().firstTarget();
        RegistrationRegion box = RegistrationRegion.aroundTarget(grid, target, boxMarginMm);
        Optional<RegistrationRegion> soft = Optional.empty();
        BinaryMask softMask = null;
        String targetName = target.map(Roi::name).orElse("");
        if (on == MatchOn.SOFT_TISSUE) {
            Roi roi = softTissueStructure(in, target);
            softMask = RoiMasks.rasterize(roi, grid);
            if (softMask.isEmpty()) {
                throw new IllegalArgumentException("structure '" + roi.name() + "' covers no voxel of the planning CT");
            }
            soft = Optional.of(RegistrationRegion.aroundStructure(softMask, softTissueMarginMm, roi.name()));
            targetName = roi.name();
        }
        Vector3 targetCentre = softMask != null ? softMask.centroidMm()
                : target.map(t -> RoiMasks.rasterize(t, grid)).filter(m -> !m.isEmpty()).map(BinaryMask::centroidMm)
                        .orElse(box.centreMm());
        PatientPosition ctPosition = in.planning().info().patientPosition();
        Optional<TreatmentIsocenter> treatment = TreatmentIsocenter.of(in.plan(), ctPosition);
        RegistrationRegion finalRegion = soft.orElse(box);
        MatchGeometry g;
        if (treatment.isPresent()) {
            TreatmentIsocenter t = treatment.get();
            notes.addAll(t.notes());
            String source = (in.planSource().isEmpty() ? "RTPLAN" : "RTPLAN " + in.planSource()) + ", beam "
                    + t.beam().number() + (t.beam().name().isEmpty() ? "" : " '" + t.beam().name() + "'");
            g = new MatchGeometry(t.mm(), source, true, t.position(), t.positionSource(), targetCentre, targetName, box,
                    soft, notes);
        } else {
            notes.add("no plan isocenter: the couch correction is about the centre of the match region");
            g = new MatchGeometry(finalRegion.centreMm(), "centre of the " + finalRegion.description() + " region (no "
                    + "RT Plan" + (in.plan() != null ? " beams" : "") + ")", false, ctPosition, "planning CT",
                    targetCentre, targetName, box, soft, notes);
        }
        TableTopAxes.of(g.position()); // refuses a position the couch axes are not known for
        return g;
    }

    private static Roi softTissueStructure(MatchInputs in, Optional<Roi> target) {
        if (in.softTissueStructure() == null) {
            return target.orElseThrow(() -> new IllegalArgumentException("a soft-tissue match needs a structure: "
                    + (in.structures() == null ? "there is no structure set" : "the structure set has no contoured "
                            + "target (PTV, CTV, GTV)") + "; name one, or match on bone"));
        }
        if (in.structures() == null) {
            throw new IllegalArgumentException("a soft-tissue match on '" + in.softTissueStructure() + "' needs the "
                    + "planning CT's structure set: none was found");
        }
        Roi roi = in.structures().roi(in.softTissueStructure()).orElseThrow(() -> new IllegalArgumentException(
                "no structure '" + in.softTissueStructure() + "' in structure set '" + in.structures().label()
                        + "'; it has " + String.join(", ", in.structures().rois().stream().map(Roi::name).toList())));
        if (roi.contours().isEmpty()) {
            throw new IllegalArgumentException("structure '" + roi.name() + "' has no contours");
        }
        return roi;
    }

    /**
     * Runs the protocol: the bony match, the 6-DOF check for a 3-DOF couch, the soft-tissue match, and the outcome.
     * Images of different patients are refused (the message names both). The protocol's algorithm is taken from
     * {@code installed} (the {@link RegistrationAlgorithms} service).
     */
    public MatchOutcome run(MatchInputs in, RegistrationAlgorithms installed, ProgressMonitor progress) {
        MatchGeometry g = geometry(in);
        RegistrationAlgorithm algorithm = algorithm(installed);
        RegistrationRequest base = new RegistrationRequest(in.planning(), in.daily(), g.bonyRegion(), bonyDof(),
                bonyMetric, null, seed, algorithmParameters);
        List<MatchStep> steps = new ArrayList<>();
        progress.begin("Bony match: " + g.bonyRegion().description() + ", " + (sixDofCouch ? "6 DOF" : "translations only"),
                -1);
        MatchStep bony = new MatchStep(MatchStep.BONY, g.bonyRegion(), bonyDof(), "identity (as acquired)",
                algorithm.register(base, progress));
        steps.add(bony);
        MatchStep check = null;
        if (!sixDofCouch) {
            progress.begin("Bony match with rotations (what a 3-DOF couch leaves): " + g.bonyRegion().description(), -1);
            check = new MatchStep(MatchStep.BONY_6DOF_CHECK, g.bonyRegion(), DegreesOfFreedom.SIX,
                    "identity (as acquired)", algorithm.register(base.withDof(DegreesOfFreedom.SIX), progress));
            steps.add(check);
        }
        MatchStep soft = null;
        if (g.softTissueRegion().isPresent()) {
            RegistrationRegion region = g.softTissueRegion().get();
            progress.begin("Soft-tissue match: " + region.description() + ", translations from the bony match", -1);
            soft = new MatchStep(MatchStep.SOFT_TISSUE, region, DegreesOfFreedom.TRANSLATION_ONLY, "the bony match",
                    algorithm.register(base.softTissueAfter(bony.result().planningToDaily(), region)
                            .withMetric(softMetric), progress));
            steps.add(soft);
        }
        MatchStep deciding = soft != null ? soft : bony;
        RigidTransform result = deciding.result().planningToDaily();
        List<String> warnings = new ArrayList<>();
        Optional<Vector3> difference = Optional.empty();
        Optional<CouchCorrection> bonyCorrection = Optional.empty();
        if (soft != null) {
            Vector3 c = g.targetCentreMm();
            Vector3 d = result.apply(c).minus(bony.result().planningToDaily().apply(c));
            difference = Optional.of(d);
            bonyCorrection = Optional.of(correction(bony.result().planningToDaily(), g));
            if (d.norm() > LARGE_DIFFERENCE_MM) {
                warnings.add(String.format(Locale.ROOT, "the soft-tissue match puts the %s centre %.1f mm from where the "
                        + "bony match puts it: check the match on the images before applying", g.targetName(), d.norm()));
            }
        }
        String uncertain = deciding.result().uncertaintyWarning();
        if (uncertain != null) {
            warnings.add((soft != null ? "soft-tissue " : "bony ") + uncertain);
        }
        Optional<CouchCorrection> residual = Optional.empty();
        if (check != null) {
            RigidTransform six = check.result().planningToDaily();
            CouchCorrection r = CouchCorrection.translationOnly(six, g.isocenterMm(), g.isocenterMm(), g.targetCentreMm(),
                    RESIDUAL_BOX_HALF_MM, g.position(), limits);
            residual = Optional.of(r);
            r.messages().stream().filter(m -> m.startsWith("3-DOF"))
                    .forEach(m -> warnings.add(m + " (rotation from a 6-DOF bony match)"));
            if (six.rotationAngleDegrees() > limits.maxRotationDeg()) {
                warnings.add(String.format(Locale.ROOT, "the patient is rotated by %.2f deg, more than the allowed maximum "
                        + "%.1f deg, which a 3-DOF couch cannot correct: consider re-positioning",
                        six.rotationAngleDegrees(), limits.maxRotationDeg()));
            }
        }
        CouchCorrection c = correction(result, g);
        List<String> messages = new ArrayList<>(c.messages());
        messages.addAll(warnings);
        c = new CouchCorrection(c.position(), c.lateralMm(), c.longitudinalMm(), c.verticalMm(), c.pitchDeg(),
                c.rollDeg(), c.yawDeg(), c.status(), messages);
        return new MatchOutcome(this, g, steps, result, c, residual, bonyCorrection, difference);
    }

    /**
     * The couch correction a transform (planning → daily, LPS mm) asks for, about the geometry's isocenter: all six
     * components for a 6-DOF couch; for a 3-DOF couch the translation that best aligns a 10 cm box around the target
     * centre given that any rotation stays, with what that rotation leaves (a transform without rotation: its
     * translation). The same for matched and hand-moved transforms.
     */
    public CouchCorrection correction(RigidTransform planningToDaily, MatchGeometry g) {
        // a transform without rotation (a 3-DOF match) is its translation: no residual to report
        boolean rotated = planningToDaily.rotationAngleDegrees() > 0;
        return sixDofCouch || !rotated ? CouchCorrection.sixDof(planningToDaily, g.isocenterMm(), g.isocenterMm(), g.position(), limits)
                : CouchCorrection.translationOnly(planningToDaily, g.isocenterMm(), g.isocenterMm(), g.targetCentreMm(),
                        RESIDUAL_BOX_HALF_MM, g.position(), limits);
    }
}
