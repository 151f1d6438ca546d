/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration;

import java.util.Map;
import java.util.Objects;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;

/**
 * What to match: the planning CT (fixed) and the daily image (moving, any grid and Frame of Reference), the
 * region of the planning CT the match looks at (its box centre is the centre of rotation), the degrees of
 * freedom, the similarity metric, the starting pose (planning → daily, LPS mm; e.g. a manual pre-alignment), the
 * seed of the sampling (results are deterministic) and the values of the algorithm's own
 * {@link RegistrationAlgorithm#parameters() parameters} by key (in their units; absent ones take their defaults).
 */
public record RegistrationRequest(ImageVolume planning, ImageVolume daily, RegistrationRegion region, DegreesOfFreedom dof,
        SimilarityMetric metric, RigidTransform start, long seed, Map<String, Double> parameters) {

    /** Rotations and translations, or translations only. */
    public enum DegreesOfFreedom {
        SIX, TRANSLATION_ONLY
    }

    public RegistrationRequest {
        Objects.requireNonNull(planning, "planning");
        Objects.requireNonNull(daily, "daily");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(dof, "dof");
        Objects.requireNonNull(metric, "metric");
        parameters = Map.copyOf(Objects.requireNonNullElse(parameters, Map.of()));
        if (!planning.patient().isSamePatient(daily.patient())) {
            throw new IllegalArgumentException("refusing to register images of different patients: "
                    + String.join(", ", planning.patient().differencesFrom(daily.patient())));
        }
        if (start == null) {
            start = RigidTransform.identity(planning.frameOfReferenceUid(), daily.frameOfReferenceUid());
        } else if (!start.fromFrameUid().equals(planning.frameOfReferenceUid())
                || !start.toFrameUid().equals(daily.frameOfReferenceUid())) {
            throw new IllegalArgumentException("the starting pose maps " + start.fromFrameUid() + " to "
                    + start.toFrameUid() + ", not the planning CT's frame " + planning.frameOfReferenceUid()
                    + " to the daily image's frame " + daily.frameOfReferenceUid());
        }
    }

    /** A request with the algorithm's default parameters. */
    public RegistrationRequest(ImageVolume planning, ImageVolume daily, RegistrationRegion region, DegreesOfFreedom dof,
            SimilarityMetric metric, RigidTransform start, long seed) {
        this(planning, daily, region, dof, metric, start, seed, Map.of());
    }

    /** A mutual-information match in a clip box (LPS mm) from the identity pose. */
    public RegistrationRequest(ImageVolume planning, ImageVolume daily, Vector3 roiMinMm, Vector3 roiMaxMm,
            DegreesOfFreedom dof, long seed) {
        this(planning, daily, RegistrationRegion.box(roiMinMm, roiMaxMm), dof, SimilarityMetric.MUTUAL_INFORMATION, null,
                seed);
    }

    /** The same request with another region, metric, degrees of freedom or start. */
    public RegistrationRequest withRegion(RegistrationRegion r) {
        return new RegistrationRequest(planning, daily, r, dof, metric, start, seed, parameters);
    }

    public RegistrationRequest withMetric(SimilarityMetric m) {
        return new RegistrationRequest(planning, daily, region, dof, m, start, seed, parameters);
    }

    public RegistrationRequest withDof(DegreesOfFreedom d) {
        return new RegistrationRequest(planning, daily, region, d, metric, start, seed, parameters);
    }

    public RegistrationRequest withStart(RigidTransform s) {
        return new RegistrationRequest(planning, daily, region, dof, metric, s, seed, parameters);
    }

    /** The same request with these values of the algorithm's parameters. */
    public RegistrationRequest withParameters(Map<String, Double> values) {
        return new RegistrationRequest(planning, daily, region, dof, metric, start, seed, values);
    }

    /**
     * The soft-tissue refinement of a bony match: the same images and seed, translations only on {@code region}
     * (a target plus a margin), starting from the bony result, with {@link SimilarityMetric#SOFT_TISSUE_DEFAULT}.
     */
    public RegistrationRequest softTissueAfter(RigidTransform bonyPlanningToDaily, RegistrationRegion softRegion) {
        return new RegistrationRequest(planning, daily, softRegion, DegreesOfFreedom.TRANSLATION_ONLY,
                SimilarityMetric.SOFT_TISSUE_DEFAULT, bonyPlanningToDaily, seed, parameters);
    }

    /** The centre of rotation of the match: the region's box centre (planning LPS mm). */
    public Vector3 centreOfRotationMm() {
        return region.centreMm();
    }
}
