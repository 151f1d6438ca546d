/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.image;

import java.util.Objects;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;

/**
 * A radiotherapy projection image (DICOM RT Image), e.g. a digitally reconstructed radiograph used as the
 * reference image of a beam or setup field. Pixels are unsigned 16-bit values, row by row. Geometry in the
 * IEC 61217 image receptor plane: pixel spacing at that plane (mm, between rows then between columns), the
 * position of the upper-left pixel centre in that plane (mm, x then y), source-to-image distance and
 * source-axis distance (mm), and gantry/collimator/couch angles (degrees). The isocenter is in patient LPS
 * mm of {@link #frameOfReferenceUid()}, with the patient lying as {@link #patientPosition()} says; the referenced plan and beam say which field the image belongs to
 * (empty UID and 0 when none).
 */
public record RtImage(PatientIdentity patient, String frameOfReferenceUid, String label, String description,
        String conversionType, int rows, int columns, int[] pixels, double[] pixelSpacingMm, double[] imagePositionMm,
        double sourceToImageDistanceMm, double sourceAxisDistanceMm, double gantryDeg, double collimatorDeg,
        double couchDeg, Vector3 isocenterMm, PatientPosition patientPosition, String referencedPlanUid,
        int referencedBeamNumber) {

    public RtImage {
        Objects.requireNonNull(patient, "patient");
        frameOfReferenceUid = Objects.requireNonNullElse(frameOfReferenceUid, "");
        label = Objects.requireNonNullElse(label, "");
        description = Objects.requireNonNullElse(description, "");
        conversionType = Objects.requireNonNullElse(conversionType, "WSD");
        referencedPlanUid = Objects.requireNonNullElse(referencedPlanUid, "");
        Objects.requireNonNull(isocenterMm, "isocenterMm");
        Objects.requireNonNull(patientPosition, "patientPosition");
        if (rows <= 0 || columns <= 0 || pixels.length != rows * columns) {
            throw new IllegalArgumentException("RT Image " + rows + "x" + columns + " with " + pixels.length + " pixels");
        }
        for (int p : pixels) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("RT Image pixel value " + p + " outside unsigned 16-bit range");
            }
        }
        if (pixelSpacingMm.length != 2 || pixelSpacingMm[0] <= 0 || pixelSpacingMm[1] <= 0) {
            throw new IllegalArgumentException("RT Image needs two positive pixel spacings (mm)");
        }
        if (imagePositionMm.length != 2) {
            throw new IllegalArgumentException("RT Image Position needs two values (mm)");
        }
        if (sourceToImageDistanceMm <= 0 || sourceAxisDistanceMm <= 0) {
            throw new IllegalArgumentException("RT Image source distances must be positive (mm)");
        }
        pixels = pixels.clone();
        pixelSpacingMm = pixelSpacingMm.clone();
        imagePositionMm = imagePositionMm.clone();
    }

    @Override
    public int[] pixels() {
        return pixels.clone();
    }

    @Override
    public double[] pixelSpacingMm() {
        return pixelSpacingMm.clone();
    }

    @Override
    public double[] imagePositionMm() {
        return imagePositionMm.clone();
    }
}
