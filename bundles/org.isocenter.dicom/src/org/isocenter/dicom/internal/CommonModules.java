/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import java.io.File;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.dicom.io.SeriesAttributes;

/** The modules every object Isocenter writes shares: Patient, General Study, series basics, equipment, SOP Common. */
public final class CommonModules {

    public static final String IMPLEMENTATION_VERSION = "ISOCENTER_0_1";

    private CommonModules() {
    }

    public static void patientAndStudy(AttributeList l, PatientIdentity patient, String studyUid, SeriesAttributes s)
            throws DicomException {
        Attrs.put(l, TagFromName.PatientName, patient.patientName());
        Attrs.put(l, TagFromName.PatientID, patient.patientId());
        putOrEmpty(l, TagFromName.PatientBirthDate, patient.birthDate());
        putOrEmpty(l, TagFromName.PatientSex, patient.sex());
        Attrs.put(l, TagFromName.StudyInstanceUID, studyUid);
        Attrs.put(l, TagFromName.StudyDate, s.studyDate());
        Attrs.put(l, TagFromName.StudyTime, s.studyTime());
        Attrs.put(l, TagFromName.ReferringPhysicianName);
        putOrEmpty(l, TagFromName.StudyID, s.studyId());
        Attrs.put(l, TagFromName.AccessionNumber);
        putOrEmpty(l, TagFromName.StudyDescription, s.studyDescription());
    }

    public static void seriesAndEquipment(AttributeList l, String modality, String seriesUid, String description,
            SeriesAttributes s) throws DicomException {
        Attrs.put(l, TagFromName.Modality, modality);
        Attrs.put(l, TagFromName.SeriesInstanceUID, seriesUid);
        Attrs.putInts(l, TagFromName.SeriesNumber, s.seriesNumber());
        putOrEmpty(l, TagFromName.SeriesDescription, description);
        Attrs.put(l, TagFromName.SeriesDate, s.studyDate());
        Attrs.put(l, TagFromName.SeriesTime, s.studyTime());
        Attrs.put(l, TagFromName.Manufacturer, s.manufacturer());
        Attrs.put(l, TagFromName.SoftwareVersions, IMPLEMENTATION_VERSION);
    }

    public static void sopCommon(AttributeList l, String sopClassUid, String sopInstanceUid, SeriesAttributes s)
            throws DicomException {
        Attrs.put(l, TagFromName.SOPClassUID, sopClassUid);
        Attrs.put(l, TagFromName.SOPInstanceUID, sopInstanceUid);
        Attrs.put(l, TagFromName.InstanceCreationDate, s.studyDate());
        Attrs.put(l, TagFromName.InstanceCreationTime, s.studyTime());
    }

    /** Image Pixel module of a single-sample (MONOCHROME2) image with Bits Stored = Bits Allocated. */
    public static void monochromePixels(AttributeList l, int rows, int columns, int bits, boolean signed)
            throws DicomException {
        Attrs.putInts(l, TagFromName.SamplesPerPixel, 1);
        Attrs.put(l, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        Attrs.putInts(l, TagFromName.Rows, rows);
        Attrs.putInts(l, TagFromName.Columns, columns);
        Attrs.putInts(l, TagFromName.BitsAllocated, bits);
        Attrs.putInts(l, TagFromName.BitsStored, bits);
        Attrs.putInts(l, TagFromName.HighBit, bits - 1);
        Attrs.putInts(l, TagFromName.PixelRepresentation, signed ? 1 : 0);
    }

    private static void putOrEmpty(AttributeList l, com.pixelmed.dicom.AttributeTag tag, String value)
            throws DicomException {
        if (value.isEmpty()) {
            Attrs.put(l, tag);
        } else {
            Attrs.put(l, tag, value);
        }
    }

    /**
     * Refuses to write over an existing file or through a symbolic link (even a dangling one): every writer
     * creates new objects only.
     */
    public static void refuseExisting(java.nio.file.Path file) throws org.isocenter.dicom.io.DicomWriteException {
        if (java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new org.isocenter.dicom.io.DicomWriteException("refusing to overwrite existing file " + file
                    + (java.nio.file.Files.isSymbolicLink(file) ? " (a symbolic link)" : ""), null);
        }
    }

    /**
     * Writes the object as a new Part 10 file (see {@link #writePart10}), atomically: into a temporary file in the
     * same folder, forced to disk, read back (complete element structure, same SOP Instance UID), then renamed; on
     * any failure nothing is left behind (see {@link org.isocenter.core.io.AtomicFiles}).
     */
    public static void writeNewFile(AttributeList l, java.nio.file.Path file) throws DicomException, java.io.IOException {
        String sopInstance = Attrs.string(l, TagFromName.SOPInstanceUID);
        org.isocenter.core.io.AtomicFiles.createNew(file, temporary -> writePart10(l, temporary.toFile()), temporary -> {
            ElementStructure.Result structure = ElementStructure.check(temporary);
            if (!structure.complete()) {
                throw new java.io.IOException("the written file is incomplete: " + structure.defect());
            }
            AttributeList back = new AttributeList();
            back.read(temporary.toFile(), (list, tag, offset) -> tag.getGroup() > 0x0008);
            if (!sopInstance.equals(Attrs.string(back, TagFromName.SOPInstanceUID))) {
                throw new java.io.IOException("the written file does not read back with SOP Instance UID " + sopInstance);
            }
        });
    }

    /** Adds File Meta Information and the character set the values need, then writes Explicit VR Little Endian. */
    public static void writePart10(AttributeList l, File file) throws DicomException, java.io.IOException {
        l.insertSuitableSpecificCharacterSetForAllStringValues();
        String sopClass = Attrs.string(l, TagFromName.SOPClassUID);
        String sopInstance = Attrs.string(l, TagFromName.SOPInstanceUID);
        FileMetaInformation.addFileMetaInformation(l, sopClass, sopInstance, TransferSyntax.ExplicitVRLittleEndian,
                "ISOCENTER");
        l.write(file, TransferSyntax.ExplicitVRLittleEndian, true, true);
    }
}
