/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration;

import java.util.Objects;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.image.DistanceMap;

/**
 * Where a match looks, in planning-CT LPS mm: a clip box, optionally narrowed to a voxel mask (a structure dilated
 * by a margin for a soft-tissue / target match). Only planning-CT points inside both take part in the metric.
 * The centre of rotation of the match is the box centre.
 *
 * @param minMm lower corner of the box (LPS mm)
 * @param maxMm upper corner of the box (LPS mm)
 * @param mask {@code null} for the whole box, or the voxels of interest (any grid in the planning frame)
 * @param description what the region is, for reports ("box", "CTV_Prostate + 10 mm")
 */
public record RegistrationRegion(Vector3 minMm, Vector3 maxMm, BinaryMask mask, String description) {

    /**
     * Default margin (mm) around the target's bounding box for a bony match: enough to take in the bones that fix
     * the target's position (for a prostate: pubic symphysis about 80 mm anterior, femoral heads about 95 mm
     * lateral); 50 mm missed them on the demo pelvis and cost 1-2 mm.
     */
    public static final double BONY_MARGIN_MM = 80;
    /** Half size of the box used when there is no target: the middle 200 mm of the planning CT. */
    static final double FALLBACK_HALF_MM = 100;

    public RegistrationRegion {
        Objects.requireNonNull(minMm, "minMm");
        Objects.requireNonNull(maxMm, "maxMm");
        Objects.requireNonNull(description, "description");
        if (!(minMm.x() < maxMm.x() && minMm.y() < maxMm.y() && minMm.z() < maxMm.z())) {
            throw new IllegalArgumentException("region of interest is empty: " + minMm + " .. " + maxMm);
        }
        if (mask != null && mask.isEmpty()) {
            throw new IllegalArgumentException("region of interest '" + description + "' has no voxels");
        }
    }

    /** A clip box (LPS mm). */
    public static RegistrationRegion box(Vector3 minMm, Vector3 maxMm) {
        return new RegistrationRegion(minMm, maxMm, null, String.format(java.util.Locale.ROOT,
                "box %.0f x %.0f x %.0f mm", maxMm.x() - minMm.x(), maxMm.y() - minMm.y(), maxMm.z() - minMm.z()));
    }

    /** The whole extent of an image grid (a bony match over the whole field). */
    public static RegistrationRegion wholeImage(VolumeGeometry grid) {
        Bounds b = new Bounds();
        for (int c = 0; c < 8; c++) {
            b.add(grid.indexToPatient((c & 1) == 0 ? -0.5 : grid.sizeX() - 0.5, (c & 2) == 0 ? -0.5 : grid.sizeY() - 0.5,
                    (c & 4) == 0 ? -0.5 : grid.sizeZ() - 0.5));
        }
        return new RegistrationRegion(b.min(0), b.max(0), null, "whole image");
    }

    /**
     * The bony-match box: the target's contour bounding box grown by {@code marginMm}, or, without a target, the
     * middle 200 mm of the planning CT grid.
     */
    public static RegistrationRegion aroundTarget(VolumeGeometry planningGrid, java.util.Optional<Roi> target, double marginMm) {
        if (target.isPresent() && !target.get().contours().isEmpty()) {
            Bounds b = new Bounds();
            target.get().contours().forEach(c -> c.pointsMm().forEach(b::add));
            Vector3 lo = b.min(marginMm), hi = b.max(marginMm);
            return new RegistrationRegion(lo, hi, null, String.format(java.util.Locale.ROOT,
                    "box around %s + %.0f mm (%.0f x %.0f x %.0f mm)", target.get().name(), marginMm, hi.x() - lo.x(),
                    hi.y() - lo.y(), hi.z() - lo.z()));
        }
        Vector3 c = planningGrid.indexToPatient((planningGrid.sizeX() - 1) / 2.0, (planningGrid.sizeY() - 1) / 2.0,
                (planningGrid.sizeZ() - 1) / 2.0);
        Vector3 half = new Vector3(FALLBACK_HALF_MM, FALLBACK_HALF_MM, FALLBACK_HALF_MM);
        return new RegistrationRegion(c.minus(half), c.plus(half), null, "middle 200 mm of the planning CT (no target structure)");
    }

    /**
     * A structure dilated by {@code marginMm} (Euclidean distance from the structure's voxel centres, on its own
     * grid, spacing-aware): the region of a soft-tissue or target match. The box is the dilated mask's extent.
     */
    public static RegistrationRegion aroundStructure(BinaryMask structure, double marginMm, String structureName) {
        if (!(marginMm >= 0 && marginMm <= 100)) {
            throw new IllegalArgumentException("region margin must be 0..100 mm, not " + marginMm);
        }
        if (structure.isEmpty()) {
            throw new IllegalArgumentException("structure '" + structureName + "' has no voxels on the planning grid");
        }
        BinaryMask dilated = DistanceMap.dilate(structure, marginMm);
        VolumeGeometry g = dilated.geometry();
        Bounds b = new Bounds();
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    if (dilated.get(i, j, k)) {
                        b.add(g.indexToPatient(i, j, k));
                    }
                }
            }
        }
        double half = Math.max(g.spacingXMm(), Math.max(g.spacingYMm(), g.spacingZMm())) / 2;
        return new RegistrationRegion(b.min(half), b.max(half), dilated,
                String.format(java.util.Locale.ROOT, "%s + %.0f mm", structureName, marginMm));
    }

    /** Whether a planning-CT point (LPS mm) takes part in the match. */
    public boolean contains(Vector3 pointMm) {
        if (pointMm.x() < minMm.x() || pointMm.y() < minMm.y() || pointMm.z() < minMm.z() || pointMm.x() > maxMm.x()
                || pointMm.y() > maxMm.y() || pointMm.z() > maxMm.z()) {
            return false;
        }
        if (mask == null) {
            return true;
        }
        Vector3 index = mask.geometry().patientToIndex(pointMm);
        int i = (int) Math.round(index.x()), j = (int) Math.round(index.y()), k = (int) Math.round(index.z());
        return mask.geometry().contains(i, j, k) && mask.get(i, j, k);
    }

    /** The centre of the box: the centre of rotation of the match (LPS mm). */
    public Vector3 centreMm() {
        return minMm.plus(maxMm).times(0.5);
    }

    /** The axis-aligned bounds of points (LPS mm), grown by a margin when read. */
    private static final class Bounds {
        private double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, z0 = Double.MAX_VALUE;
        private double x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE, z1 = -Double.MAX_VALUE;

        void add(Vector3 p) {
            x0 = Math.min(x0, p.x());
            y0 = Math.min(y0, p.y());
            z0 = Math.min(z0, p.z());
            x1 = Math.max(x1, p.x());
            y1 = Math.max(y1, p.y());
            z1 = Math.max(z1, p.z());
        }

        Vector3 min(double marginMm) {
            return new Vector3(x0 - marginMm, y0 - marginMm, z0 - marginMm);
        }

        Vector3 max(double marginMm) {
            return new Vector3(x1 + marginMm, y1 + marginMm, z1 + marginMm);
        }
    }
}
