/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dose.internal;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;

/**
 * Trilinear interpolation in a {@link DoseGrid} (values in the grid's units) at points given in patient LPS mm,
 * for any grid orientation. The grid covers its voxels, i.e. continuous indices from -0.5 to size - 0.5 on each
 * axis: inside that box the dose is interpolated between voxel centres, and in the outer half voxel (beyond the
 * outermost centres) the nearest centre's value is kept. Points beyond it are outside the grid.
 */
public final class TrilinearDose {

    private final float[] values;
    private final int nx, ny, nz, plane;
    private final double ox, oy, oz;
    /** Rows of the patient-offset → continuous-index matrix. */
    private final double a00, a01, a02, a10, a11, a12, a20, a21, a22;

    public TrilinearDose(DoseGrid dose) {
        VolumeGeometry g = dose.geometry();
        values = dose.values();
        nx = g.sizeX();
        ny = g.sizeY();
        nz = g.sizeZ();
        plane = nx * ny;
        Vector3 o = g.originMm(), r = g.rowDirection(), c = g.columnDirection(), s = g.sliceDirection();
        ox = o.x();
        oy = o.y();
        oz = o.z();
        a00 = r.x() / g.spacingXMm();
        a01 = r.y() / g.spacingXMm();
        a02 = r.z() / g.spacingXMm();
        a10 = c.x() / g.spacingYMm();
        a11 = c.y() / g.spacingYMm();
        a12 = c.z() / g.spacingYMm();
        a20 = s.x() / g.spacingZMm();
        a21 = s.y() / g.spacingZMm();
        a22 = s.z() / g.spacingZMm();
    }

    /** Continuous index of the point (mm) along axis 0 (i), 1 (j) or 2 (k). */
    public double index(int axis, double x, double y, double z) {
        double dx = x - ox, dy = y - oy, dz = z - oz;
        return switch (axis) {
            case 0 -> a00 * dx + a01 * dy + a02 * dz;
            case 1 -> a10 * dx + a11 * dy + a12 * dz;
            default -> a20 * dx + a21 * dy + a22 * dz;
        };
    }

    /** How fast the continuous index along {@code axis} changes per mm of patient z. */
    public double indexPerMmZ(int axis) {
        return axis == 0 ? a02 : axis == 1 ? a12 : a22;
    }

    /** Number of voxels along axis 0, 1 or 2. */
    public int size(int axis) {
        return axis == 0 ? nx : axis == 1 ? ny : nz;
    }

    /**
     * Where the grid ends along patient x ({@code patientAxis} 0) or y (1), in mm, sorted: the two planes half a
     * voxel beyond the outermost voxel centres of the index axis that runs along that patient axis. Empty when no
     * index axis runs along it (grids rotated in the axial plane or tilted).
     */
    public double[] edgesAlong(int patientAxis) {
        double[][] rows = { { a00, a01, a02 }, { a10, a11, a12 }, { a20, a21, a22 } };
        for (int axis = 0; axis < 3; axis++) {
            double[] a = rows[axis];
            double along = a[patientAxis], norm = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
            if (Math.abs(Math.abs(along) - norm) <= 1e-9 * norm) {
                // index = along × (coordinate - origin): solve for index -0.5 and size - 0.5
                double origin = patientAxis == 0 ? ox : oy;
                double e1 = origin + -0.5 / along, e2 = origin + (size(axis) - 0.5) / along;
                return new double[] { Math.min(e1, e2), Math.max(e1, e2) };
            }
        }
        return new double[0];
    }

    /**
     * Whether rows run along ±x, columns along ±y and slices along ±z: then index i depends on x only, j on y only
     * and k on z only ({@link #axialIndex}).
     */
    public boolean isAxial() {
        double tol = 1e-9;
        return Math.abs(a01) < tol * Math.abs(a00) && Math.abs(a02) < tol * Math.abs(a00)
                && Math.abs(a10) < tol * Math.abs(a11) && Math.abs(a12) < tol * Math.abs(a11)
                && Math.abs(a20) < tol * Math.abs(a22) && Math.abs(a21) < tol * Math.abs(a22);
    }

    /** For {@link #isAxial()} grids: the continuous index along axis 0, 1 or 2 of patient x, y or z (mm). */
    public double axialIndex(int axis, double coordinateMm) {
        return axis == 0 ? a00 * (coordinateMm - ox) : axis == 1 ? a11 * (coordinateMm - oy) : a22 * (coordinateMm - oz);
    }

    /**
     * For the cell with lower corner (i0, j0), clamped as {@link #valueAtIndex} clamps ({@link #lower}): the bilinear
     * interpolation along y (weight {@code fj}) at i0 and at i0 + 1 in planes {@code firstK ...}, into
     * {@code out[2p]} and {@code out[2p + 1]}; the value at weight fi along x is then out[2p] + fi (out[2p+1] - out[2p]).
     */
    public void cellColumns(int firstK, int planes, int i0, int j0, double fj, double[] out) {
        int di = nx > 1 ? 1 : 0, dj = ny > 1 ? nx : 0;
        int p = firstK * plane + j0 * nx + i0;
        for (int q = 0; q < planes; q++, p += plane) {
            double a = values[p], b = values[p + dj];
            double c = values[p + di], d = values[p + dj + di];
            out[2 * q] = a + fj * (b - a);
            out[2 * q + 1] = c + fj * (d - c);
        }
    }

    /** The lower voxel index of the interpolation cell of continuous index {@code f} on {@code axis} (clamped). */
    public int lower(int axis, double f) {
        int n = size(axis);
        f = Math.min(Math.max(f, 0), n - 1);
        return Math.min((int) f, Math.max(n - 2, 0));
    }

    /** The interpolation weight of the upper voxel for continuous index {@code f} on {@code axis} (clamped). */
    public double fraction(int axis, double f) {
        int n = size(axis);
        double c = Math.min(Math.max(f, 0), n - 1);
        return c - lower(axis, f);
    }

    /** Whether a continuous index lies in the grid (within half a voxel of the outermost voxel centres). */
    public boolean inside(double i, double j, double k) {
        return i >= -0.5 && j >= -0.5 && k >= -0.5 && i <= nx - 0.5 && j <= ny - 0.5 && k <= nz - 0.5;
    }

    /** Dose at a continuous index (interpolated; clamped to the outermost voxel centres). */
    public double valueAtIndex(double i, double j, double k) {
        i = Math.min(Math.max(i, 0), nx - 1);
        j = Math.min(Math.max(j, 0), ny - 1);
        k = Math.min(Math.max(k, 0), nz - 1);
        int i0 = Math.min((int) i, Math.max(nx - 2, 0));
        int j0 = Math.min((int) j, Math.max(ny - 2, 0));
        int k0 = Math.min((int) k, Math.max(nz - 2, 0));
        double fi = i - i0, fj = j - j0, fk = k - k0;
        int di = nx > 1 ? 1 : 0, dj = ny > 1 ? nx : 0, dk = nz > 1 ? plane : 0;
        int p = k0 * plane + j0 * nx + i0;
        double c00 = values[p] + fi * (values[p + di] - values[p]);
        double c10 = values[p + dj] + fi * (values[p + dj + di] - values[p + dj]);
        double c01 = values[p + dk] + fi * (values[p + dk + di] - values[p + dk]);
        double c11 = values[p + dk + dj] + fi * (values[p + dk + dj + di] - values[p + dk + dj]);
        double c0 = c00 + fj * (c10 - c00), c1 = c01 + fj * (c11 - c01);
        return c0 + fk * (c1 - c0);
    }

    /** Dose at a point in patient LPS mm, or NaN outside the grid. */
    public double valueAt(double x, double y, double z) {
        double i = index(0, x, y, z), j = index(1, x, y, z), k = index(2, x, y, z);
        return inside(i, j, k) ? valueAtIndex(i, j, k) : Double.NaN;
    }
}
