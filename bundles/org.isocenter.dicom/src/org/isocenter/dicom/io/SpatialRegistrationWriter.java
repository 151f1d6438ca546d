/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.dicom.internal.Attrs;
import org.isocenter.dicom.internal.CommonModules;
import org.isocenter.dicom.internal.Tags;

/**
 * Writes a rigid {@link SpatialRegistration} as a DICOM Spatial Registration object: one Registration
 * Sequence item per registered Frame of Reference holding the 4×4 RIGID matrix that maps it into the
 * registration's own Frame of Reference, and, for each image series given, references to its instances
 * (Referenced Image Sequence and the Common Instance Reference module). Never overwrites a file.
 */
public final class SpatialRegistrationWriter {

    public WrittenObject write(SpatialRegistration registration, String studyInstanceUid, List<ImageSeriesReference> series,
            SeriesAttributes attributes, String seriesDescription, Path file) throws DicomWriteException {
        return write(registration, studyInstanceUid, series, attributes, seriesDescription, file, DicomUids.random(),
                DicomUids.random());
    }

    public WrittenObject write(SpatialRegistration registration, String studyInstanceUid, List<ImageSeriesReference> series,
            SeriesAttributes attributes, String seriesDescription, Path file, String seriesUid, String sopUid)
            throws DicomWriteException {
        CommonModules.refuseExisting(file);
        try {
            AttributeList l = new AttributeList();
            CommonModules.patientAndStudy(l, registration.patient(), studyInstanceUid, attributes);
            CommonModules.seriesAndEquipment(l, "REG", seriesUid, seriesDescription, attributes);
            Attrs.put(l, Tags.Laterality); // General Series, type 2C: registrations concern no paired body part
            Attrs.put(l, TagFromName.FrameOfReferenceUID, registration.frameOfReferenceUid());
            Attrs.put(l, TagFromName.PositionReferenceIndicator);
            Attrs.putInts(l, TagFromName.InstanceNumber, 1);
            Attrs.put(l, TagFromName.ContentDate, attributes.studyDate());
            Attrs.put(l, TagFromName.ContentTime, attributes.studyTime());
            Attrs.put(l, Tags.ContentLabel, registration.contentLabel().isEmpty() ? "REGISTRATION"
                    : registration.contentLabel().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_ ]", "_"));
            Attrs.put(l, Tags.ContentDescription, registration.contentDescription());
            Attrs.put(l, Tags.ContentCreatorName);
            SequenceAttribute regs = Attrs.putSequence(l, Tags.RegistrationSequence);
            for (RigidTransform t : registration.transforms()) {
                AttributeList item = Attrs.addItem(regs);
                Attrs.put(item, TagFromName.FrameOfReferenceUID, t.fromFrameUid());
                ImageSeriesReference images = series.stream()
                        .filter(s -> s.frameOfReferenceUid().equals(t.fromFrameUid())).findFirst().orElse(null);
                if (images != null) {
                    SequenceAttribute refs = Attrs.putSequence(item, Tags.ReferencedImageSequence);
                    for (InstanceReference i : images.instances()) {
                        AttributeList r = Attrs.addItem(refs);
                        Attrs.put(r, TagFromName.ReferencedSOPClassUID, i.sopClassUid());
                        Attrs.put(r, TagFromName.ReferencedSOPInstanceUID, i.sopInstanceUid());
                    }
                }
                AttributeList matrixRegistration = Attrs.addItem(Attrs.putSequence(item, Tags.MatrixRegistrationSequence));
                Attrs.putSequence(matrixRegistration, Tags.RegistrationTypeCodeSequence);
                AttributeList matrix = Attrs.addItem(Attrs.putSequence(matrixRegistration, Tags.MatrixSequence));
                Attrs.putNumbers(matrix, Tags.FrameOfReferenceTransformationMatrix, t.toRowMajorArray());
                Attrs.put(matrix, Tags.FrameOfReferenceTransformationMatrixType, "RIGID");
            }
            commonInstanceReferences(l, studyInstanceUid, registration, series);
            CommonModules.sopCommon(l, SOPClass.SpatialRegistrationStorage, sopUid, attributes);
            CommonModules.writeNewFile(l, file);
        } catch (DicomException | IOException | IllegalArgumentException e) {
            throw new DicomWriteException("cannot write Spatial Registration " + file + ": " + e.getMessage(), e);
        }
        return new WrittenObject(file, SOPClass.SpatialRegistrationStorage, sopUid, seriesUid);
    }

    /** Series of this study go to Referenced Series Sequence; series of other studies to the studies sequence. */
    private static void commonInstanceReferences(AttributeList l, String studyUid, SpatialRegistration registration,
            List<ImageSeriesReference> series) throws DicomException {
        List<ImageSeriesReference> used = series.stream().filter(s -> registration.transformFrom(s.frameOfReferenceUid())
                .isPresent()).toList();
        SequenceAttribute same = null;
        SequenceAttribute other = null;
        for (ImageSeriesReference s : used) {
            AttributeList seriesItem;
            if (s.studyInstanceUid().equals(studyUid)) {
                same = same == null ? Attrs.putSequence(l, TagFromName.ReferencedSeriesSequence) : same;
                seriesItem = Attrs.addItem(same);
            } else {
                other = other == null ? Attrs.putSequence(l, Tags.StudiesContainingOtherReferencedInstancesSequence) : other;
                AttributeList studyItem = Attrs.addItem(other);
                Attrs.put(studyItem, TagFromName.StudyInstanceUID, s.studyInstanceUid());
                seriesItem = Attrs.addItem(Attrs.putSequence(studyItem, TagFromName.ReferencedSeriesSequence));
            }
            Attrs.put(seriesItem, TagFromName.SeriesInstanceUID, s.seriesInstanceUid());
            SequenceAttribute instances = Attrs.putSequence(seriesItem, TagFromName.ReferencedInstanceSequence);
            for (InstanceReference i : s.instances()) {
                AttributeList r = Attrs.addItem(instances);
                Attrs.put(r, TagFromName.ReferencedSOPClassUID, i.sopClassUid());
                Attrs.put(r, TagFromName.ReferencedSOPInstanceUID, i.sopInstanceUid());
            }
        }
    }
}
