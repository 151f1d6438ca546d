/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;

/**
 * The one validation pass of the numbers in a header that decide geometry, scaling and pixel layout, shared by the
 * readers (which refuse on the first problem, naming the file) and the folder scan (which lists the problems as
 * warnings on the series). Every value must be present where it is needed, finite, and within the stated limits
 * below; a value outside them would otherwise become a plausible but wrong number (a NaN position sorting a slice
 * to the wrong end, a NaN dose scaling read as 1.0, an infinite spacing putting every point "inside").
 */
public final class HeaderChecks {

    /** Positions (Image Position, Grid Frame Offsets, contour points) beyond this distance from the origin (mm). */
    public static final double MAX_POSITION_MM = 10_000;
    /** Pixel spacing, slice and dose-grid spacing above this (mm) are not images of a patient. */
    public static final double MAX_SPACING_MM = 100;
    /** Rescale Slope magnitudes accepted (outside: no modality's stored values map to real quantities so). */
    public static final double MIN_SLOPE = 1e-6, MAX_SLOPE = 1e6;
    /** Rescale Intercept magnitude accepted. */
    public static final double MAX_INTERCEPT = 1e7;
    /** Voxels of one object (a series or a dose grid): 2^28 = 268 million, 1 GiB as 32-bit values. */
    public static final long MAX_VOXELS = 1L << 28;

    private HeaderChecks() {
    }

    /** Problems of an image slice's geometry and pixel description (CT, MR, PET, CBCT). */
    public static List<String> imageSlice(AttributeList l) {
        List<String> p = new ArrayList<>();
        imagePlane(l, p);
        pixelDescription(l, p, 16);
        if (l.get(TagFromName.RescaleSlope) != null) {
            double s = Attrs.number(l, TagFromName.RescaleSlope, Double.NaN);
            if (!(Math.abs(s) >= MIN_SLOPE && Math.abs(s) <= MAX_SLOPE)) {
                p.add("Rescale Slope " + text(s) + " is outside " + MIN_SLOPE + ".." + (long) MAX_SLOPE + " (or not a number)");
            }
        }
        if (l.get(TagFromName.RescaleIntercept) != null) {
            double i = Attrs.number(l, TagFromName.RescaleIntercept, Double.NaN);
            if (!(Math.abs(i) <= MAX_INTERCEPT)) {
                p.add("Rescale Intercept " + text(i) + " is not a finite number within +-" + (long) MAX_INTERCEPT);
            }
        }
        return p;
    }

    /** Problems of an RT Dose's grid: image plane, Grid Frame Offset Vector, Dose Grid Scaling, size. */
    public static List<String> rtDose(AttributeList l) {
        List<String> p = new ArrayList<>();
        imagePlane(l, p);
        pixelDescription(l, p, 32);
        int frames = Math.max(1, Attrs.integer(l, TagFromName.NumberOfFrames, 1));
        double[] offsets = Attrs.doubles(l, Tags.GridFrameOffsetVector);
        for (int k = 0; k < offsets.length; k++) {
            if (!(Math.abs(offsets[k]) <= MAX_POSITION_MM)) {
                p.add("Grid Frame Offset Vector value " + (k + 1) + " is " + text(offsets[k]) + " (not finite or beyond "
                        + (long) MAX_POSITION_MM + " mm)");
                break;
            }
        }
        for (int k = 1; k < offsets.length && p.isEmpty(); k++) {
            if (Math.abs(offsets[k] - offsets[k - 1]) > MAX_SPACING_MM) {
                p.add("Grid Frame Offset Vector steps " + text(Math.abs(offsets[k] - offsets[k - 1])) + " mm between frames "
                        + k + " and " + (k + 1) + " (more than " + (long) MAX_SPACING_MM + " mm)");
            }
        }
        if (frames > 1 && offsets.length != frames) {
            p.add("Grid Frame Offset Vector has " + offsets.length + " values for " + frames + " frames");
        }
        if (l.get(Tags.DoseGridScaling) == null) {
            p.add("no Dose Grid Scaling (3004,000E): the stored values cannot be turned into dose");
        } else {
            double s = Attrs.number(l, Tags.DoseGridScaling, Double.NaN);
            if (!(s > 0 && s < 1e6)) {
                p.add("Dose Grid Scaling " + text(s) + " is not a positive finite number");
            }
        }
        return p;
    }

    private static void imagePlane(AttributeList l, List<String> p) {
        double[] ipp = Attrs.doubles(l, TagFromName.ImagePositionPatient);
        if (ipp.length != 3) {
            p.add("Image Position (Patient) needs 3 values, has " + ipp.length);
        } else if (!(Math.abs(ipp[0]) <= MAX_POSITION_MM && Math.abs(ipp[1]) <= MAX_POSITION_MM
                && Math.abs(ipp[2]) <= MAX_POSITION_MM)) {
            p.add("Image Position (Patient) " + text(ipp) + " is not finite or lies beyond " + (long) MAX_POSITION_MM
                    + " mm");
        }
        double[] iop = Attrs.doubles(l, TagFromName.ImageOrientationPatient);
        if (iop.length != 6) {
            p.add("Image Orientation (Patient) needs 6 values, has " + iop.length);
        } else {
            double rr = iop[0] * iop[0] + iop[1] * iop[1] + iop[2] * iop[2];
            double cc = iop[3] * iop[3] + iop[4] * iop[4] + iop[5] * iop[5];
            double rc = iop[0] * iop[3] + iop[1] * iop[4] + iop[2] * iop[5];
            if (!(Math.abs(Math.sqrt(rr) - 1) < 1e-3 && Math.abs(Math.sqrt(cc) - 1) < 1e-3 && Math.abs(rc) < 1e-3)) {
                p.add("Image Orientation (Patient) " + text(iop) + " is not a pair of orthogonal unit vectors");
            }
        }
        double[] ps = Attrs.doubles(l, TagFromName.PixelSpacing);
        if (ps.length != 2) {
            p.add("Pixel Spacing needs 2 values, has " + ps.length);
        } else if (!(ps[0] > 0 && ps[0] <= MAX_SPACING_MM && ps[1] > 0 && ps[1] <= MAX_SPACING_MM)) {
            p.add("Pixel Spacing " + text(ps) + " is not within 0.." + (long) MAX_SPACING_MM + " mm");
        }
    }

    private static void pixelDescription(AttributeList l, List<String> p, int maxBits) {
        int rows = Attrs.integer(l, TagFromName.Rows, 0), columns = Attrs.integer(l, TagFromName.Columns, 0);
        int frames = Attrs.integer(l, TagFromName.NumberOfFrames, 1);
        if (rows < 1 || columns < 1 || frames < 1) {
            p.add("image size " + columns + " x " + rows + " x " + frames + " frames is empty or negative");
            return;
        }
        long voxels = (long) rows * columns * frames;
        if (voxels > MAX_VOXELS) {
            p.add(String.format(Locale.ROOT, "%d x %d x %d = %d voxels exceed the limit of %d voxels per object", columns,
                    rows, frames, voxels, MAX_VOXELS));
        }
        int allocated = Attrs.integer(l, TagFromName.BitsAllocated, 0);
        int stored = Attrs.integer(l, TagFromName.BitsStored, allocated);
        int high = Attrs.integer(l, TagFromName.HighBit, stored - 1);
        if (allocated != 8 && allocated != 16 && !(allocated == 32 && maxBits >= 32)) {
            p.add("Bits Allocated " + allocated + " is not supported (8, 16" + (maxBits >= 32 ? " or 32)" : ")"));
        } else if (stored < 1 || stored > allocated || high != stored - 1) {
            p.add("Bits Stored " + stored + " / High Bit " + high + " do not fit Bits Allocated " + allocated);
        }
        if (Attrs.integer(l, TagFromName.SamplesPerPixel, 1) != 1) {
            p.add("Samples per Pixel " + Attrs.integer(l, TagFromName.SamplesPerPixel, 1) + ": only greyscale is read");
        }
        int representation = Attrs.integer(l, TagFromName.PixelRepresentation, 0);
        if (representation != 0 && representation != 1) {
            p.add("Pixel Representation " + representation + " is neither 0 (unsigned) nor 1 (signed)");
        }
    }

    /**
     * Problems of one slice against the series' first slice (besides its size): the pixel description and spacing must
     * be the same
     * (the rescale may differ; it is re-expressed in the first slice's).
     */
    public static List<String> sameAsFirst(AttributeList l, AttributeList first) {
        List<String> p = new ArrayList<>();
        // Rows and Columns: compared by the series reader itself ("image size differs")
        for (AttributeTag tag : List.of(TagFromName.BitsAllocated,
                TagFromName.BitsStored, TagFromName.HighBit, TagFromName.PixelRepresentation, TagFromName.SamplesPerPixel)) {
            int a = Attrs.integer(l, tag, -1), b = Attrs.integer(first, tag, -1);
            if (a != b) {
                p.add(AttributeList.getDictionary().getFullNameFromTag(tag) + " " + a + " differs from the series' " + b);
            }
        }
        if (!Attrs.string(l, TagFromName.PhotometricInterpretation).equals(
                Attrs.string(first, TagFromName.PhotometricInterpretation))) {
            p.add("Photometric Interpretation differs from the other slices");
        }
        double[] ps = Attrs.doubles(l, TagFromName.PixelSpacing), ps0 = Attrs.doubles(first, TagFromName.PixelSpacing);
        if (ps.length == 2 && ps0.length == 2
                && (Math.abs(ps[0] - ps0[0]) > 1e-4 * ps0[0] || Math.abs(ps[1] - ps0[1]) > 1e-4 * ps0[1])) {
            p.add("Pixel Spacing " + text(ps) + " differs from the series' " + text(ps0));
        }
        return p;
    }

    private static String text(double... v) {
        StringBuilder b = new StringBuilder(v.length == 1 ? "" : "[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(Double.isFinite(v[i]) ? String.format(Locale.ROOT, "%.6g", v[i])
                    : Double.toString(v[i]));
        }
        return b.append(v.length == 1 ? "" : "]").toString();
    }
}
