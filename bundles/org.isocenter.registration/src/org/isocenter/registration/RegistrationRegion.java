package org.isocenter.registration;

import java.util.Objects;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.core.structure.Roi;
import org.isocenter.registration.internal.DistanceMap;

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
        double[] lo = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
        double[] hi = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        for (int c = 0; c < 8; c++) {
            Vector3 p = grid.indexToPatient((c & 1) == 0 ? -0.5 : grid.sizeX() - 0.5, (c & 2) == 0 ? -0.5 : grid.sizeY() - 0.5,
                    (c & 4) == 0 ? -0.5 : grid.sizeZ() - 0.5);
            double[] v = { p.x(), p.y(), p.z() };
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], v[a]);
                hi[a] = Math.max(hi[a], v[a]);
            }
        }
        return new RegistrationRegion(new Vector3(lo[0], lo[1], lo[2]), new Vector3(hi[0], hi[1], hi[2]), null,
                "whole image");
    }

    /**
     * The bony-match box: the target's contour bounding box grown by {@code marginMm}, or, without a target, the
     * middle 200 mm of the planning CT grid.
     */
    public static RegistrationRegion aroundTarget(VolumeGeometry planningGrid, java.util.Optional<Roi> target, double marginMm) {
        if (target.isPresent() && !target.get().contours().isEmpty()) {
            double[] min = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
            double[] max = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
            target.get().contours().forEach(c -> c.pointsMm().forEach(p -> {
                double[] a = { p.x(), p.y(), p.z() };
                for (int i = 0; i < 3; i++) {
                    min[i] = Math.min(min[i], a[i]);
                    max[i] = Math.max(max[i], a[i]);
                }
            }));
            Vector3 lo = new Vector3(min[0] - marginMm, min[1] - marginMm, min[2] - marginMm);
            Vector3 hi = new Vector3(max[0] + marginMm, max[1] + marginMm, max[2] + marginMm);
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
        double[] lo = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
        double[] hi = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    if (dilated.get(i, j, k)) {
                        Vector3 p = g.indexToPatient(i, j, k);
                        double[] v = { p.x(), p.y(), p.z() };
                        for (int a = 0; a < 3; a++) {
                            lo[a] = Math.min(lo[a], v[a]);
                            hi[a] = Math.max(hi[a], v[a]);
                        }
                    }
                }
            }
        }
        double half = Math.max(g.spacingXMm(), Math.max(g.spacingYMm(), g.spacingZMm())) / 2;
        return new RegistrationRegion(new Vector3(lo[0] - half, lo[1] - half, lo[2] - half),
                new Vector3(hi[0] + half, hi[1] + half, hi[2] + half), dilated,
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
}
