package org.isocenter.registration;

import java.util.Objects;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;

/**
 * What to match: the planning CT (fixed) and the daily image (moving, any grid and Frame of Reference), the
 * region the match is restricted to as a box in planning-CT LPS mm (its centre is also the centre of rotation),
 * the degrees of freedom, and the seed of the sampling (results are deterministic).
 */
public record RegistrationRequest(ImageVolume planning, ImageVolume daily, Vector3 roiMinMm, Vector3 roiMaxMm,
        DegreesOfFreedom dof, long seed) {

    /** Rotations and translations, or translations only. */
    public enum DegreesOfFreedom {
        SIX, TRANSLATION_ONLY
    }

    public RegistrationRequest {
        Objects.requireNonNull(planning, "planning");
        Objects.requireNonNull(daily, "daily");
        Objects.requireNonNull(dof, "dof");
        if (!(roiMinMm.x() < roiMaxMm.x() && roiMinMm.y() < roiMaxMm.y() && roiMinMm.z() < roiMaxMm.z())) {
            throw new IllegalArgumentException("region of interest is empty: " + roiMinMm + " .. " + roiMaxMm);
        }
        if (!planning.patient().isSamePatient(daily.patient())) {
            throw new IllegalArgumentException("refusing to register images of different patients: "
                    + String.join(", ", planning.patient().differencesFrom(daily.patient())));
        }
    }

    public Vector3 roiCentreMm() {
        return roiMinMm.plus(roiMaxMm).times(0.5);
    }
}
