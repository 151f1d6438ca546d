/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.io.IOException;
import java.nio.file.Path;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;

import org.isocenter.core.image.RtImage;
import org.isocenter.dicom.internal.Attrs;
import org.isocenter.dicom.internal.CommonModules;
import org.isocenter.dicom.internal.Tags;

/**
 * Writes an {@link RtImage} as a DICOM RT Image (Image Type DERIVED\SECONDARY\DRR, image plane normal to
 * the beam axis): 16-bit unsigned pixels, image plane pixel spacing and RT Image Position in the receptor
 * plane, SID and SAD, gantry/collimator/couch angles, isocenter, and the referenced plan and beam when
 * given; Window Center / Width (VOI LUT Function LINEAR) when a {@link VoiWindow} is given. Never overwrites a file.
 */
public final class RtImageWriter {

    public WrittenObject write(RtImage image, String studyInstanceUid, SeriesAttributes attributes,
            String seriesDescription, Path file) throws DicomWriteException {
        return write(image, studyInstanceUid, attributes, seriesDescription, file, DicomUids.random(), DicomUids.random());
    }

    public WrittenObject write(RtImage image, String studyInstanceUid, SeriesAttributes attributes,
            String seriesDescription, Path file, String seriesUid, String sopUid) throws DicomWriteException {
        return write(image, studyInstanceUid, attributes, seriesDescription, file, seriesUid, sopUid, null);
    }

    /**
     * A display window for the VOI LUT Module, in stored pixel values: Window Center, Window Width (at least 1),
     * VOI LUT Function LINEAR and an explanation (LO, at most 64 characters).
     */
    public record VoiWindow(double center, double width, String explanation) {
        public VoiWindow {
            if (!Double.isFinite(center) || !(width >= 1)) {
                throw new IllegalArgumentException("window center " + center + " / width " + width + " (width >= 1)");
            }
            explanation = explanation == null ? "" : explanation;
        }
    }

    /**
     * As {@link #write(RtImage, String, SeriesAttributes, String, Path, String, String)}, with a display window
     * (null: none).
     */
    public WrittenObject write(RtImage image, String studyInstanceUid, SeriesAttributes attributes,
            String seriesDescription, Path file, String seriesUid, String sopUid, VoiWindow window)
            throws DicomWriteException {
        CommonModules.refuseExisting(file);
        if (image.label().isEmpty()) {
            throw new DicomWriteException("an RT Image needs a label (RT Image Label is type 1)", null);
        }
        try {
            AttributeList l = new AttributeList();
            CommonModules.patientAndStudy(l, image.patient(), studyInstanceUid, attributes);
            CommonModules.seriesAndEquipment(l, "RTIMAGE", seriesUid, seriesDescription, attributes);
            Attrs.put(l, TagFromName.OperatorsName);
            if (!image.frameOfReferenceUid().isEmpty()) {
                Attrs.put(l, TagFromName.FrameOfReferenceUID, image.frameOfReferenceUid());
                Attrs.put(l, TagFromName.PositionReferenceIndicator);
            }
            Attrs.putInts(l, TagFromName.InstanceNumber, 1);
            Attrs.put(l, TagFromName.PatientOrientation);
            Attrs.put(l, TagFromName.ContentDate, attributes.studyDate());
            Attrs.put(l, TagFromName.ContentTime, attributes.studyTime());
            CommonModules.monochromePixels(l, image.rows(), image.columns(), 16, false);
            if (window != null) {
                Attrs.putNumbers(l, TagFromName.WindowCenter, window.center());
                Attrs.putNumbers(l, TagFromName.WindowWidth, window.width());
                if (!window.explanation().isEmpty()) {
                    Attrs.put(l, TagFromName.WindowCenterWidthExplanation, window.explanation());
                }
                Attrs.put(l, TagFromName.VOILUTFunction, "LINEAR");
            }
            Attrs.put(l, Tags.RTImageLabel, image.label());
            if (!image.description().isEmpty()) {
                Attrs.put(l, Tags.RTImageDescription, image.description());
            }
            Attrs.put(l, TagFromName.ImageType, "DERIVED", "SECONDARY", "DRR");
            Attrs.put(l, Tags.ConversionType, image.conversionType());
            Attrs.put(l, Tags.RTImagePlane, "NORMAL");
            Attrs.putNumbers(l, Tags.XRayImageReceptorAngle, 0);
            Attrs.putNumbers(l, Tags.ImagePlanePixelSpacing, image.pixelSpacingMm());
            Attrs.putNumbers(l, Tags.RTImagePosition, image.imagePositionMm());
            Attrs.put(l, Tags.RadiationMachineName);
            Attrs.put(l, Tags.PrimaryDosimeterUnit);
            Attrs.putNumbers(l, Tags.RadiationMachineSAD, image.sourceAxisDistanceMm());
            Attrs.putNumbers(l, Tags.RTImageSID, image.sourceToImageDistanceMm());
            if (!image.referencedPlanUid().isEmpty()) {
                AttributeList ref = Attrs.addItem(Attrs.putSequence(l, Tags.ReferencedRTPlanSequence));
                Attrs.put(ref, TagFromName.ReferencedSOPClassUID, SOPClass.RTPlanStorage);
                Attrs.put(ref, TagFromName.ReferencedSOPInstanceUID, image.referencedPlanUid());
                if (image.referencedBeamNumber() > 0) {
                    Attrs.putInts(l, Tags.ReferencedBeamNumber, image.referencedBeamNumber());
                }
            }
            Attrs.putNumbers(l, Tags.GantryAngle, image.gantryDeg());
            Attrs.putNumbers(l, Tags.BeamLimitingDeviceAngle, image.collimatorDeg());
            Attrs.putNumbers(l, Tags.PatientSupportAngle, image.couchDeg());
            Attrs.put(l, TagFromName.PatientPosition, image.patientPosition().name());
            Attrs.putNumbers(l, Tags.IsocenterPosition, image.isocenterMm().x(), image.isocenterMm().y(),
                    image.isocenterMm().z());
            CommonModules.sopCommon(l, SOPClass.RTImageStorage, sopUid, attributes);
            int[] pixels = image.pixels();
            short[] words = new short[pixels.length];
            for (int p = 0; p < pixels.length; p++) {
                words[p] = (short) pixels[p];
            }
            OtherWordAttribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
            pixelData.setValues(words);
            l.put(pixelData);
            CommonModules.writeNewFile(l, file);
        } catch (DicomException | IOException | IllegalArgumentException e) {
            throw new DicomWriteException("cannot write RT Image " + file + ": " + e.getMessage(), e);
        }
        return new WrittenObject(file, SOPClass.RTImageStorage, sopUid, seriesUid);
    }
}
