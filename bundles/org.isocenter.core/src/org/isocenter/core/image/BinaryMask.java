/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.image;

import java.util.BitSet;
import java.util.Objects;
import java.util.function.Predicate;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;

/**
 * A binary voxel mask on a {@link VolumeGeometry} (patient LPS mm), e.g. a structure rasterized on its image or
 * a target on one phase of a 4D-CT. Voxel (i, j, k) is set when its centre lies inside. Volumes in cc,
 * centroids in mm.
 */
public final class BinaryMask {

    private final VolumeGeometry geometry;
    private final BitSet bits;

    public BinaryMask(VolumeGeometry geometry) {
        this(geometry, new BitSet(geometry.voxelCount()));
    }

    private BinaryMask(VolumeGeometry geometry, BitSet bits) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.bits = bits;
    }

    /** The voxels whose centre satisfies {@code inside} (a point in patient mm). */
    public static BinaryMask of(VolumeGeometry geometry, Predicate<Vector3> inside) {
        BinaryMask m = new BinaryMask(geometry);
        for (int k = 0; k < geometry.sizeZ(); k++) {
            for (int j = 0; j < geometry.sizeY(); j++) {
                for (int i = 0; i < geometry.sizeX(); i++) {
                    if (inside.test(geometry.indexToPatient(i, j, k))) {
                        m.bits.set(geometry.linearIndex(i, j, k));
                    }
                }
            }
        }
        return m;
    }

    public VolumeGeometry geometry() {
        return geometry;
    }

    public boolean get(int i, int j, int k) {
        return bits.get(geometry.linearIndex(i, j, k));
    }

    public void set(int i, int j, int k, boolean value) {
        bits.set(geometry.linearIndex(i, j, k), value);
    }

    public int voxelCount() {
        return bits.cardinality();
    }

    public double volumeCc() {
        return voxelCount() * geometry.voxelVolumeCc();
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** Mean position of the set voxels' centres (mm); fails on an empty mask. */
    public Vector3 centroidMm() {
        if (bits.isEmpty()) {
            throw new IllegalStateException("an empty mask has no centroid");
        }
        double si = 0, sj = 0, sk = 0;
        int nx = geometry.sizeX(), nxy = nx * geometry.sizeY();
        for (int v = bits.nextSetBit(0); v >= 0; v = bits.nextSetBit(v + 1)) {
            si += v % nx;
            sj += (v % nxy) / nx;
            sk += v / nxy;
        }
        int n = bits.cardinality();
        return geometry.indexToPatient(si / n, sj / n, sk / n);
    }

    /** Whether every voxel set here is set in {@code other} too (same geometry). */
    public boolean isSubsetOf(BinaryMask other) {
        requireSameGeometry(other);
        BitSet b = (BitSet) bits.clone();
        b.andNot(other.bits);
        return b.isEmpty();
    }

    /** The union with another mask on the same geometry. */
    public BinaryMask union(BinaryMask other) {
        requireSameGeometry(other);
        BitSet b = (BitSet) bits.clone();
        b.or(other.bits);
        return new BinaryMask(geometry, b);
    }

    private void requireSameGeometry(BinaryMask other) {
        VolumeGeometry g = other.geometry;
        if (g.sizeX() != geometry.sizeX() || g.sizeY() != geometry.sizeY() || g.sizeZ() != geometry.sizeZ()
                || !g.originMm().equals(geometry.originMm()) || g.spacingXMm() != geometry.spacingXMm()
                || g.spacingYMm() != geometry.spacingYMm() || g.spacingZMm() != geometry.spacingZMm()
                || !g.rowDirection().equals(geometry.rowDirection()) || !g.columnDirection().equals(geometry.columnDirection())) {
            throw new IllegalArgumentException("masks are on different grids: " + geometry + " vs " + g);
        }
    }
}
