/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.structure.RoiSlabs;

/**
 * Size and position of a contoured structure read with the DICOM slab convention (each contour plane stands for
 * a slab one contour spacing thick; polygons on a plane combine by the even-odd rule): volume in cm³, centre of
 * mass and bounding box in patient LPS mm, extent per axis in mm.
 */
public record StructureStatistics(String name, double volumeCc, Vector3 centreOfMassMm, Vector3 boundsMinMm,
        Vector3 boundsMaxMm, int contouredSlices) {

    /** The statistics of a structure; an empty structure has volume 0 and NaN positions. */
    public static StructureStatistics of(RoiSlabs slabs) {
        double volume = 0, mx = 0, my = 0, mz = 0;
        double[] lo = { Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY };
        double[] hi = { Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY };
        double thickness = 2 * slabs.halfThicknessMm();
        for (int s = 0; s < slabs.slabCount(); s++) {
            double[] moments = PlaneAreas.evenOddMoments(slabs.polygonsX(s), slabs.polygonsY(s));
            double z = slabs.slabZMm(s);
            volume += moments[0] * thickness;
            mx += moments[1] * thickness;
            my += moments[2] * thickness;
            mz += moments[0] * thickness * z;
            for (int p = 0; p < slabs.polygonsX(s).length; p++) {
                for (double x : slabs.polygonsX(s)[p]) {
                    lo[0] = Math.min(lo[0], x);
                    hi[0] = Math.max(hi[0], x);
                }
                for (double y : slabs.polygonsY(s)[p]) {
                    lo[1] = Math.min(lo[1], y);
                    hi[1] = Math.max(hi[1], y);
                }
            }
            lo[2] = Math.min(lo[2], z - slabs.halfThicknessMm());
            hi[2] = Math.max(hi[2], z + slabs.halfThicknessMm());
        }
        Vector3 com = volume > 0 ? new Vector3(mx / volume, my / volume, mz / volume)
                : new Vector3(Double.NaN, Double.NaN, Double.NaN);
        return new StructureStatistics(slabs.roi().name(), volume / 1000.0, com, new Vector3(lo[0], lo[1], lo[2]),
                new Vector3(hi[0], hi[1], hi[2]), slabs.slabCount());
    }

    /** Extent (mm) along patient x (right-left), y (anterior-posterior) and z (inferior-superior). */
    public Vector3 extentMm() {
        return boundsMaxMm.minus(boundsMinMm);
    }
}
