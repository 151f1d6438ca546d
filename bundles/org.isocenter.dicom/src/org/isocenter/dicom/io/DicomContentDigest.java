/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import org.isocenter.dicom.internal.Attrs;
import org.isocenter.dicom.internal.Part10;

/**
 * The identity and content of a DICOM Part 10 file as a receiver would see it: SOP Class and Instance UIDs and a
 * SHA-256 of the data set independent of how it was encoded. The digest is taken over the data set without File
 * Meta Information (group 0002), group lengths and trailing padding, re-encoded in Explicit VR Little Endian with
 * undefined-length sequences, so a file and its copy stored by a peer (which writes its own File Meta Information
 * and may re-encode lengths or the transfer syntax) give the same value exactly when every data element is equal.
 * Encapsulated (compressed) pixel data is compared as received, not decoded.
 */
public final class DicomContentDigest {

    /** What {@link #of(Path)} found: SOP Class and Instance UIDs, Modality, and the data set's SHA-256 (hex). */
    public record Content(Path file, String sopClassUid, String sopInstanceUid, String modality, String datasetSha256) {
    }

    private DicomContentDigest() {
    }

    /** Reads {@code file} and digests its data set; a file that is not readable DICOM fails naming it. */
    public static Content of(Path file) throws DicomReadException {
        return Part10.guarded(file, "DICOM file", () -> {
            AttributeList l = Part10.read(file);
            String sopClass = Attrs.string(l, TagFromName.SOPClassUID);
            String sopInstance = Attrs.string(l, TagFromName.SOPInstanceUID);
            String modality = Attrs.string(l, TagFromName.Modality);
            AttributeList data = (AttributeList) l.clone();
            data.removeMetaInformationHeaderAttributes();
            data.removeGroupLengthAttributes();
            data.remove(TagFromName.DataSetTrailingPadding);
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (DigestOutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), sha);
                        DicomOutputStream out = new DicomOutputStream(new java.io.BufferedOutputStream(digest, 1 << 16),
                                null, TransferSyntax.ExplicitVRLittleEndian)) {
                    data.write(out);
                }
                return new Content(file, sopClass, sopInstance, modality, HexFormat.of().formatHex(sha.digest()));
            } catch (IOException | com.pixelmed.dicom.DicomException | NoSuchAlgorithmException e) {
                throw new DicomReadException(file, "cannot digest the data set: " + e.getMessage(), e);
            }
        });
    }
}
