/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.contouring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.eclipse.osgi.util.NLS;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.DicomWriteException;
import org.isocenter.dicom.io.ImageSeriesReference;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.io.StructureSetWriter;
import org.isocenter.dicom.io.WrittenObject;

/**
 * Save as new RTSTRUCT: the edited structure set written as a new DICOM RT Structure Set (new series and instance
 * UIDs) referencing the contoured image series, into a file that must not exist yet — the imported structure set is
 * never overwritten — then read back and compared.
 */
public final class StructureSetSaving {

    /** What was written and read back. */
    public record Saved(Path file, String sopInstanceUid, StructureSet readBack) {
    }

    private StructureSetSaving() {
    }

    /**
     * A new file name beside the imported structure set (else beside the image series):
     * {@code RS_<label>_edited_<date>_<time>.dcm}, numbered when that exists.
     */
    public static Path defaultFile(EditableStructures session) {
        Path folder = session.importedFile() != null ? session.importedFile().toAbsolutePath().getParent()
                : session.imageSeries().instances().get(0).file().toAbsolutePath().getParent();
        String label = session.set().label().replaceAll("[^A-Za-z0-9._-]", "_");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        Path file = folder.resolve("RS_" + label + "_edited_" + stamp + ".dcm");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve("RS_" + label + "_edited_" + stamp + "_" + n + ".dcm");
        }
        return file;
    }

    /** Writes the session's structure set to {@code file} (refused when it exists), reads it back and checks it. */
    public static Saved save(EditableStructures session, Path file)
            throws DicomWriteException, DicomReadException, IOException {
        if (Files.exists(file)) {
            throw new IOException(NLS.bind(Messages.StructureSetSaving_exists, file));
        }
        StructureSet set = session.set();
        LocalDateTime now = LocalDateTime.now();
        SeriesAttributes attributes = new SeriesAttributes(now.format(DateTimeFormatter.BASIC_ISO_DATE),
                now.format(DateTimeFormatter.ofPattern("HHmmss")), "", "Isocenter structures", 1, "Isocenter");
        ImageSeriesReference images = ImageSeriesReference.of(session.image(), session.imageSeries());
        WrittenObject written = new StructureSetWriter().write(set, images, attributes,
                "Structures edited in Isocenter", file);
        StructureSet back = new StructureSetReader().read(file);
        if (back.rois().size() != set.rois().size()) {
            throw new IOException(NLS.bind(Messages.StructureSetSaving_readBack,
                    new Object[] { back.rois().size(), file, set.rois().size() }));
        }
        session.markSaved(file);
        return new Saved(file, written.sopInstanceUid(), back);
    }
}
