/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of an {@link ExportPackage}: what it is for the treatment machine ({@link Role}), the file, its SOP Class
 * and Instance UIDs and Modality (empty for the non-DICOM couch correction record), its size in bytes, the SHA-256
 * of its bytes and, for DICOM, the SHA-256 of its data set ({@code DicomContentDigest}: equal for a peer's copy
 * exactly when every element is equal). Hashes are lower-case hex.
 */
public record PackageItem(Role role, Path file, String sopClassUid, String sopInstanceUid, String modality,
        String description, long sizeBytes, String sha256, String datasetSha256) {

    /** What a file is in the package. */
    public enum Role {
        /** The RT Plan (isocenter, beams, patient setup). */
        PLAN,
        /** The RT Structure Set the plan references. */
        STRUCTURE_SET,
        /** A slice of the planning CT. */
        PLANNING_IMAGE,
        /** A reference image (DRR) written as RT Image for 2D kV/MV matching. */
        REFERENCE_IMAGE,
        /** A Spatial Registration of an IGRT session (daily image to plan). */
        REGISTRATION,
        /** The couch correction record of the IGRT sessions ({@code igrt-decisions.log}), not DICOM. */
        COUCH_CORRECTION_RECORD
    }

    public PackageItem {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(file, "file");
        sopClassUid = Objects.requireNonNullElse(sopClassUid, "");
        sopInstanceUid = Objects.requireNonNullElse(sopInstanceUid, "");
        modality = Objects.requireNonNullElse(modality, "");
        description = Objects.requireNonNullElse(description, "");
        Objects.requireNonNull(sha256, "sha256");
        datasetSha256 = Objects.requireNonNullElse(datasetSha256, "");
    }

    /** Whether this is a DICOM object (everything but the couch correction record). */
    public boolean isDicom() {
        return !sopInstanceUid.isEmpty();
    }

    /** The file name, for messages and reports. */
    public String name() {
        return file.getFileName().toString();
    }
}
