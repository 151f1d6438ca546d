/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.nio.file.Path;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.dicom.internal.Attrs;
import org.isocenter.dicom.internal.HeaderChecks;
import org.isocenter.dicom.internal.Part10;
import org.isocenter.dicom.internal.PixelDecoder;
import org.isocenter.dicom.internal.Tags;

/**
 * Reads a DICOM RT Dose (multi-frame grid) into a {@link DoseGrid} in Gy (or relative units): Dose Grid
 * Scaling applied, 16- or 32-bit samples, native or RLE/JPEG Lossless pixel data, Grid Frame Offset Vector
 * relative to the first frame or absolute (both forms occur). Unevenly spaced frames and point-dose-only
 * objects are refused with a message naming the file.
 */
public final class RtDoseReader {

    public DoseGrid read(Path file) throws DicomReadException {
        return Part10.guarded(file, "RT Dose", () -> readChecked(file));
    }

    private DoseGrid readChecked(Path file) throws DicomReadException {
        AttributeList l = Part10.read(file, "RTDOSE", "an RT Dose");
        if (l.getPixelData() == null) {
            throw new DicomReadException(file, "RT Dose without a dose grid (point doses only) is not supported");
        }
        java.util.List<String> problems = HeaderChecks.rtDose(l);
        if (!problems.isEmpty()) {
            throw new DicomReadException(file, String.join("; ", problems));
        }
        int rows = Attrs.integer(l, TagFromName.Rows, 0), columns = Attrs.integer(l, TagFromName.Columns, 0);
        int frames = Math.max(1, Attrs.integer(l, TagFromName.NumberOfFrames, 1));
        // image plane and Grid Frame Offset Vector already checked by HeaderChecks.rtDose
        double[] iop = Attrs.doubles(l, TagFromName.ImageOrientationPatient);
        double[] ipp = Attrs.doubles(l, TagFromName.ImagePositionPatient);
        double[] ps = Attrs.doubles(l, TagFromName.PixelSpacing);
        double[] offsets = Attrs.doubles(l, Tags.GridFrameOffsetVector);
        Vector3[] axes = Part10.orientation(file, iop);
        Vector3 row = axes[0], col = axes[1], normal = axes[2];
        Vector3 origin = new Vector3(ipp[0], ipp[1], ipp[2]);
        double spacingZ = 1;
        boolean reversed = false;
        if (frames > 1) {
            // relative form starts at 0; absolute form (legacy, axial only) starts at the first frame's z
            double base = offsets[0] == 0 ? 0 : offsets[0];
            double step = offsets[1] - offsets[0];
            for (int k = 1; k < frames; k++) {
                double gap = offsets[k] - offsets[k - 1];
                if (Math.abs(gap - step) > 0.01 * Math.abs(step) || gap == 0) {
                    throw new DicomReadException(file, String.format("dose frames are unevenly spaced (%.3f mm then %.3f mm "
                            + "at frame %d); resampling is not supported", step, gap, k + 1));
                }
            }
            if (base != 0) {
                origin = origin.plus(normal.times(base - origin.dot(normal)));
            }
            reversed = step < 0;
            spacingZ = Math.abs(step);
        }
        double scaling = doseGridScaling(l);
        boolean signed = Attrs.integer(l, TagFromName.PixelRepresentation, 0) == 1;
        int plane = rows * columns;
        float[] dose = new float[plane * frames];
        for (int k = 0; k < frames; k++) {
            int[] raw = PixelDecoder.frame(file, l, k);
            int target = reversed ? frames - 1 - k : k;
            for (int p = 0; p < plane; p++) {
                double v = signed ? raw[p] : Integer.toUnsignedLong(raw[p]);
                dose[target * plane + p] = (float) (v * scaling);
            }
        }
        if (reversed) {
            origin = origin.plus(normal.times(offsets[frames - 1] - offsets[0]));
        }
        VolumeGeometry geometry = new VolumeGeometry(columns, rows, frames, ps[1], ps[0], spacingZ, origin, row, col, normal);
        String plan = "";
        for (AttributeList r : Attrs.items(l, Tags.ReferencedRTPlanSequence)) {
            plan = Attrs.string(r, TagFromName.ReferencedSOPInstanceUID);
        }
        String units = Attrs.string(l, Tags.DoseUnits);
        return new DoseGrid(geometry, dose, units.isEmpty() ? "GY" : units, Attrs.string(l, Tags.DoseSummationType),
                Attrs.string(l, Tags.DoseType), Part10.patient(l), Attrs.string(l, TagFromName.FrameOfReferenceUID), plan);
    }

    /** Checked by {@link HeaderChecks#rtDose}: present, finite and positive. */
    private static double doseGridScaling(AttributeList l) {
        return Attrs.number(l, Tags.DoseGridScaling, Double.NaN);
    }
}
