/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomFileUtilities;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import org.isocenter.core.patient.PatientIdentity;

/**
 * Reads the header of one DICOM file, stopping before pixel data and contour data, and checks that the
 * file is complete (pixel data as long as Rows × Columns × frames × bytes says).
 */
public final class HeaderReader {

    /** What reading one file gave. */
    public sealed interface Result permits NotDicom, Problem, Header {
    }

    /** The file is not DICOM (no DICM preamble and no plausible ACR-NEMA start). */
    public record NotDicom() implements Result {
    }

    /** The file looks like DICOM but could not be read. */
    public record Problem(String message) implements Result {
    }

    /** The header fields a scan needs; {@code defect} is non-null when the file is DICOM but incomplete (then it is not indexed). */
    public record Header(Path file, PatientIdentity patient, String studyInstanceUid, String studyDate,
            String studyDescription, String seriesInstanceUid, int seriesNumber, String seriesDescription,
            String modality, String frameOfReferenceUid, String sopClassUid, String sopInstanceUid, int instanceNumber,
            double[] imagePositionMm, List<String> referencedSeriesUids, List<String> referencedFrameUids,
            List<String> roiNames, List<String> referencedInstanceUids, String summary, String defect,
            List<String> warnings, String imageGeometry) implements Result {
    }

    private static final AttributeTag ROI_CONTOUR_SEQUENCE = Tags.ROIContourSequence;
    private static final AttributeTag PIXEL_DATA = TagFromName.PixelData;

    private HeaderReader() {
    }

    /**
     * Reads one file's header; never throws: malformed content becomes a {@link Problem}, and so does a file shortened
     * while its mapped bytes are read (the JVM's {@link InternalError} for the lost pages).
     */
    public static Result read(Path path) {
        try {
            return readUnguarded(path);
        } catch (RuntimeException e) {
            return new Problem("malformed DICOM header: " + describe(e));
        } catch (InternalError e) {
            if (!ElementStructure.lostPages(e)) {
                throw e;
            }
            return new Problem(ElementStructure.SHORTENED);
        }
    }

    private static Result readUnguarded(Path path) {
        File file = path.toFile();
        java.nio.ByteBuffer bytes; // the file mapped once: the prefix, the element walk and the header parse read it
        try {
            bytes = ElementStructure.map(path);
        } catch (java.io.IOException e) {
            bytes = null;
        }
        try {
            // a DICM magic at offset 128 makes it a (possibly corrupt) DICOM file; otherwise ask PixelMed
            // whether it looks like preamble-less DICOM or ACR-NEMA
            boolean prefix = bytes != null ? ElementStructure.hasDicmPrefix(bytes) : hasDicmMagic(path);
            if (!prefix && !DicomFileUtilities.isDicomOrAcrNemaFile(file)) {
                return new NotDicom();
            }
        } catch (RuntimeException e) {
            return new NotDicom();
        }
        ElementStructure.Result structure;
        try {
            structure = bytes != null ? ElementStructure.check(bytes) : ElementStructure.check(path);
        } catch (java.io.IOException e) {
            return new Problem("cannot read: " + describe(e));
        }
        if (!structure.complete()) {
            return new Problem(structure.defect());
        }
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        long[] pixelDataTagEnd = { -1 };
        try {
            // the element walk above already knows where Pixel Data is; PixelMed reads only what comes before it,
            // from the mapped bytes when the file is mapped
            AttributeList.ReadTerminationStrategy stop = (l, tag, offset) -> {
                if (tag.equals(PIXEL_DATA)) {
                    pixelDataTagEnd[0] = offset;
                    return true;
                }
                return tag.equals(ROI_CONTOUR_SEQUENCE) || tag.getGroup() > 0x7FE0;
            };
            if (bytes != null) {
                list.read(new DicomInputStream(new ByteBufferInput(bytes.duplicate())), stop);
            } else {
                list.read(file, stop);
            }
        } catch (Exception | StackOverflowError e) {
            return new Problem("corrupt DICOM: " + describe(e));
        }
        String sopInstance = Attrs.string(list, TagFromName.SOPInstanceUID);
        String study = Attrs.string(list, TagFromName.StudyInstanceUID);
        String series = Attrs.string(list, TagFromName.SeriesInstanceUID);
        List<String> missing = new ArrayList<>();
        if (sopInstance.isEmpty()) missing.add("SOP Instance UID");
        if (study.isEmpty()) missing.add("Study Instance UID");
        if (series.isEmpty()) missing.add("Series Instance UID");
        if (!missing.isEmpty()) {
            return new Problem("not indexable: missing " + String.join(", ", missing));
        }
        PatientIdentity patient = Part10.patient(list);
        String sopClass = Attrs.string(list, TagFromName.SOPClassUID);
        SopClasses.Kind kind = SopClasses.kind(sopClass, Attrs.string(list, TagFromName.Modality));
        String modality = kind.type();
        List<String> warnings = new ArrayList<>();
        if (kind.warning() != null) {
            warnings.add(kind.warning());
        }
        String lossy = PixelDecoder.lossyCompressionWarning(list);
        if (lossy != null) {
            warnings.add(lossy);
        }
        // the same checks the readers refuse with; listed here so that info names the file before a load fails
        if (modality.equals("RTDOSE") && list.get(TagFromName.Rows) != null) {
            HeaderChecks.rtDose(list).forEach(w -> warnings.add("refused when read: " + w));
        } else if (List.of("CT", "MR", "PT").contains(modality) && list.get(TagFromName.Rows) != null) {
            HeaderChecks.imageSlice(list).forEach(w -> warnings.add("refused when read: " + w));
        }
        Set<String> refSeries = new LinkedHashSet<>();
        Set<String> refFrames = new LinkedHashSet<>();
        List<String> roiNames = new ArrayList<>();
        collectReferences(list, refSeries, refFrames, roiNames);
        List<String> refInstances = new ArrayList<>();
        for (AttributeTag seq : List.of(Tags.ReferencedStructureSetSequence, Tags.ReferencedRTPlanSequence)) {
            for (AttributeList item : Attrs.items(list, seq)) {
                addIfPresent(refInstances, Attrs.string(item, TagFromName.ReferencedSOPInstanceUID));
            }
        }
        String defect = checkPixelDataLength(list, structure);
        if (defect == null && pixelDataTagEnd[0] >= 0 && list.get(TagFromName.Rows) != null) {
            HeaderCache.put(path, new Part10.Header(list, pixelDataTagEnd[0])); // the series reader's, if it follows
        }
        return new Header(path, patient, study, Attrs.string(list, TagFromName.StudyDate),
                Attrs.string(list, TagFromName.StudyDescription), series, Attrs.integer(list, TagFromName.SeriesNumber, 0),
                Attrs.string(list, TagFromName.SeriesDescription), modality,
                Attrs.string(list, TagFromName.FrameOfReferenceUID), sopClass,
                sopInstance, Attrs.integer(list, TagFromName.InstanceNumber, 0),
                Attrs.doubles(list, TagFromName.ImagePositionPatient), List.copyOf(refSeries), List.copyOf(refFrames),
                roiNames, refInstances, RtSummary.of(modality, list, roiNames.size()), defect, List.copyOf(warnings),
                imageGeometry(list));
    }

    /** Columns x rows and pixel spacing of an image ("" for objects without pixels), to compare slices of a series. */
    private static String imageGeometry(AttributeList list) {
        int rows = Attrs.integer(list, TagFromName.Rows, 0), columns = Attrs.integer(list, TagFromName.Columns, 0);
        if (rows == 0 || columns == 0) {
            return "";
        }
        double[] spacing = Attrs.doubles(list, TagFromName.PixelSpacing);
        StringBuilder b = new StringBuilder().append(columns).append('x').append(rows).append(" px");
        if (spacing.length == 2) {
            b.append(", ").append(RtSummary.number(spacing[1])).append(" x ").append(RtSummary.number(spacing[0]))
                    .append(" mm");
        }
        return b.toString();
    }

    private static boolean hasDicmMagic(Path path) {
        try (var in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void collectReferences(AttributeList list, Set<String> refSeries, Set<String> refFrames,
            List<String> roiNames) {
        // RTSTRUCT: Referenced Frame of Reference Sequence > RT Referenced Study > RT Referenced Series
        for (AttributeList frame : Attrs.items(list, Tags.ReferencedFrameOfReferenceSequence)) {
            addIfPresent(refFrames, Attrs.string(frame, TagFromName.FrameOfReferenceUID));
            for (AttributeList study : Attrs.items(frame, Tags.RTReferencedStudySequence)) {
                for (AttributeList s : Attrs.items(study, Tags.RTReferencedSeriesSequence)) {
                    addIfPresent(refSeries, Attrs.string(s, TagFromName.SeriesInstanceUID));
                }
            }
        }
        for (AttributeList roi : Attrs.items(list, Tags.StructureSetROISequence)) {
            roiNames.add(Attrs.string(roi, Tags.ROIName));
            addIfPresent(refFrames, Attrs.string(roi, TagFromName.ReferencedFrameOfReferenceUID));
        }
        // Spatial Registration: Registration Sequence items name the frames they map
        for (AttributeList reg : Attrs.items(list, Tags.RegistrationSequence)) {
            addIfPresent(refFrames, Attrs.string(reg, TagFromName.FrameOfReferenceUID));
        }
        // Referenced Series Sequence (Common Instance Reference module)
        for (AttributeList s : Attrs.items(list, TagFromName.ReferencedSeriesSequence)) {
            addIfPresent(refSeries, Attrs.string(s, TagFromName.SeriesInstanceUID));
        }
    }

    private static void addIfPresent(java.util.Collection<String> set, String value) {
        if (!value.isEmpty()) {
            set.add(value);
        }
    }

    /** A message when native pixel data is shorter than the image attributes require, else null. */
    private static String checkPixelDataLength(AttributeList list, ElementStructure.Result structure) {
        int rows = Attrs.integer(list, TagFromName.Rows, 0);
        int columns = Attrs.integer(list, TagFromName.Columns, 0);
        if (rows == 0 || columns == 0 || !structure.checked()) {
            return null;
        }
        if (structure.pixelDataValueOffset() < 0) {
            return "image attributes present (" + rows + "x" + columns + ") but no Pixel Data: file truncated";
        }
        if (structure.pixelDataLength() < 0) {
            return null; // encapsulated (compressed) pixel data: its length is not predictable
        }
        long frames = Math.max(1, Attrs.integer(list, TagFromName.NumberOfFrames, 1));
        long samples = Math.max(1, Attrs.integer(list, TagFromName.SamplesPerPixel, 1));
        long bits = Math.max(1, Attrs.integer(list, TagFromName.BitsAllocated, 16));
        long expected = (rows * (long) columns * frames * samples * bits + 7) / 8;
        if (structure.pixelDataLength() < expected) {
            return "pixel data too short: " + structure.pixelDataLength() + " bytes for " + columns + "x" + rows + "x"
                    + frames + " pixels of " + bits + " bits (" + expected + " bytes)";
        }
        return null;
    }

    public static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.strip());
    }
}
