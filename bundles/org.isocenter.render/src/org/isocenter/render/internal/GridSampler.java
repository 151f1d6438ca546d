/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render.internal;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.render.Interpolation;
import org.isocenter.render.SliceViewport;

/**
 * Samples a voxel grid (any orientation) at the pixel centres of a {@link SliceViewport}, optionally through a
 * rigid transform from the viewport's patient frame to the grid's frame, into a float buffer in the grid's
 * physical unit (NaN outside the grid). Pixel-to-index is affine, so the hot loop only adds steps: no
 * allocation per pixel or per frame.
 */
public abstract class GridSampler {

    protected final VolumeGeometry geometry;
    private final int nx;
    private final int ny;
    private final int nz;

    protected GridSampler(VolumeGeometry geometry) {
        this.geometry = geometry;
        this.nx = geometry.sizeX();
        this.ny = geometry.sizeY();
        this.nz = geometry.sizeZ();
    }

    /** Physical value of the voxel at linear index {@code index} (x fastest). */
    protected abstract float at(int index);

    /** Fills {@code out[y * width + x]} for the whole viewport. */
    public final void sample(SliceViewport vp, RigidTransform viewToGrid, Interpolation interpolation, float[] out) {
        Vector3 i0 = toIndex(vp.pixelCentre(0, 0), viewToGrid);
        Vector3 dx = toIndex(vp.pixelCentre(1, 0), viewToGrid).minus(i0);
        Vector3 dy = toIndex(vp.pixelCentre(0, 1), viewToGrid).minus(i0);
        int w = vp.widthPx(), h = vp.heightPx();
        for (int y = 0; y < h; y++) {
            double fi = i0.x() + y * dy.x(), fj = i0.y() + y * dy.y(), fk = i0.z() + y * dy.z();
            int row = y * w;
            if (interpolation == Interpolation.NEAREST) {
                nearestRow(out, row, w, fi, fj, fk, dx.x(), dx.y(), dx.z());
            } else {
                linearRow(out, row, w, fi, fj, fk, dx.x(), dx.y(), dx.z());
            }
        }
    }

    /** The physical value at a patient point (grid frame): nearest voxel or trilinear; NaN outside. */
    public final double valueAt(Vector3 pointMm, Interpolation interpolation) {
        Vector3 idx = geometry.patientToIndex(pointMm);
        float[] one = new float[1];
        if (interpolation == Interpolation.NEAREST) {
            nearestRow(one, 0, 1, idx.x(), idx.y(), idx.z(), 0, 0, 0);
        } else {
            linearRow(one, 0, 1, idx.x(), idx.y(), idx.z(), 0, 0, 0);
        }
        return one[0];
    }

    private Vector3 toIndex(Vector3 viewPoint, RigidTransform viewToGrid) {
        return geometry.patientToIndex(viewToGrid == null ? viewPoint : viewToGrid.apply(viewPoint));
    }

    private void nearestRow(float[] out, int row, int w, double fi, double fj, double fk, double di, double dj,
            double dk) {
        double maxI = nx - 0.5, maxJ = ny - 0.5, maxK = nz - 0.5;
        for (int x = 0; x < w; x++) {
            if (fi >= -0.5 && fi < maxI && fj >= -0.5 && fj < maxJ && fk >= -0.5 && fk < maxK) {
                int i = (int) (fi + 0.5), j = (int) (fj + 0.5), k = (int) (fk + 0.5);
                out[row + x] = at((k * ny + j) * nx + i);
            } else {
                out[row + x] = Float.NaN;
            }
            fi += di;
            fj += dj;
            fk += dk;
        }
    }

    private void linearRow(float[] out, int row, int w, double fi, double fj, double fk, double di, double dj,
            double dk) {
        double maxI = nx - 0.5, maxJ = ny - 0.5, maxK = nz - 0.5;
        int sliceSize = nx * ny;
        for (int x = 0; x < w; x++) {
            if (fi >= -0.5 && fi < maxI && fj >= -0.5 && fj < maxJ && fk >= -0.5 && fk < maxK) {
                // within half a voxel of the edge: hold the edge value (clamp), as a nearest-neighbour border
                double ci = Math.min(Math.max(fi, 0), nx - 1), cj = Math.min(Math.max(fj, 0), ny - 1),
                        ck = Math.min(Math.max(fk, 0), nz - 1);
                int i = Math.min((int) ci, nx - 2 < 0 ? 0 : nx - 2), j = Math.min((int) cj, ny - 2 < 0 ? 0 : ny - 2),
                        k = Math.min((int) ck, nz - 2 < 0 ? 0 : nz - 2);
                double ti = ci - i, tj = cj - j, tk = ck - k;
                int si = nx > 1 ? 1 : 0, sj = ny > 1 ? nx : 0, sk = nz > 1 ? sliceSize : 0;
                int p = (k * ny + j) * nx + i;
                double c00 = at(p) + ti * (at(p + si) - at(p));
                double c10 = at(p + sj) + ti * (at(p + sj + si) - at(p + sj));
                double c01 = at(p + sk) + ti * (at(p + sk + si) - at(p + sk));
                double c11 = at(p + sk + sj) + ti * (at(p + sk + sj + si) - at(p + sk + sj));
                double c0 = c00 + tj * (c10 - c00), c1 = c01 + tj * (c11 - c01);
                out[row + x] = (float) (c0 + tk * (c1 - c0));
            } else {
                out[row + x] = Float.NaN;
            }
            fi += di;
            fj += dj;
            fk += dk;
        }
    }

    /** A sampler over an image volume's stored 16-bit values with rescale (HU for CT). */
    public static GridSampler of(org.isocenter.core.image.ImageVolume volume) {
        short[] v = volume.storedValues();
        float slope = (float) volume.rescaleSlope(), intercept = (float) volume.rescaleIntercept();
        return new GridSampler(volume.geometry()) {
            @Override
            protected float at(int index) {
                return v[index] * slope + intercept;
            }
        };
    }

    /** A sampler over a dose grid (Gy). */
    public static GridSampler of(org.isocenter.core.dose.DoseGrid dose) {
        float[] v = dose.values();
        return new GridSampler(dose.geometry()) {
            @Override
            protected float at(int index) {
                return v[index];
            }
        };
    }
}
