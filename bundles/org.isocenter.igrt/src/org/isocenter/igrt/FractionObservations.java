/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

/**
 * What was measured on a fraction's daily image besides the couch correction, each null when not measured:
 * the imaging protocol used ({@link ImagingDoseTable} id) and its dose estimate (mGy, per image set); the soft tissue
 * minus bone difference at the target ({@code softTissueMinusBoneMm}: length of the difference between the
 * soft-tissue and the bony match's translations, mm); the body outline on the daily image against the planning
 * outline after the fraction's correction in the treated region ({@code outlineInwardMm}: largest distance the
 * outline moved inward, weight loss; {@code outlineOutwardMm}: largest outward, swelling; both >= 0, mm); and the
 * daily target volume against the planning target volume ({@code targetVolumeChangePercent}, signed %).
 */
public record FractionObservations(String imagingProtocol, Double imagingDoseMGy, Double softTissueMinusBoneMm,
        Double outlineInwardMm, Double outlineOutwardMm, Double targetVolumeChangePercent) {

    /** Nothing measured. */
    public static final FractionObservations NONE = new FractionObservations(null, null, null, null, null, null);

    public FractionObservations {
        check(imagingDoseMGy, "imaging dose", true);
        check(softTissueMinusBoneMm, "soft tissue minus bone difference", true);
        check(outlineInwardMm, "inward outline change", true);
        check(outlineOutwardMm, "outward outline change", true);
        check(targetVolumeChangePercent, "target volume change", false);
        if (imagingDoseMGy != null && (imagingProtocol == null || imagingProtocol.isBlank())) {
            throw new IllegalArgumentException("an imaging dose needs the imaging protocol it was estimated for");
        }
    }

    /** These observations with the imaging protocol and its dose (mGy). */
    public FractionObservations withImaging(String protocol, double doseMGy) {
        return new FractionObservations(protocol, doseMGy, softTissueMinusBoneMm, outlineInwardMm, outlineOutwardMm,
                targetVolumeChangePercent);
    }

    /** These observations with the outline comparison's largest inward and outward distances (mm). */
    public FractionObservations withOutline(double inwardMm, double outwardMm) {
        return new FractionObservations(imagingProtocol, imagingDoseMGy, softTissueMinusBoneMm, inwardMm, outwardMm,
                targetVolumeChangePercent);
    }

    /** These observations with the soft tissue minus bone difference (mm). */
    public FractionObservations withSoftTissueMinusBone(double mm) {
        return new FractionObservations(imagingProtocol, imagingDoseMGy, mm, outlineInwardMm, outlineOutwardMm,
                targetVolumeChangePercent);
    }

    /** These observations with the target volume change (signed %). */
    public FractionObservations withTargetVolumeChange(double percent) {
        return new FractionObservations(imagingProtocol, imagingDoseMGy, softTissueMinusBoneMm, outlineInwardMm,
                outlineOutwardMm, percent);
    }

    private static void check(Double v, String what, boolean nonNegative) {
        if (v != null && (!Double.isFinite(v) || (nonNegative && v < 0))) {
            throw new IllegalArgumentException("the " + what + " must be a finite" + (nonNegative ? ", non-negative" : "")
                    + " number, got " + v);
        }
    }
}
