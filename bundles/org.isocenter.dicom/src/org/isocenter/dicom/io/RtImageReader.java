/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.nio.file.Path;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.RtImage;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.dicom.internal.Attrs;
import org.isocenter.dicom.internal.Part10;
import org.isocenter.dicom.internal.PixelDecoder;
import org.isocenter.dicom.internal.Tags;

/**
 * Reads a single-frame DICOM RT Image (DRR, portal or simulator image) into an {@link RtImage}: unsigned
 * 8/16-bit pixels, receptor-plane geometry, angles and the referenced plan/beam. Missing type-2 geometry
 * falls back to DICOM's defaults (SID 1000 mm, SAD 1000 mm, image centred on the beam axis).
 */
public final class RtImageReader {

    public RtImage read(Path file) throws DicomReadException {
        return Part10.guarded(file, "RT Image", () -> readChecked(file));
    }

    private RtImage readChecked(Path file) throws DicomReadException {
        AttributeList l = Part10.read(file, "RTIMAGE", "an RT Image");
        if (Attrs.integer(l, TagFromName.NumberOfFrames, 1) > 1) {
            throw new DicomReadException(file, "multi-frame RT Images are not supported");
        }
        if (Attrs.integer(l, TagFromName.PixelRepresentation, 0) != 0) {
            throw new DicomReadException(file, "signed RT Image pixels are not supported");
        }
        int rows = Attrs.integer(l, TagFromName.Rows, 0), columns = Attrs.integer(l, TagFromName.Columns, 0);
        int[] pixels = PixelDecoder.frame(file, l, 0);
        double[] spacing = Attrs.doubles(l, Tags.ImagePlanePixelSpacing);
        if (spacing.length != 2) {
            throw new DicomReadException(file, "RT Image without Image Plane Pixel Spacing cannot be placed");
        }
        double[] position = Attrs.doubles(l, Tags.RTImagePosition);
        if (position.length != 2) {
            position = new double[] { -(columns - 1) * spacing[1] / 2, (rows - 1) * spacing[0] / 2 };
        }
        double[] iso = Attrs.doubles(l, Tags.IsocenterPosition);
        String plan = "";
        for (AttributeList r : Attrs.items(l, Tags.ReferencedRTPlanSequence)) {
            plan = Attrs.string(r, TagFromName.ReferencedSOPInstanceUID);
        }
        try {
            String code = Attrs.string(l, TagFromName.PatientPosition);
            PatientPosition patientPosition = code.isEmpty() ? PatientPosition.HFS : PatientPosition.fromDicom(code);
            return new RtImage(Part10.patient(l), Attrs.string(l, TagFromName.FrameOfReferenceUID),
                    Attrs.string(l, Tags.RTImageLabel), Attrs.string(l, Tags.RTImageDescription),
                    Attrs.string(l, Tags.ConversionType), rows, columns, pixels, spacing, position,
                    Attrs.number(l, Tags.RTImageSID, 1000), Attrs.number(l, Tags.RadiationMachineSAD, 1000),
                    Attrs.number(l, Tags.GantryAngle, 0), Attrs.number(l, Tags.BeamLimitingDeviceAngle, 0),
                    Attrs.number(l, Tags.PatientSupportAngle, 0),
                    iso.length == 3 ? new Vector3(iso[0], iso[1], iso[2]) : new Vector3(0, 0, 0), patientPosition, plan,
                    Attrs.integer(l, Tags.ReferencedBeamNumber, 0));
        } catch (IllegalArgumentException e) {
            throw new DicomReadException(file, "inconsistent RT Image: " + e.getMessage(), e);
        }
    }

}
