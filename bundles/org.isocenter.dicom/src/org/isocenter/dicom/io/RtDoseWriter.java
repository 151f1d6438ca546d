/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.io.IOException;
import java.nio.file.Path;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.dicom.internal.Attrs;
import org.isocenter.dicom.internal.CommonModules;
import org.isocenter.dicom.internal.Tags;

/**
 * Writes a {@link DoseGrid} as a multi-frame DICOM RT Dose: one frame per slice, Grid Frame Offset Vector
 * relative to the first frame, unsigned 16- or 32-bit samples with Dose Grid Scaling chosen so the maximum
 * dose uses the full range (16 bits: 1/65535 of the maximum per step). Negative doses are refused.
 * Never overwrites a file.
 */
public final class RtDoseWriter {

    public WrittenObject write(DoseGrid dose, String studyInstanceUid, SeriesAttributes attributes, String seriesDescription,
            int bitsAllocated, Path file) throws DicomWriteException {
        return write(dose, studyInstanceUid, attributes, seriesDescription, bitsAllocated, file, DicomUids.random(),
                DicomUids.random());
    }

    public WrittenObject write(DoseGrid dose, String studyInstanceUid, SeriesAttributes attributes, String seriesDescription,
            int bitsAllocated, Path file, String seriesUid, String sopUid) throws DicomWriteException {
        if (bitsAllocated != 16 && bitsAllocated != 32) {
            throw new DicomWriteException("RT Dose samples are 16 or 32 bits, not " + bitsAllocated, null);
        }
        CommonModules.refuseExisting(file);
        VolumeGeometry g = dose.geometry();
        float[] values = dose.values();
        double max = 0;
        for (float v : values) {
            if (v < 0 || Float.isNaN(v)) {
                throw new DicomWriteException("dose grid holds a negative or undefined dose (" + v + ")", null);
            }
            max = Math.max(max, v);
        }
        double maxStored = bitsAllocated == 16 ? 65535.0 : 4294967295.0;
        double scaling = max > 0 ? Double.parseDouble(Attrs.formatDecimal(max / maxStored * 1.000001)) : 1.0;
        try {
            AttributeList l = new AttributeList();
            CommonModules.patientAndStudy(l, dose.patient(), studyInstanceUid, attributes);
            CommonModules.seriesAndEquipment(l, "RTDOSE", seriesUid, seriesDescription, attributes);
            Attrs.put(l, TagFromName.OperatorsName);
            Attrs.put(l, TagFromName.FrameOfReferenceUID, dose.frameOfReferenceUid());
            Attrs.put(l, TagFromName.PositionReferenceIndicator);
            Attrs.putInts(l, TagFromName.InstanceNumber, 1);
            Attrs.put(l, TagFromName.ContentDate, attributes.studyDate());
            Attrs.put(l, TagFromName.ContentTime, attributes.studyTime());
            Vector3 row = g.rowDirection(), col = g.columnDirection(), origin = g.originMm();
            Attrs.putNumbers(l, TagFromName.PixelSpacing, g.spacingYMm(), g.spacingXMm());
            Attrs.putNumbers(l, TagFromName.ImageOrientationPatient, row.x(), row.y(), row.z(), col.x(), col.y(), col.z());
            Attrs.putNumbers(l, TagFromName.ImagePositionPatient, origin.x(), origin.y(), origin.z());
            Attrs.put(l, TagFromName.SliceThickness);
            CommonModules.monochromePixels(l, g.sizeY(), g.sizeX(), bitsAllocated, false);
            Attrs.putInts(l, TagFromName.NumberOfFrames, g.sizeZ());
            AttributeTag offsets = Tags.GridFrameOffsetVector;
            com.pixelmed.dicom.AttributeTagAttribute pointer = new com.pixelmed.dicom.AttributeTagAttribute(
                    TagFromName.FrameIncrementPointer);
            pointer.addValue(offsets);
            l.put(pointer);
            Attrs.put(l, Tags.DoseUnits, dose.units());
            Attrs.put(l, Tags.DoseType, dose.doseType().isEmpty() ? "PHYSICAL" : dose.doseType());
            String summation = dose.summationType().isEmpty() ? "PLAN" : dose.summationType();
            Attrs.put(l, Tags.DoseSummationType, summation);
            if (!dose.referencedPlanUid().isEmpty()) {
                AttributeList ref = Attrs.addItem(Attrs.putSequence(l, Tags.ReferencedRTPlanSequence));
                Attrs.put(ref, TagFromName.ReferencedSOPClassUID, SOPClass.RTPlanStorage);
                Attrs.put(ref, TagFromName.ReferencedSOPInstanceUID, dose.referencedPlanUid());
            } else if (!summation.equals("MULTI_PLAN") && !summation.equals("RECORD")) {
                throw new DicomWriteException("an RT Dose summed over " + summation + " must reference its RT Plan", null);
            }
            double[] frameOffsets = new double[g.sizeZ()];
            for (int k = 0; k < frameOffsets.length; k++) {
                frameOffsets[k] = k * g.spacingZMm();
            }
            Attrs.putNumbers(l, offsets, frameOffsets);
            Attrs.putNumbers(l, Tags.DoseGridScaling, scaling);
            CommonModules.sopCommon(l, SOPClass.RTDoseStorage, sopUid, attributes);
            OtherWordAttribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
            pixelData.setValues(encode(values, scaling, bitsAllocated));
            l.put(pixelData);
            CommonModules.writeNewFile(l, file);
        } catch (DicomException | IOException | IllegalArgumentException e) {
            throw new DicomWriteException("cannot write RT Dose " + file + ": " + e.getMessage(), e);
        }
        return new WrittenObject(file, SOPClass.RTDoseStorage, sopUid, seriesUid);
    }

    /** Samples as little-endian words: one per sample (16 bits) or low word then high word (32 bits). */
    private static short[] encode(float[] values, double scaling, int bits) {
        short[] words = new short[bits == 16 ? values.length : 2 * values.length];
        for (int p = 0; p < values.length; p++) {
            long v = Math.round(values[p] / scaling);
            if (bits == 16) {
                words[p] = (short) Math.min(v, 65535);
            } else {
                v = Math.min(v, 4294967295L);
                words[2 * p] = (short) (v & 0xFFFF);
                words[2 * p + 1] = (short) (v >>> 16);
            }
        }
        return words;
    }
}
