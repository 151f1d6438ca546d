/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration.internal;

import java.util.HashMap;
import java.util.Map;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;

/**
 * The pyramid levels of one image, built when first asked for and kept: block size 1 is the image in place; an even
 * block size {@code f} above 2 averages 2³ blocks of level {@code f/2} (so 4 reads the 1/8-size level 2, not the
 * whole image again); 2 and odd sizes average the image. With a box, the coarse levels cover only that box (LPS mm)
 * grown by a margin; the finest level is always the whole image.
 */
public final class ImagePyramid {

    private final PyramidLevel full;
    private final Vector3 minMm, maxMm;
    private final int marginVoxels;
    private final Map<Integer, PyramidLevel> levels = new HashMap<>();

    private ImagePyramid(PyramidLevel full, Vector3 minMm, Vector3 maxMm, int marginVoxels) {
        this.full = full;
        this.minMm = minMm;
        this.maxMm = maxMm;
        this.marginVoxels = marginVoxels;
        levels.put(1, full);
    }

    /** The whole image; {@code padding} as in {@link PyramidLevel#of}. */
    public static ImagePyramid of(ImageVolume v, int padding) {
        return new ImagePyramid(PyramidLevel.of(v, padding), null, null, 0);
    }

    /** Coarse levels only over the box {@code min..max} (LPS mm) grown by {@code marginVoxels} image voxels. */
    public static ImagePyramid ofBox(ImageVolume v, int padding, Vector3 minMm, Vector3 maxMm, int marginVoxels) {
        return new ImagePyramid(PyramidLevel.of(v, padding), minMm, maxMm, marginVoxels);
    }

    /** The level of block size {@code f} (image voxels per level voxel along each axis). */
    public PyramidLevel level(int f) {
        PyramidLevel l = levels.get(f);
        if (l == null) {
            if (f < 1) {
                throw new IllegalArgumentException("block size " + f);
            }
            if (f % 2 == 0 && f > 2) {
                l = level(f / 2).averaged(2);
            } else {
                l = minMm == null ? full.averaged(f) : full.averaged(f, minMm, maxMm, marginVoxels);
            }
            levels.put(f, l);
        }
        return l;
    }
}
