/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.internal.Attrs;
import org.isocenter.dicom.internal.ContourDataIndex;
import org.isocenter.dicom.internal.HeaderChecks;
import org.isocenter.dicom.internal.Part10;
import org.isocenter.dicom.internal.Tags;

/**
 * Reads a DICOM RT Structure Set into a {@link StructureSet}: ROI numbers, names, colours, interpreted
 * types and contours (patient LPS mm). Contours with an odd point count or an unknown geometric type are
 * refused with a message naming the ROI.
 */
public final class StructureSetReader {

    public StructureSet read(Path file) throws DicomReadException {
        return Part10.guarded(file, "RT Structure Set", () -> readChecked(file));
    }

    private StructureSet readChecked(Path file) throws DicomReadException {
        // Contour Data through the fast path when the encoding allows (see ContourDataIndex), else PixelMed alone
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new DicomReadException(file, "cannot read: " + e.getMessage(), e);
        }
        Optional<ContourDataIndex> index = ContourDataIndex.of(bytes);
        AttributeList l = Part10.requireModality(
                index.isPresent() ? Part10.read(index.get().markedBytes(), file) : Part10.read(bytes, file), file,
                "RTSTRUCT", "an RT Structure Set");
        String frame = "";
        String refSeries = "";
        for (AttributeList f : Attrs.items(l, Tags.ReferencedFrameOfReferenceSequence)) {
            frame = Attrs.string(f, TagFromName.FrameOfReferenceUID);
            for (AttributeList st : Attrs.items(f, Tags.RTReferencedStudySequence)) {
                for (AttributeList se : Attrs.items(st, Tags.RTReferencedSeriesSequence)) {
                    refSeries = Attrs.string(se, TagFromName.SeriesInstanceUID);
                }
            }
        }
        Map<Integer, String> types = new HashMap<>();
        for (AttributeList o : Attrs.items(l, Tags.RTROIObservationsSequence)) {
            types.put(Attrs.integer(o, Tags.ReferencedROINumber, -1), Attrs.string(o, Tags.RTROIInterpretedType));
        }
        Map<Integer, AttributeList> contoursByRoi = new HashMap<>();
        for (AttributeList c : Attrs.items(l, Tags.ROIContourSequence)) {
            contoursByRoi.put(Attrs.integer(c, Tags.ReferencedROINumber, -1), c);
        }
        List<Roi> rois = new ArrayList<>();
        for (AttributeList r : Attrs.items(l, Tags.StructureSetROISequence)) {
            int number = Attrs.integer(r, Tags.ROINumber, -1);
            String name = Attrs.string(r, Tags.ROIName);
            if (frame.isEmpty()) {
                frame = Attrs.string(r, TagFromName.ReferencedFrameOfReferenceUID);
            }
            AttributeList c = contoursByRoi.get(number);
            int[] color = { 255, 255, 0 };
            List<Contour> contours = new ArrayList<>();
            if (c != null) {
                int[] rgb = com.pixelmed.dicom.Attribute.getIntegerValues(c, Tags.ROIDisplayColor);
                if (rgb != null && rgb.length == 3) {
                    color = new int[] { clamp(rgb[0]), clamp(rgb[1]), clamp(rgb[2]) };
                }
                for (AttributeList item : Attrs.items(c, Tags.ContourSequence)) {
                    contours.add(contour(file, name, item, index));
                }
            }
            rois.add(new Roi(number, name, color, types.getOrDefault(number, ""), contours));
        }
        try {
            return new StructureSet(Attrs.string(l, TagFromName.StructureSetLabel), Part10.patient(l), frame, refSeries, rois);
        } catch (IllegalArgumentException e) {
            throw new DicomReadException(file, "inconsistent RT Structure Set: " + e.getMessage(), e);
        }
    }

    /** A closed planar contour no wider than {@value #MAX_CONTOUR_RADIUS_MM} mm around its median point, and planar. */
    static final double MAX_CONTOUR_RADIUS_MM = 1000, MAX_OFF_PLANE_MM = 1.0;

    private static void checkPlausibleShape(Path file, String roiName, List<Vector3> points) throws DicomReadException {
        int n = points.size();
        Vector3 median = new Vector3(median(points, 0), median(points, 1), median(points, 2));
        for (int k = 0; k < n; k++) {
            double d = points.get(k).minus(median).norm();
            if (d > MAX_CONTOUR_RADIUS_MM) {
                throw new DicomReadException(file, String.format(java.util.Locale.ROOT, "ROI '%s': contour point %d "
                        + "(%.1f, %.1f, %.1f) lies %.0f mm from the rest of its contour (more than %.0f mm): a corrupt "
                        + "coordinate", roiName, k + 1, points.get(k).x(), points.get(k).y(), points.get(k).z(), d,
                        MAX_CONTOUR_RADIUS_MM));
            }
        }
        if (n < 3) {
            return;
        }
        // Newell's normal of the polygon; every point within MAX_OFF_PLANE_MM of the plane through the median
        double nx = 0, ny = 0, nz = 0;
        for (int k = 0; k < n; k++) {
            Vector3 a = points.get(k), b = points.get((k + 1) % n);
            nx += (a.y() - b.y()) * (a.z() + b.z());
            ny += (a.z() - b.z()) * (a.x() + b.x());
            nz += (a.x() - b.x()) * (a.y() + b.y());
        }
        Vector3 normal = new Vector3(nx, ny, nz);
        if (normal.norm() < 1e-9) {
            return; // degenerate (collinear) contour: the model decides
        }
        normal = normal.normalized();
        for (int k = 0; k < n; k++) {
            double off = Math.abs(points.get(k).minus(median).dot(normal));
            if (off > MAX_OFF_PLANE_MM) {
                throw new DicomReadException(file, String.format(java.util.Locale.ROOT, "ROI '%s': CLOSED_PLANAR contour "
                        + "point %d lies %.2f mm off the contour's plane", roiName, k + 1, off));
            }
        }
    }

    private static double median(List<Vector3> points, int axis) {
        double[] v = new double[points.size()];
        for (int k = 0; k < v.length; k++) {
            Vector3 p = points.get(k);
            v[k] = axis == 0 ? p.x() : axis == 1 ? p.y() : p.z();
        }
        java.util.Arrays.sort(v);
        return v[v.length / 2];
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static Contour contour(Path file, String roiName, AttributeList item, Optional<ContourDataIndex> index)
            throws DicomReadException {
        double[] raw = Attrs.doubles(item, TagFromName.ContourData);
        double[] data;
        try {
            data = index.map(i -> i.values(raw)).orElse(raw);
        } catch (IllegalArgumentException e) {
            throw new DicomReadException(file, "ROI '" + roiName + "' has " + e.getMessage());
        }
        if (data.length == 0 || data.length % 3 != 0) {
            throw new DicomReadException(file, "ROI '" + roiName + "' has Contour Data with " + data.length
                    + " values (not a multiple of 3)");
        }
        ContourGeometry geometry;
        try {
            geometry = ContourGeometry.valueOf(Attrs.string(item, Tags.ContourGeometricType));
        } catch (IllegalArgumentException e) {
            throw new DicomReadException(file, "ROI '" + roiName + "' has unknown Contour Geometric Type '"
                    + Attrs.string(item, Tags.ContourGeometricType) + "'");
        }
        int declared = Attrs.integer(item, Tags.NumberOfContourPoints, -1);
        if (declared >= 0 && declared != data.length / 3) {
            throw new DicomReadException(file, "ROI '" + roiName + "': Number of Contour Points says " + declared
                    + " but Contour Data holds " + data.length / 3 + " points");
        }
        List<Vector3> points = new ArrayList<>(data.length / 3);
        for (int i = 0; i < data.length; i += 3) {
            if (!(Math.abs(data[i]) <= HeaderChecks.MAX_POSITION_MM && Math.abs(data[i + 1]) <= HeaderChecks.MAX_POSITION_MM
                    && Math.abs(data[i + 2]) <= HeaderChecks.MAX_POSITION_MM)) {
                throw new DicomReadException(file, "ROI '" + roiName + "': contour point " + (i / 3 + 1) + " ("
                        + data[i] + ", " + data[i + 1] + ", " + data[i + 2] + ") is not finite or lies beyond "
                        + (long) HeaderChecks.MAX_POSITION_MM + " mm");
            }
            points.add(new Vector3(data[i], data[i + 1], data[i + 2]));
        }
        if (geometry == ContourGeometry.CLOSED_PLANAR) {
            checkPlausibleShape(file, roiName, points);
        }
        try {
            return new Contour(geometry, points);
        } catch (IllegalArgumentException e) {
            throw new DicomReadException(file, "ROI '" + roiName + "': " + e.getMessage());
        }
    }
}
