/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

import org.isocenter.core.geometry.Vector3;

/**
 * The three orthogonal planes of a multi-planar reconstruction, laid in the patient coordinate system (LPS),
 * whatever the orientation of the image's voxel grid. Images are in radiological display convention: axial
 * seen from the feet (patient right on the image left, anterior up), coronal seen from the front (patient
 * right on the left, superior up), sagittal seen from the patient's left (anterior on the left, superior up).
 * {@link #right()} and {@link #down()} are the unit LPS directions of the image's x (to the right) and y
 * (downwards) axes; {@link #normal()} points along increasing slice position.
 */
public enum SlicePlane {
    AXIAL(new Vector3(1, 0, 0), new Vector3(0, 1, 0), new Vector3(0, 0, 1)),
    CORONAL(new Vector3(1, 0, 0), new Vector3(0, 0, -1), new Vector3(0, 1, 0)),
    SAGITTAL(new Vector3(0, 1, 0), new Vector3(0, 0, -1), new Vector3(1, 0, 0));

    private final Vector3 right;
    private final Vector3 down;
    private final Vector3 normal;

    SlicePlane(Vector3 right, Vector3 down, Vector3 normal) {
        this.right = right;
        this.down = down;
        this.normal = normal;
    }

    /** LPS unit direction of increasing image x (to the right on screen). */
    public Vector3 right() {
        return right;
    }

    /** LPS unit direction of increasing image y (downwards on screen). */
    public Vector3 down() {
        return down;
    }

    /** LPS unit direction in which the slice position increases (+z superior, +y posterior, +x left). */
    public Vector3 normal() {
        return normal;
    }

    /** The slice position (mm along {@link #normal()}) of a patient point. */
    public double positionOf(Vector3 pointMm) {
        return pointMm.dot(normal);
    }

    /** Display name: "Axial", "Coronal", "Sagittal". */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
