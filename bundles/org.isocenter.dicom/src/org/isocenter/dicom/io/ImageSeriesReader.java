/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.internal.Attrs;
import org.isocenter.dicom.internal.HeaderChecks;
import org.isocenter.dicom.internal.Part10;
import org.isocenter.dicom.internal.PixelDecoder;

/**
 * Decodes a single-frame image series (CT, CBCT stored as CT, MR, PT) into an {@link ImageVolume}. Slices
 * are ordered by their position along the slice normal (not by file name or instance number), rescale
 * slope/intercept are kept, and the series is refused with a clear message when slices disagree in
 * orientation, size or patient, when slice spacing is uneven (missing slices), when the stack is sheared
 * (gantry tilt), or when its transfer syntax is not supported. 8/16-bit signed/unsigned samples, native
 * (implicit/explicit VR, little/big endian), deflated, RLE and JPEG Lossless pixel data are decoded.
 * <p>
 * Memory: each slice is decoded straight into its place in the volume's 16-bit array, so the peak heap is the
 * volume plus one slice. When a slice's rescale differs from the first slice's, its values are re-expressed
 * in the first slice's rescale, rounded to the nearest stored unit.
 */
public final class ImageSeriesReader {

    /** Relative tolerance on slice spacing before a gap is reported as missing/uneven slices. */
    private static final double SPACING_TOLERANCE = 0.01;

    /** What is kept of a slice once its pixels are in the volume (the header without Pixel Data). */
    private record Slice(Path file, AttributeList header, double positionAlongNormal, int slot) {
    }

    public ImageVolume read(List<Path> files, ProgressMonitor monitor) throws DicomReadException {
        Path[] current = { null }; // the file being read, to name it when malformed content slips past the checks
        try {
            return readChecked(files, monitor, current);
        } catch (org.isocenter.core.progress.CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DicomReadException(current[0], "malformed image: " + e, e);
        }
    }

    private ImageVolume readChecked(List<Path> files, ProgressMonitor monitor, Path[] current) throws DicomReadException {
        if (files.isEmpty()) {
            throw new DicomReadException(null, "no files given for the image series");
        }
        monitor.begin("Reading " + files.size() + " slices", files.size() + 1);
        // the first slice sets what the others must match and the volume's rescale
        current[0] = files.get(0);
        Part10.Header firstHeader = Part10.readHeader(files.get(0));
        AttributeList first = firstHeader.list();
        double[] orientation = Attrs.doubles(first, TagFromName.ImageOrientationPatient);
        checkSlice(files.get(0), first);
        Vector3 normal = Part10.orientation(files.get(0), orientation)[2];
        int plane = Attrs.integer(first, TagFromName.Rows, 0) * Attrs.integer(first, TagFromName.Columns, 0);
        if ((long) plane * files.size() > HeaderChecks.MAX_VOXELS) {
            throw new DicomReadException(null, files.size() + " slices of " + plane + " pixels exceed the limit of "
                    + HeaderChecks.MAX_VOXELS + " voxels per volume");
        }
        short[] stored = new short[plane * files.size()];
        double slope = rescaleSlope(first), intercept = rescaleIntercept(first);
        // unsigned 16-bit samples may not fit a signed short: shift them and compensate in the intercept
        int shift = Attrs.integer(first, TagFromName.PixelRepresentation, 0) == 0
                && Attrs.integer(first, TagFromName.BitsStored, 16) == 16 ? 32768 : 0;
        intercept += shift * slope;
        Slice[] slices = new Slice[files.size()];
        slices[0] = decodeSlice(0, files.get(0), firstHeader, null, stored, plane, slope, intercept, shift, normal);
        monitor.worked(1);
        // the others in parallel, each into its own slot of the volume
        final double volumeSlope = slope, volumeIntercept = intercept;
        final int volumeShift = shift;
        DicomReadException[] failure = { null };
        java.util.stream.IntStream.range(1, files.size()).parallel().forEach(k -> {
            if (failure[0] != null) {
                return;
            }
            try {
                monitor.checkCancelled();
                slices[k] = decodeSlice(k, files.get(k), Part10.readHeader(files.get(k)), first, stored, plane, volumeSlope,
                        volumeIntercept, volumeShift, normal);
                synchronized (monitor) {
                    monitor.worked(1);
                }
            } catch (DicomReadException e) {
                synchronized (failure) {
                    failure[0] = failure[0] == null ? e : failure[0];
                }
            } catch (RuntimeException e) {
                if (e instanceof org.isocenter.core.progress.CancelledException) {
                    throw e;
                }
                synchronized (failure) {
                    failure[0] = failure[0] == null ? new DicomReadException(files.get(k), "malformed image: " + e, e) : failure[0];
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        List<Slice> sorted = new ArrayList<>(List.of(slices));
        sorted.sort(Comparator.comparingDouble(Slice::positionAlongNormal));
        double spacingZ = checkSpacing(sorted, normal);
        permuteIntoOrder(stored, plane, sorted);
        monitor.worked(1);
        return assemble(sorted, first, stored, slope, intercept, spacingZ);
    }

    /** Checks one slice's header, decodes its pixels into slot {@code slot} and returns what is kept of it. */
    private static Slice decodeSlice(int slot, Path f, Part10.Header header, AttributeList first, short[] stored, int plane,
            double slope, double intercept, int shift, Vector3 normal) throws DicomReadException {
        AttributeList list = header.list();
        checkSlice(f, list);
        double[] ipp = Attrs.doubles(list, TagFromName.ImagePositionPatient);
        if (first != null) {
            checkSameAsFirst(f, list, first, Attrs.doubles(first, TagFromName.ImageOrientationPatient),
                    Attrs.doubles(list, TagFromName.ImageOrientationPatient));
        }
        java.nio.ShortBuffer words = PixelDecoder.nativeWords16(f, header);
        if (words != null) {
            storeWords(f, list, words, stored, slot * plane, plane, slope, intercept, shift);
        } else { // compressed, big endian, 8-bit...: let PixelMed read the whole file
            int[] raw = PixelDecoder.frame(f, Part10.read(f), 0);
            storeSlice(f, list, raw, stored, slot * plane, plane, slope, intercept, shift);
        }
        return new Slice(f, list, new Vector3(ipp[0], ipp[1], ipp[2]).dot(normal), slot);
    }

    private static void checkSlice(Path f, AttributeList list) throws DicomReadException {
        String refusal = PixelDecoder.unsupportedTransferSyntax(Attrs.string(list, TagFromName.TransferSyntaxUID));
        if (refusal != null) {
            throw new DicomReadException(f, refusal);
        }
        if (Attrs.integer(list, TagFromName.NumberOfFrames, 1) > 1) {
            throw new DicomReadException(f, "multi-frame images are not supported by this reader");
        }
        if (Attrs.doubles(list, TagFromName.ImageOrientationPatient).length != 6
                || Attrs.doubles(list, TagFromName.ImagePositionPatient).length != 3) {
            throw new DicomReadException(f, "missing Image Orientation/Position (Patient): not a volumetric slice");
        }
        List<String> problems = HeaderChecks.imageSlice(list);
        if (!problems.isEmpty()) {
            throw new DicomReadException(f, String.join("; ", problems));
        }
    }

    private static double rescaleSlope(AttributeList l) {
        double s = Attribute.getSingleDoubleValueOrDefault(l, TagFromName.RescaleSlope, 1.0);
        return s == 0 || Double.isNaN(s) ? 1.0 : s;
    }

    private static double rescaleIntercept(AttributeList l) {
        return Attribute.getSingleDoubleValueOrDefault(l, TagFromName.RescaleIntercept, 0.0);
    }

    /**
     * Puts one slice's raw 16-bit words into the volume: a bulk copy when they are 16-bit signed in the volume's
     * rescale (the common CT case), else masked, sign-extended and re-expressed per value.
     */
    private static void storeWords(Path f, AttributeList list, java.nio.ShortBuffer words, short[] stored, int offset,
            int plane, double slope, double intercept, int shift) throws DicomReadException {
        int bitsStored = Attrs.integer(list, TagFromName.BitsStored, 16);
        boolean signed = Attrs.integer(list, TagFromName.PixelRepresentation, 0) == 1;
        if (bitsStored < 1 || bitsStored > 16) {
            throw new DicomReadException(f, "Bits Stored " + bitsStored + " does not fit 16 bits allocated");
        }
        boolean sameRescale = rescaleSlope(list) == slope && rescaleIntercept(list) == intercept - shift * slope;
        if (sameRescale && signed && bitsStored == 16 && shift == 0) {
            words.get(0, stored, offset, plane);
            return;
        }
        if (sameRescale && !signed && bitsStored == 16 && shift == 32768) {
            for (int p = 0; p < plane; p++) {
                stored[offset + p] = (short) (words.get(p) ^ 0x8000); // (v & 0xFFFF) - 32768 in two's complement
            }
            return;
        }
        int[] raw = new int[plane];
        for (int p = 0; p < plane; p++) {
            raw[p] = words.get(p);
        }
        PixelDecoder.maskAndSignExtend(raw, bitsStored, signed);
        storeSlice(f, list, raw, stored, offset, plane, slope, intercept, shift);
    }

    /** Puts one slice's stored values into {@code stored[offset..offset+plane)} in the volume's rescale. */
    private static void storeSlice(Path f, AttributeList list, int[] raw, short[] stored, int offset, int plane, double slope,
            double intercept, int shift) throws DicomReadException {
        if (raw.length != plane) {
            throw new DicomReadException(f, "slice has " + raw.length + " pixels, the series " + plane);
        }
        double s = rescaleSlope(list), i = rescaleIntercept(list);
        boolean sameRescale = s == slope && i == intercept - shift * slope;
        for (int p = 0; p < plane; p++) {
            long v = sameRescale ? raw[p] - shift : Math.round((raw[p] * s + i - intercept) / slope);
            if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                throw new DicomReadException(f, "pixel value " + (raw[p] * s + i) + " does not fit the series' 16-bit range");
            }
            stored[offset + p] = (short) v;
        }
    }

    /** Moves each slice's pixels from the slot it was decoded into to its sorted position (in place). */
    private static void permuteIntoOrder(short[] stored, int plane, List<Slice> sorted) {
        int n = sorted.size();
        int[] sourceOf = new int[n];
        for (int k = 0; k < n; k++) {
            sourceOf[k] = sorted.get(k).slot();
        }
        boolean[] done = new boolean[n];
        short[] temp = new short[plane];
        for (int start = 0; start < n; start++) {
            if (done[start] || sourceOf[start] == start) {
                done[start] = true;
                continue;
            }
            System.arraycopy(stored, start * plane, temp, 0, plane);
            int k = start;
            while (sourceOf[k] != start) {
                System.arraycopy(stored, sourceOf[k] * plane, stored, k * plane, plane);
                done[k] = true;
                k = sourceOf[k];
            }
            System.arraycopy(temp, 0, stored, k * plane, plane);
            done[k] = true;
        }
    }

    private static void checkSameAsFirst(Path f, AttributeList list, AttributeList first, double[] orientation,
            double[] iop) throws DicomReadException {
        for (int i = 0; i < 6; i++) {
            if (Math.abs(iop[i] - orientation[i]) > 1e-4) {
                throw new DicomReadException(f, "Image Orientation (Patient) differs from the other slices");
            }
        }
        if (Attrs.integer(list, TagFromName.Rows, 0) != Attrs.integer(first, TagFromName.Rows, 0)
                || Attrs.integer(list, TagFromName.Columns, 0) != Attrs.integer(first, TagFromName.Columns, 0)) {
            throw new DicomReadException(f, "image size differs from the other slices");
        }
        List<String> problems = HeaderChecks.sameAsFirst(list, first);
        if (!problems.isEmpty()) {
            throw new DicomReadException(f, String.join("; ", problems));
        }
        if (!Part10.patient(list).isSamePatient(Part10.patient(first))) {
            throw new DicomReadException(f, "belongs to another patient than the other slices: "
                    + String.join(", ", Part10.patient(first).differencesFrom(Part10.patient(list))));
        }
        for (var tag : List.of(TagFromName.SeriesInstanceUID, TagFromName.FrameOfReferenceUID)) {
            if (!Attrs.string(list, tag).equals(Attrs.string(first, tag))) {
                throw new DicomReadException(f, AttributeList.getDictionary().getFullNameFromTag(tag)
                        + " differs from the other slices of the series");
            }
        }
    }

    private static double checkSpacing(List<Slice> slices, Vector3 normal) throws DicomReadException {
        if (slices.size() == 1) {
            double[] t = Attrs.doubles(slices.get(0).header(), TagFromName.SliceThickness);
            return t.length > 0 && t[0] > 0 ? t[0] : 1.0;
        }
        List<Double> gaps = new ArrayList<>();
        for (int k = 1; k < slices.size(); k++) {
            double gap = slices.get(k).positionAlongNormal() - slices.get(k - 1).positionAlongNormal();
            if (gap < 1e-3) {
                throw new DicomReadException(slices.get(k).file(), "two slices at the same position "
                        + String.format("%.3f", slices.get(k).positionAlongNormal()) + " mm (duplicate slice, also in "
                        + slices.get(k - 1).file().getFileName() + ")");
            }
            gaps.add(gap);
        }
        double median = gaps.stream().sorted().toList().get(gaps.size() / 2);
        List<String> uneven = new ArrayList<>();
        for (int k = 0; k < gaps.size(); k++) {
            if (Math.abs(gaps.get(k) - median) > SPACING_TOLERANCE * median) {
                uneven.add(String.format("%.2f mm after %s", gaps.get(k), slices.get(k).file().getFileName()));
            }
        }
        if (!uneven.isEmpty()) {
            throw new DicomReadException(null, "uneven slice spacing (missing slices?): expected " + String.format("%.2f", median)
                    + " mm, found " + String.join("; ", uneven.subList(0, Math.min(5, uneven.size())))
                    + (uneven.size() > 5 ? " and " + (uneven.size() - 5) + " more" : ""));
        }
        // gantry tilt / shear: successive positions must move along the normal only
        double[] p0 = Attrs.doubles(slices.get(0).header(), TagFromName.ImagePositionPatient);
        double[] pn = Attrs.doubles(slices.get(slices.size() - 1).header(), TagFromName.ImagePositionPatient);
        Vector3 d = new Vector3(pn[0] - p0[0], pn[1] - p0[1], pn[2] - p0[2]);
        Vector3 off = d.minus(normal.times(d.dot(normal)));
        if (off.norm() > 0.01 * d.norm() + 0.05) {
            double tilt = Math.toDegrees(Math.atan2(off.norm(), Math.abs(d.dot(normal))));
            throw new DicomReadException(null, String.format(
                    "slice positions are sheared by %.2f deg against the slice normal (gantry tilt); "
                            + "tilted series are not supported, resample them first", tilt));
        }
        // every slice on the line of the others: one slice displaced in its plane is a corrupt position
        for (Slice s : slices) {
            double[] p = Attrs.doubles(s.header(), TagFromName.ImagePositionPatient);
            Vector3 dk = new Vector3(p[0] - p0[0], p[1] - p0[1], p[2] - p0[2]);
            double displaced = dk.minus(normal.times(dk.dot(normal))).norm();
            if (displaced > 0.05 + 0.01 * Math.abs(dk.dot(normal))) {
                throw new DicomReadException(s.file(), String.format(java.util.Locale.ROOT, "Image Position (Patient) is "
                        + "displaced %.2f mm within the slice plane from the line of the series' other slices", displaced));
            }
        }
        return median;
    }

    private static ImageVolume assemble(List<Slice> slices, AttributeList first, short[] stored, double slope,
            double intercept, double spacingZ) throws DicomReadException {
        int rows = Attrs.integer(first, TagFromName.Rows, 0);
        int columns = Attrs.integer(first, TagFromName.Columns, 0);
        double[] ps = Attrs.doubles(first, TagFromName.PixelSpacing); // checked by HeaderChecks.imageSlice
        double[] iop = Attrs.doubles(first, TagFromName.ImageOrientationPatient);
        Vector3[] axes = Part10.orientation(slices.get(0).file(), iop);
        Vector3 row = axes[0], col = axes[1];
        double[] ipp = Attrs.doubles(slices.get(0).header(), TagFromName.ImagePositionPatient);
        // DICOM Pixel Spacing is (row spacing, column spacing) = (spacing along columns, along rows)
        VolumeGeometry geometry = new VolumeGeometry(columns, rows, slices.size(), ps[1], ps[0], spacingZ,
                new Vector3(ipp[0], ipp[1], ipp[2]), row, col, row.cross(col));
        String modality = Attrs.string(first, TagFromName.Modality);
        String positionCode = Attrs.string(first, TagFromName.PatientPosition);
        PatientPosition position;
        try {
            position = positionCode.isEmpty() ? PatientPosition.HFS : PatientPosition.fromDicom(positionCode);
        } catch (IllegalArgumentException e) {
            throw new DicomReadException(slices.get(0).file(), e.getMessage());
        }
        ImageVolumeInfo info = new ImageVolumeInfo(Part10.patient(first), Attrs.string(first, TagFromName.StudyInstanceUID),
                Attrs.string(first, TagFromName.SeriesInstanceUID), Attrs.string(first, TagFromName.FrameOfReferenceUID),
                modality, position,
                firstNonEmpty(Attrs.string(first, TagFromName.AcquisitionDate), Attrs.string(first, TagFromName.SeriesDate),
                        Attrs.string(first, TagFromName.StudyDate)),
                Attrs.string(first, TagFromName.SeriesDescription));
        String unit = modality.equals("CT") ? "HU" : firstNonEmpty(Attrs.string(first, TagFromName.RescaleType), "");
        return new ImageVolume(geometry, stored, slope, intercept, unit, info);
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
