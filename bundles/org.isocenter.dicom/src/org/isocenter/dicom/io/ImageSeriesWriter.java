/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.internal.Attrs;
import org.isocenter.dicom.internal.Tags;
import org.isocenter.dicom.internal.CommonModules;

/**
 * Writes an {@link ImageVolume} as a single-frame CT Image Storage series (one file per slice, Explicit VR
 * Little Endian, signed 16-bit with the volume's rescale), e.g. the demo patient's planning CT and its
 * CBCT-like daily images. SOP Instance UIDs derive from the series UID and slice index, so rewriting the
 * same volume gives the same files.
 */
public final class ImageSeriesWriter {

    public ImageSeriesReference writeCt(ImageVolume volume, SeriesAttributes attributes, Path folder,
            ProgressMonitor monitor) throws DicomWriteException {
        VolumeGeometry g = volume.geometry();
        ImageVolumeInfo info = volume.info();
        int plane = g.sizeX() * g.sizeY();
        List<InstanceReference> written = new ArrayList<>();
        monitor.begin("Writing " + info.modality() + " series " + info.seriesDescription(), g.sizeZ());
        try {
            Files.createDirectories(folder);
            short[] slicePixels = new short[plane];
            for (int k = 0; k < g.sizeZ(); k++) {
                monitor.checkCancelled();
                String sopUid = DicomUids.derived(info.seriesInstanceUid(), "slice", Integer.toString(k));
                System.arraycopy(volume.storedValues(), k * plane, slicePixels, 0, plane);
                AttributeList l = slice(volume, attributes, k, sopUid, slicePixels);
                Path file = folder.resolve(String.format("%s_%04d.dcm", info.modality(), k + 1));
                CommonModules.writePart10(l, file.toFile());
                written.add(new InstanceReference(file, SOPClass.CTImageStorage, sopUid,
                        g.indexToPatient(0, 0, k).dot(g.sliceDirection())));
                monitor.worked(1);
            }
        } catch (DicomException | IOException | IllegalArgumentException e) {
            throw new DicomWriteException("cannot write series to " + folder + ": " + e.getMessage(), e);
        }
        return new ImageSeriesReference(info.studyInstanceUid(), info.seriesInstanceUid(), info.frameOfReferenceUid(),
                g.sliceDirection(), written);
    }

    private static AttributeList slice(ImageVolume volume, SeriesAttributes s, int k, String sopUid, short[] pixels)
            throws DicomException {
        VolumeGeometry g = volume.geometry();
        ImageVolumeInfo info = volume.info();
        AttributeList l = new AttributeList();
        CommonModules.patientAndStudy(l, info.patient(), info.studyInstanceUid(), s);
        CommonModules.seriesAndEquipment(l, "CT", info.seriesInstanceUid(), info.seriesDescription(), s);
        Attrs.put(l, TagFromName.PatientPosition, info.patientPosition().name());
        Attrs.put(l, Tags.Laterality); // type 2C: empty, the pelvis is not a paired body part
        // Frame of Reference
        Attrs.put(l, TagFromName.FrameOfReferenceUID, info.frameOfReferenceUid());
        Attrs.put(l, TagFromName.PositionReferenceIndicator);
        // General Image, General Acquisition
        Attrs.putInts(l, TagFromName.InstanceNumber, k + 1);
        Attrs.put(l, TagFromName.ContentDate, s.studyDate());
        Attrs.put(l, TagFromName.ContentTime, s.studyTime());
        Attrs.put(l, TagFromName.AcquisitionDate, info.acquisitionDate().isEmpty() ? s.studyDate() : info.acquisitionDate());
        Attrs.put(l, TagFromName.AcquisitionTime, s.studyTime());
        Attrs.putInts(l, TagFromName.AcquisitionNumber, 1);
        Attrs.put(l, TagFromName.ImageType, "DERIVED", "SECONDARY", "AXIAL");
        // Image Plane: Pixel Spacing is (spacing between rows, between columns)
        Vector3 row = g.rowDirection(), col = g.columnDirection();
        Attrs.putNumbers(l, TagFromName.PixelSpacing, g.spacingYMm(), g.spacingXMm());
        Attrs.putNumbers(l, TagFromName.ImageOrientationPatient, row.x(), row.y(), row.z(), col.x(), col.y(), col.z());
        Vector3 position = g.indexToPatient(0, 0, k);
        Attrs.putNumbers(l, TagFromName.ImagePositionPatient, position.x(), position.y(), position.z());
        Attrs.putNumbers(l, TagFromName.SliceThickness, g.spacingZMm());
        Attrs.putNumbers(l, TagFromName.SliceLocation, position.dot(g.sliceDirection()));
        // Image Pixel + CT Image
        CommonModules.monochromePixels(l, g.sizeY(), g.sizeX(), 16, true);
        Attrs.putNumbers(l, TagFromName.RescaleIntercept, volume.rescaleIntercept());
        Attrs.putNumbers(l, TagFromName.RescaleSlope, volume.rescaleSlope());
        Attrs.put(l, TagFromName.RescaleType, "HU");
        Attrs.put(l, Tags.KVP, "120");
        Attrs.putNumbers(l, TagFromName.WindowCenter, 40);
        Attrs.putNumbers(l, TagFromName.WindowWidth, 400);
        CommonModules.sopCommon(l, SOPClass.CTImageStorage, sopUid, s);
        OtherWordAttribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
        pixelData.setValues(pixels);
        l.put(pixelData);
        return l;
    }
}
