package org.isocenter.dicom.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.internal.Attrs;

/**
 * Decodes a single-frame image series (CT, CBCT stored as CT, MR, PT) into an {@link ImageVolume}. Slices
 * are ordered by their position along the slice normal (not by file name or instance number), rescale
 * slope/intercept are kept, and the series is refused with a clear message when slices disagree in
 * orientation, size or patient, when slice spacing is uneven (missing slices), when the stack is sheared
 * (gantry tilt), or when its transfer syntax is not supported.
 */
public final class ImageSeriesReader {

    /** Relative tolerance on slice spacing before a gap is reported as missing/uneven slices. */
    private static final double SPACING_TOLERANCE = 0.01;

    private record Slice(Path file, AttributeList list, double positionAlongNormal) {
    }

    public ImageVolume read(List<Path> files, ProgressMonitor monitor) throws DicomReadException {
        if (files.isEmpty()) {
            throw new DicomReadException(null, "no files given for the image series");
        }
        monitor.begin("Reading " + files.size() + " slices", files.size());
        List<Slice> slices = new ArrayList<>();
        double[] orientation = null;
        Vector3 row = null, col = null, normal = null;
        AttributeList first = null;
        for (Path f : files) {
            monitor.checkCancelled();
            AttributeList list = readFully(f);
            double[] iop = Attrs.doubles(list, TagFromName.ImageOrientationPatient);
            double[] ipp = Attrs.doubles(list, TagFromName.ImagePositionPatient);
            if (iop.length != 6 || ipp.length != 3) {
                throw new DicomReadException(f, "missing Image Orientation/Position (Patient): not a volumetric slice");
            }
            if (first == null) {
                first = list;
                orientation = iop;
                row = new Vector3(iop[0], iop[1], iop[2]).normalized();
                col = new Vector3(iop[3], iop[4], iop[5]).normalized();
                normal = row.cross(col);
            } else {
                checkSameAsFirst(f, list, first, orientation, iop);
            }
            slices.add(new Slice(f, list, new Vector3(ipp[0], ipp[1], ipp[2]).dot(normal)));
            monitor.worked(1);
        }
        slices.sort(Comparator.comparingDouble(Slice::positionAlongNormal));
        double spacingZ = checkSpacing(slices, normal);
        return assemble(slices, first, row, col, normal, spacingZ);
    }

    private static AttributeList readFully(Path f) throws DicomReadException {
        AttributeList list = new AttributeList();
        try {
            list.read(f.toFile());
        } catch (Exception e) {
            throw new DicomReadException(f, "cannot read DICOM: " + e.getMessage(), e);
        }
        String ts = Attrs.string(list, TagFromName.TransferSyntaxUID);
        if (!ts.isEmpty() && !ts.equals(TransferSyntax.ImplicitVRLittleEndian)
                && !ts.equals(TransferSyntax.ExplicitVRLittleEndian) && !ts.equals(TransferSyntax.ExplicitVRBigEndian)) {
            throw new DicomReadException(f, "unsupported transfer syntax " + ts);
        }
        if (Attrs.integer(list, TagFromName.NumberOfFrames, 1) > 1) {
            throw new DicomReadException(f, "multi-frame images are not supported by this reader");
        }
        if (Attrs.integer(list, TagFromName.SamplesPerPixel, 1) != 1) {
            throw new DicomReadException(f, "colour images are not supported as volumes");
        }
        return list;
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
        for (var tag : List.of(TagFromName.PatientID, TagFromName.SeriesInstanceUID, TagFromName.FrameOfReferenceUID)) {
            if (!Attrs.string(list, tag).equals(Attrs.string(first, tag))) {
                throw new DicomReadException(f, tag + " differs from the other slices of the series");
            }
        }
    }

    private static double checkSpacing(List<Slice> slices, Vector3 normal) throws DicomReadException {
        if (slices.size() == 1) {
            double t = Attrs.doubles(slices.get(0).list(), TagFromName.SliceThickness).length > 0
                    ? Attrs.doubles(slices.get(0).list(), TagFromName.SliceThickness)[0] : 1.0;
            return t > 0 ? t : 1.0;
        }
        List<Double> gaps = new ArrayList<>();
        for (int k = 1; k < slices.size(); k++) {
            double gap = slices.get(k).positionAlongNormal() - slices.get(k - 1).positionAlongNormal();
            if (gap < 1e-3) {
                throw new DicomReadException(slices.get(k).file(), "two slices at the same position "
                        + String.format("%.3f", slices.get(k).positionAlongNormal()) + " mm (duplicate slice)");
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
        double[] p0 = Attrs.doubles(slices.get(0).list(), TagFromName.ImagePositionPatient);
        double[] pn = Attrs.doubles(slices.get(slices.size() - 1).list(), TagFromName.ImagePositionPatient);
        Vector3 d = new Vector3(pn[0] - p0[0], pn[1] - p0[1], pn[2] - p0[2]);
        Vector3 off = d.minus(normal.times(d.dot(normal)));
        if (off.norm() > 0.01 * d.norm() + 0.05) {
            double tilt = Math.toDegrees(Math.atan2(off.norm(), Math.abs(d.dot(normal))));
            throw new DicomReadException(null, String.format(
                    "slice positions are sheared by %.2f deg against the slice normal (gantry tilt); "
                            + "tilted series are not supported, resample them first", tilt));
        }
        return median;
    }

    private static ImageVolume assemble(List<Slice> slices, AttributeList first, Vector3 row, Vector3 col,
            Vector3 normal, double spacingZ) throws DicomReadException {
        int rows = Attrs.integer(first, TagFromName.Rows, 0);
        int columns = Attrs.integer(first, TagFromName.Columns, 0);
        double[] ps = Attrs.doubles(first, TagFromName.PixelSpacing);
        if (ps.length != 2 || ps[0] <= 0 || ps[1] <= 0) {
            throw new DicomReadException(slices.get(0).file(), "missing or invalid Pixel Spacing");
        }
        int plane = rows * columns;
        double[] slopes = new double[slices.size()];
        double[] intercepts = new double[slices.size()];
        int[][] raw = new int[slices.size()][];
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        boolean sameRescale = true;
        for (int k = 0; k < slices.size(); k++) {
            AttributeList l = slices.get(k).list();
            raw[k] = pixels(slices.get(k).file(), l, plane);
            slopes[k] = Attribute.getSingleDoubleValueOrDefault(l, TagFromName.RescaleSlope, 1.0);
            intercepts[k] = Attribute.getSingleDoubleValueOrDefault(l, TagFromName.RescaleIntercept, 0.0);
            sameRescale &= slopes[k] == slopes[0] && intercepts[k] == intercepts[0];
            for (int v : raw[k]) {
                if (v < min) min = v;
                if (v > max) max = v;
            }
        }
        short[] stored = new short[plane * slices.size()];
        double slope = slopes[0], intercept = intercepts[0];
        if (sameRescale) {
            // shift unsigned 16-bit data that does not fit a signed short; compensate in the intercept
            int shift = max > Short.MAX_VALUE ? 32768 : 0;
            if (min - shift < Short.MIN_VALUE) {
                throw new DicomReadException(null, "stored pixel range " + min + ".." + max + " does not fit 16 bits");
            }
            intercept += shift * slope;
            for (int k = 0; k < raw.length; k++) {
                for (int p = 0; p < plane; p++) {
                    stored[k * plane + p] = (short) (raw[k][p] - shift);
                }
            }
        } else {
            // per-slice rescale: store physical values rounded to integers (slope 1)
            slope = 1;
            intercept = 0;
            for (int k = 0; k < raw.length; k++) {
                for (int p = 0; p < plane; p++) {
                    long v = Math.round(raw[k][p] * slopes[k] + intercepts[k]);
                    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                        throw new DicomReadException(slices.get(k).file(), "rescaled value " + v + " out of 16-bit range");
                    }
                    stored[k * plane + p] = (short) v;
                }
            }
        }
        double[] ipp = Attrs.doubles(slices.get(0).list(), TagFromName.ImagePositionPatient);
        // DICOM Pixel Spacing is (row spacing, column spacing) = (spacing along columns, along rows)
        VolumeGeometry geometry = new VolumeGeometry(columns, rows, slices.size(), ps[1], ps[0], spacingZ,
                new Vector3(ipp[0], ipp[1], ipp[2]), row, col, normal);
        String modality = Attrs.string(first, TagFromName.Modality);
        String positionCode = Attrs.string(first, TagFromName.PatientPosition);
        PatientPosition position;
        try {
            position = positionCode.isEmpty() ? PatientPosition.HFS : PatientPosition.fromDicom(positionCode);
        } catch (IllegalArgumentException e) {
            throw new DicomReadException(slices.get(0).file(), e.getMessage());
        }
        ImageVolumeInfo info = new ImageVolumeInfo(
                new PatientIdentity(Attrs.string(first, TagFromName.PatientID), Attrs.string(first, TagFromName.PatientName),
                        Attrs.string(first, TagFromName.PatientBirthDate), Attrs.string(first, TagFromName.PatientSex)),
                Attrs.string(first, TagFromName.StudyInstanceUID), Attrs.string(first, TagFromName.SeriesInstanceUID),
                Attrs.string(first, TagFromName.FrameOfReferenceUID), modality, position,
                firstNonEmpty(Attrs.string(first, TagFromName.AcquisitionDate), Attrs.string(first, TagFromName.SeriesDate),
                        Attrs.string(first, TagFromName.StudyDate)),
                Attrs.string(first, TagFromName.SeriesDescription));
        String unit = modality.equals("CT") ? "HU" : firstNonEmpty(Attrs.string(first, TagFromName.RescaleType), "");
        return new ImageVolume(geometry, stored, slope, intercept, unit, info);
    }

    private static int[] pixels(Path f, AttributeList list, int plane) throws DicomReadException {
        Attribute pd = list.getPixelData();
        if (pd == null) {
            throw new DicomReadException(f, "no Pixel Data");
        }
        int bits = Attrs.integer(list, TagFromName.BitsAllocated, 16);
        int bitsStored = Attrs.integer(list, TagFromName.BitsStored, bits);
        boolean signed = Attrs.integer(list, TagFromName.PixelRepresentation, 0) == 1;
        int[] out = new int[plane];
        try {
            if (bits == 16) {
                short[] s = pd.getShortValues();
                if (s == null || s.length < plane) {
                    throw new DicomReadException(f, "pixel data truncated: " + (s == null ? 0 : s.length) + " of "
                            + plane + " pixels");
                }
                int mask = (1 << bitsStored) - 1;
                for (int p = 0; p < plane; p++) {
                    int v = s[p] & mask;
                    if (signed && bitsStored < 32 && (v & (1 << (bitsStored - 1))) != 0) {
                        v -= 1 << bitsStored;
                    }
                    out[p] = v;
                }
            } else if (bits == 8) {
                byte[] b = pd.getByteValues();
                if (b == null || b.length < plane) {
                    throw new DicomReadException(f, "pixel data truncated");
                }
                for (int p = 0; p < plane; p++) {
                    out[p] = signed ? b[p] : b[p] & 0xFF;
                }
            } else {
                throw new DicomReadException(f, "Bits Allocated " + bits + " is not supported (8 or 16)");
            }
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new DicomReadException(f, "cannot decode pixel data: " + e.getMessage(), e);
        }
        return out;
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
