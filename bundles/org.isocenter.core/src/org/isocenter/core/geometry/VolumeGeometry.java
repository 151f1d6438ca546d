/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.geometry;

/**
 * The voxel grid of an image or dose volume placed in DICOM patient coordinates (LPS, mm).
 * Voxel (i, j, k) has its centre at {@code origin + i*spacingX*rowDirection + j*spacingY*columnDirection
 * + k*spacingZ*sliceDirection}: {@code i} runs along a row (DICOM column index), {@code j} down the rows,
 * {@code k} across slices. The three directions are orthonormal; the slice direction is the one in which
 * slice positions increase (it may be opposite to row × column).
 */
public final class VolumeGeometry {

    private static final double ORTHONORMAL_TOLERANCE = 1e-4;

    private final int sizeX;
    private final int sizeY;
    private final int sizeZ;
    private final double spacingXMm;
    private final double spacingYMm;
    private final double spacingZMm;
    private final Vector3 originMm;
    private final Vector3 rowDirection;
    private final Vector3 columnDirection;
    private final Vector3 sliceDirection;

    public VolumeGeometry(int sizeX, int sizeY, int sizeZ, double spacingXMm, double spacingYMm, double spacingZMm,
            Vector3 originMm, Vector3 rowDirection, Vector3 columnDirection, Vector3 sliceDirection) {
        if (sizeX < 1 || sizeY < 1 || sizeZ < 1) {
            throw new IllegalArgumentException("volume size must be positive: " + sizeX + "x" + sizeY + "x" + sizeZ);
        }
        if (!(spacingXMm > 0 && spacingYMm > 0 && spacingZMm > 0)) {
            throw new IllegalArgumentException(
                    "voxel spacing must be positive: " + spacingXMm + ", " + spacingYMm + ", " + spacingZMm + " mm");
        }
        checkOrthonormal(rowDirection, columnDirection, sliceDirection);
        this.sizeX = sizeX;
        this.sizeY = sizeY;
        this.sizeZ = sizeZ;
        this.spacingXMm = spacingXMm;
        this.spacingYMm = spacingYMm;
        this.spacingZMm = spacingZMm;
        this.originMm = originMm;
        this.rowDirection = rowDirection;
        this.columnDirection = columnDirection;
        this.sliceDirection = sliceDirection;
    }

    /** An axis-aligned grid (identity direction cosines), as a head-first-supine axial CT has. */
    public static VolumeGeometry axial(int sizeX, int sizeY, int sizeZ, double spacingXMm, double spacingYMm,
            double spacingZMm, Vector3 originMm) {
        return new VolumeGeometry(sizeX, sizeY, sizeZ, spacingXMm, spacingYMm, spacingZMm, originMm,
                new Vector3(1, 0, 0), new Vector3(0, 1, 0), new Vector3(0, 0, 1));
    }

    private static void checkOrthonormal(Vector3 r, Vector3 c, Vector3 s) {
        for (Vector3 v : new Vector3[] { r, c, s }) {
            if (Math.abs(v.norm() - 1) > ORTHONORMAL_TOLERANCE) {
                throw new IllegalArgumentException("direction cosine is not a unit vector: " + v);
            }
        }
        if (Math.abs(r.dot(c)) > ORTHONORMAL_TOLERANCE || Math.abs(r.dot(s)) > ORTHONORMAL_TOLERANCE
                || Math.abs(c.dot(s)) > ORTHONORMAL_TOLERANCE) {
            throw new IllegalArgumentException("direction cosines are not orthogonal: " + r + ", " + c + ", " + s);
        }
    }

    /** Centre of voxel (i, j, k) in patient LPS mm; fractional indices are allowed. */
    public Vector3 indexToPatient(double i, double j, double k) {
        return originMm.plus(rowDirection.times(i * spacingXMm)).plus(columnDirection.times(j * spacingYMm))
                .plus(sliceDirection.times(k * spacingZMm));
    }

    /** Continuous voxel index (i, j, k) of a point given in patient LPS mm. */
    public Vector3 patientToIndex(Vector3 pointMm) {
        Vector3 d = pointMm.minus(originMm);
        return new Vector3(d.dot(rowDirection) / spacingXMm, d.dot(columnDirection) / spacingYMm,
                d.dot(sliceDirection) / spacingZMm);
    }

    /** Whether the voxel index lies inside the grid. */
    public boolean contains(int i, int j, int k) {
        return i >= 0 && j >= 0 && k >= 0 && i < sizeX && j < sizeY && k < sizeZ;
    }

    /** Linear index of voxel (i, j, k) in x-fastest order. */
    public int linearIndex(int i, int j, int k) {
        return (k * sizeY + j) * sizeX + i;
    }

    /** Number of voxels; fails for grids beyond Java's array limit. */
    public int voxelCount() {
        return Math.toIntExact((long) sizeX * sizeY * sizeZ);
    }

    /** Volume of one voxel in cubic centimetres. */
    public double voxelVolumeCc() {
        return spacingXMm * spacingYMm * spacingZMm / 1000.0;
    }

    /** Whether all three axes are parallel to the patient axes (no oblique orientation). */
    public boolean isAxisAligned() {
        return isAxis(rowDirection) && isAxis(columnDirection) && isAxis(sliceDirection);
    }

    private static boolean isAxis(Vector3 v) {
        double ax = Math.abs(v.x()), ay = Math.abs(v.y()), az = Math.abs(v.z());
        return Math.max(ax, Math.max(ay, az)) > 1 - ORTHONORMAL_TOLERANCE;
    }

    public int sizeX() { return sizeX; }
    public int sizeY() { return sizeY; }
    public int sizeZ() { return sizeZ; }
    public double spacingXMm() { return spacingXMm; }
    public double spacingYMm() { return spacingYMm; }
    public double spacingZMm() { return spacingZMm; }
    /** Centre of voxel (0,0,0) in patient LPS mm. */
    public Vector3 originMm() { return originMm; }
    public Vector3 rowDirection() { return rowDirection; }
    public Vector3 columnDirection() { return columnDirection; }
    public Vector3 sliceDirection() { return sliceDirection; }

    @Override
    public String toString() {
        return sizeX + "x" + sizeY + "x" + sizeZ + " voxels of " + spacingXMm + "x" + spacingYMm + "x" + spacingZMm
                + " mm at " + originMm;
    }
}
