/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.dicom.internal.Attrs;
import org.isocenter.dicom.internal.Part10;
import org.isocenter.dicom.internal.Tags;

/**
 * Reads a DICOM Spatial Registration into a {@link SpatialRegistration}: for each Registration Sequence item,
 * the product of its matrices (applied in sequence order) maps the item's Frame of Reference into the
 * object's own. Non-rigid matrices (AFFINE with scaling or shear) are refused: Isocenter registrations are rigid.
 */
public final class SpatialRegistrationReader {

    public SpatialRegistration read(Path file) throws DicomReadException {
        return Part10.guarded(file, "Spatial Registration", () -> readChecked(file));
    }

    private SpatialRegistration readChecked(Path file) throws DicomReadException {
        AttributeList l = Part10.read(file, "REG", "a Spatial Registration");
        String target = Attrs.string(l, TagFromName.FrameOfReferenceUID);
        if (target.isEmpty()) {
            throw new DicomReadException(file, "Spatial Registration without a Frame of Reference UID");
        }
        List<RigidTransform> transforms = new ArrayList<>();
        for (AttributeList item : Attrs.items(l, Tags.RegistrationSequence)) {
            String from = Attrs.string(item, TagFromName.FrameOfReferenceUID);
            RigidTransform t = RigidTransform.identity(from, target);
            for (AttributeList mr : Attrs.items(item, Tags.MatrixRegistrationSequence)) {
                for (AttributeList m : Attrs.items(mr, Tags.MatrixSequence)) {
                    double[] values = Attrs.doubles(m, Tags.FrameOfReferenceTransformationMatrix);
                    String type = Attrs.string(m, Tags.FrameOfReferenceTransformationMatrixType);
                    try {
                        RigidTransform step = new RigidTransform(from, target, values);
                        t = new RigidTransform(from, target, multiply(step.toRowMajorArray(), t.toRowMajorArray()));
                    } catch (IllegalArgumentException e) {
                        throw new DicomReadException(file, "registration of Frame of Reference " + from + ": " + type
                                + " matrix is not rigid (" + e.getMessage() + ")");
                    }
                }
            }
            transforms.add(t);
        }
        try {
            return new SpatialRegistration(Part10.patient(l), target, Attrs.string(l, Tags.ContentLabel),
                    Attrs.string(l, Tags.ContentDescription), transforms);
        } catch (IllegalArgumentException e) {
            throw new DicomReadException(file, e.getMessage(), e);
        }
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] m = new double[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                for (int k = 0; k < 4; k++) {
                    m[r * 4 + c] += a[r * 4 + k] * b[k * 4 + c];
                }
            }
        }
        return m;
    }
}
