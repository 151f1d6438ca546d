/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import java.nio.file.Path;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.dicom.io.DicomReadException;

/** Reading whole DICOM files for the object readers: one place for the error message and the identity. */
public final class Part10 {

    private Part10() {
    }

    /**
     * Reads a whole file. Pixel data stays compressed when the transfer syntax is encapsulated
     * ({@link PixelDecoder} decodes it). Any failure, including runtime errors from malformed input,
     * becomes a {@link DicomReadException} naming the file.
     */
    public static AttributeList read(Path file) throws DicomReadException {
        requireComplete(file);
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        try {
            list.read(file.toFile());
        } catch (Exception | StackOverflowError e) {
            throw new DicomReadException(file, "cannot read DICOM: " + HeaderReader.describe(e), e);
        }
        return list;
    }

    /** Reads a whole file from its bytes (already in memory), naming {@code file} in errors. */
    public static AttributeList read(byte[] bytes, Path file) throws DicomReadException {
        ElementStructure.Result structure = ElementStructure.check(java.nio.ByteBuffer.wrap(bytes));
        if (!structure.complete()) {
            throw new DicomReadException(file, structure.defect());
        }
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        try (com.pixelmed.dicom.DicomInputStream in = new com.pixelmed.dicom.DicomInputStream(
                new java.io.ByteArrayInputStream(bytes))) {
            list.read(in);
        } catch (Exception | StackOverflowError e) {
            throw new DicomReadException(file, "cannot read DICOM: " + HeaderReader.describe(e), e);
        }
        return list;
    }

    /**
     * Refuses a file whose element structure is incomplete (truncated, unclosed sequences, lengths beyond the
     * end of the file), naming the byte offset: the DICOM library would otherwise stop silently and hand back
     * a shorter object.
     */
    public static void requireComplete(Path file) throws DicomReadException {
        ElementStructure.Result structure;
        try {
            structure = ElementStructure.check(file);
        } catch (java.io.IOException e) {
            throw new DicomReadException(file, "cannot read: " + HeaderReader.describe(e), e);
        }
        if (!structure.complete()) {
            throw new DicomReadException(file, structure.defect());
        }
    }

    /**
     * Checks that a read file holds the expected kind of object. Its SOP Class decides (see {@link SopClasses});
     * the Modality only when the SOP Class is not one Isocenter knows. A Modality that contradicts the SOP Class
     * does not refuse the file (scanning reports it as a warning).
     */
    public static AttributeList requireModality(AttributeList list, Path file, String modality, String what)
            throws DicomReadException {
        String sopClass = Attrs.string(list, TagFromName.SOPClassUID);
        SopClasses.Kind kind = SopClasses.kind(sopClass, Attrs.string(list, TagFromName.Modality));
        if (!modality.equals(kind.type())) {
            throw new DicomReadException(file, "not " + what + " (" + (SopClasses.typeOf(sopClass) != null
                    ? SopClasses.nameOf(sopClass) : "Modality '" + Attrs.string(list, TagFromName.Modality) + "'")
                    + ", expected " + modality + ")");
        }
        return list;
    }

    /** A header read up to the Pixel Data element, and the file offset just after that element's tag (-1: none). */
    public record Header(AttributeList list, long pixelDataTagEnd) {
    }

    /**
     * Reads a file's attributes up to (not including) Pixel Data, remembering where Pixel Data starts; the folder
     * scan's header when it has just parsed the unchanged file.
     */
    public static Header readHeader(Path file) throws DicomReadException {
        var scanned = HeaderCache.take(file);
        if (scanned.isPresent()) {
            return scanned.get();
        }
        requireComplete(file);
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        long[] offset = { -1 };
        try {
            list.read(file.toFile(), (l, tag, at) -> {
                if (tag.equals(TagFromName.PixelData)) {
                    offset[0] = at;
                    return true;
                }
                return false;
            });
        } catch (Exception | StackOverflowError e) {
            throw new DicomReadException(file, "cannot read DICOM: " + HeaderReader.describe(e), e);
        }
        return new Header(list, offset[0]);
    }

    /**
     * Bytes between the end of the Pixel Data tag (where {@link #readHeader} stops) and its value in a native
     * little-endian file: VR, reserved and a 4-byte length (explicit VR), or only the length (implicit VR).
     */
    public static int pixelDataHeaderBytes(String transferSyntaxUid) {
        return com.pixelmed.dicom.TransferSyntax.ImplicitVRLittleEndian.equals(transferSyntaxUid) ? 4 : 8;
    }

    /** Reads a whole file and checks its Modality. */
    public static AttributeList read(Path file, String modality, String what) throws DicomReadException {
        return requireModality(read(file), file, modality, what);
    }

    /** A reader's body, run by {@link #guarded}. */
    public interface Body<T> {
        T read() throws DicomReadException;
    }

    /**
     * Runs a reader's body so that malformed content that slipped past its checks still ends as a
     * {@link DicomReadException} naming the file, never as a stray runtime exception. Cancellation passes through.
     */
    public static <T> T guarded(Path file, String what, Body<T> body) throws DicomReadException {
        try {
            return body.read();
        } catch (org.isocenter.core.progress.CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DicomReadException(file, "malformed " + what + ": a value the reader could not use stopped it ("
                    + HeaderReader.describe(e) + ")", e);
        }
    }

    /**
     * The row, column and normal directions of an Image Orientation (Patient) value, refused unless the two
     * cosines are unit vectors (within 1e-3) and orthogonal (within 1e-3).
     */
    public static org.isocenter.core.geometry.Vector3[] orientation(Path file, double[] iop) throws DicomReadException {
        if (iop.length != 6) {
            throw new DicomReadException(file, "Image Orientation (Patient) needs 6 values, has " + iop.length);
        }
        var row = new org.isocenter.core.geometry.Vector3(iop[0], iop[1], iop[2]);
        var col = new org.isocenter.core.geometry.Vector3(iop[3], iop[4], iop[5]);
        if (!(Math.abs(row.norm() - 1) < 1e-3 && Math.abs(col.norm() - 1) < 1e-3 && Math.abs(row.dot(col)) < 1e-3)) {
            throw new DicomReadException(file, "Image Orientation (Patient) " + java.util.Arrays.toString(iop)
                    + " is not a pair of orthogonal unit vectors");
        }
        row = row.normalized();
        col = col.normalized();
        return new org.isocenter.core.geometry.Vector3[] { row, col, row.cross(col) };
    }

    /** The patient identity a dataset states. */
    public static PatientIdentity patient(AttributeList l) {
        return new PatientIdentity(Attrs.string(l, TagFromName.PatientID), Attrs.string(l, TagFromName.PatientName),
                Attrs.string(l, TagFromName.PatientBirthDate), Attrs.string(l, TagFromName.PatientSex));
    }
}
