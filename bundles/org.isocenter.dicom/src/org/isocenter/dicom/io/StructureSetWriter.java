/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.io.IOException;
import java.nio.file.Path;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.internal.Attrs;
import org.isocenter.dicom.internal.Tags;
import org.isocenter.dicom.internal.CommonModules;

/**
 * Writes a {@link StructureSet} as a new DICOM RT Structure Set that references its image series: each
 * closed planar contour names the image slice it lies on (Contour Image Sequence). Refuses a structure set
 * whose Frame of Reference or patient differs from the referenced series, and never overwrites a file.
 */
public final class StructureSetWriter {

    /** Writes with new random series and instance UIDs. */
    public WrittenObject write(StructureSet structures, ImageSeriesReference images, SeriesAttributes attributes,
            String seriesDescription, Path file) throws DicomWriteException {
        return write(structures, images, attributes, seriesDescription, file, DicomUids.random(), DicomUids.random());
    }

    /** Writes with the given series and SOP instance UIDs (for reproducible output). */
    public WrittenObject write(StructureSet structures, ImageSeriesReference images, SeriesAttributes attributes,
            String seriesDescription, Path file, String seriesUid, String sopUid) throws DicomWriteException {
        if (!structures.frameOfReferenceUid().equals(images.frameOfReferenceUid())) {
            throw new DicomWriteException("structure set '" + structures.label() + "' is in Frame of Reference "
                    + structures.frameOfReferenceUid() + " but the image series is in " + images.frameOfReferenceUid(),
                    null);
        }
        CommonModules.refuseExisting(file);
        try {
            AttributeList l = new AttributeList();
            CommonModules.patientAndStudy(l, structures.patient(), images.studyInstanceUid(), attributes);
            CommonModules.seriesAndEquipment(l, "RTSTRUCT", seriesUid, seriesDescription, attributes);
            Attrs.put(l, TagFromName.OperatorsName);
            // Frame of Reference module (required in RT Structure Sets since DICOM 2021)
            Attrs.put(l, TagFromName.FrameOfReferenceUID, images.frameOfReferenceUid());
            Attrs.put(l, TagFromName.PositionReferenceIndicator);
            Attrs.put(l, TagFromName.StructureSetLabel, structures.label());
            Attrs.put(l, TagFromName.StructureSetDate, attributes.studyDate());
            Attrs.put(l, TagFromName.StructureSetTime, attributes.studyTime());
            Attrs.putInts(l, TagFromName.InstanceNumber, 1);
            referencedFrame(l, images);
            double tolerance = sliceTolerance(images);
            SequenceAttribute roiSeq = Attrs.putSequence(l, Tags.StructureSetROISequence);
            SequenceAttribute contourSeq = Attrs.putSequence(l, Tags.ROIContourSequence);
            SequenceAttribute obsSeq = Attrs.putSequence(l, Tags.RTROIObservationsSequence);
            for (Roi roi : structures.rois()) {
                AttributeList r = Attrs.addItem(roiSeq);
                Attrs.putInts(r, Tags.ROINumber, roi.number());
                Attrs.put(r, TagFromName.ReferencedFrameOfReferenceUID, images.frameOfReferenceUid());
                Attrs.put(r, Tags.ROIName, roi.name());
                Attrs.put(r, Tags.ROIGenerationAlgorithm, "MANUAL");

                AttributeList c = Attrs.addItem(contourSeq);
                int[] rgb = roi.colorRgb();
                Attrs.putInts(c, Tags.ROIDisplayColor, rgb[0], rgb[1], rgb[2]);
                Attrs.putInts(c, Tags.ReferencedROINumber, roi.number());
                if (!roi.contours().isEmpty()) {
                    SequenceAttribute contours = Attrs.putSequence(c, Tags.ContourSequence);
                    int contourNumber = 1;
                    for (Contour contour : roi.contours()) {
                        contour(Attrs.addItem(contours), contour, contourNumber++, images, tolerance);
                    }
                }

                AttributeList o = Attrs.addItem(obsSeq);
                Attrs.putInts(o, Tags.ObservationNumber, roi.number());
                Attrs.putInts(o, Tags.ReferencedROINumber, roi.number());
                if (roi.interpretedType().isEmpty()) {
                    Attrs.put(o, Tags.RTROIInterpretedType);
                } else {
                    Attrs.put(o, Tags.RTROIInterpretedType, roi.interpretedType());
                }
                Attrs.put(o, Tags.ROIInterpreter);
            }
            CommonModules.sopCommon(l, SOPClass.RTStructureSetStorage, sopUid, attributes);
            CommonModules.writeNewFile(l, file);
        } catch (DicomException | IOException | IllegalArgumentException e) {
            throw new DicomWriteException("cannot write RT Structure Set " + file + ": " + e.getMessage(), e);
        }
        return new WrittenObject(file, SOPClass.RTStructureSetStorage, sopUid, seriesUid);
    }

    private static void referencedFrame(AttributeList l, ImageSeriesReference images) throws DicomException {
        AttributeList frame = Attrs.addItem(Attrs.putSequence(l, Tags.ReferencedFrameOfReferenceSequence));
        Attrs.put(frame, TagFromName.FrameOfReferenceUID, images.frameOfReferenceUid());
        AttributeList study = Attrs.addItem(Attrs.putSequence(frame, Tags.RTReferencedStudySequence));
        Attrs.put(study, TagFromName.ReferencedSOPClassUID, "1.2.840.10008.3.1.2.3.1"); // Detached Study Mgmt (by convention)
        Attrs.put(study, TagFromName.ReferencedSOPInstanceUID, images.studyInstanceUid());
        AttributeList series = Attrs.addItem(Attrs.putSequence(study, Tags.RTReferencedSeriesSequence));
        Attrs.put(series, TagFromName.SeriesInstanceUID, images.seriesInstanceUid());
        SequenceAttribute imagesSeq = Attrs.putSequence(series, Tags.ContourImageSequence);
        for (InstanceReference i : images.instances()) {
            AttributeList item = Attrs.addItem(imagesSeq);
            Attrs.put(item, TagFromName.ReferencedSOPClassUID, i.sopClassUid());
            Attrs.put(item, TagFromName.ReferencedSOPInstanceUID, i.sopInstanceUid());
        }
    }

    private static double sliceTolerance(ImageSeriesReference images) {
        if (images.instances().size() < 2) {
            return 0.5;
        }
        double spacing = Math.abs(images.instances().get(1).positionAlongNormalMm()
                - images.instances().get(0).positionAlongNormalMm());
        return spacing / 2;
    }

    private static void contour(AttributeList item, Contour contour, int number, ImageSeriesReference images,
            double tolerance) throws DicomException {
        Vector3 firstPoint = contour.pointsMm().get(0);
        InstanceReference slice = images.sliceAt(firstPoint.dot(images.sliceNormal()), tolerance);
        if (slice != null) {
            AttributeList ref = Attrs.addItem(Attrs.putSequence(item, Tags.ContourImageSequence));
            Attrs.put(ref, TagFromName.ReferencedSOPClassUID, slice.sopClassUid());
            Attrs.put(ref, TagFromName.ReferencedSOPInstanceUID, slice.sopInstanceUid());
        }
        Attrs.putInts(item, Tags.ContourNumber, number);
        Attrs.put(item, Tags.ContourGeometricType, contour.geometry().name());
        Attrs.putInts(item, Tags.NumberOfContourPoints, contour.pointsMm().size());
        double[] data = new double[contour.pointsMm().size() * 3];
        int p = 0;
        for (Vector3 v : contour.pointsMm()) {
            data[p++] = round(v.x());
            data[p++] = round(v.y());
            data[p++] = round(v.z());
        }
        Attrs.putNumbers(item, TagFromName.ContourData, data);
    }

    /** Contour coordinates to 1 µm: plenty for radiotherapy, and short decimal strings. */
    private static double round(double mm) {
        return Math.round(mm * 1000) / 1000.0;
    }
}
