/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.geometry;

/**
 * An immutable point or direction in three dimensions. Inside Isocenter a {@code Vector3} is in DICOM
 * patient coordinates (LPS: +x to the patient's left, +y posterior, +z superior) in millimetres unless
 * the using API says otherwise.
 */
public record Vector3(double x, double y, double z) {

    public static final Vector3 ZERO = new Vector3(0, 0, 0);

    public Vector3 plus(Vector3 o) {
        return new Vector3(x + o.x, y + o.y, z + o.z);
    }

    public Vector3 minus(Vector3 o) {
        return new Vector3(x - o.x, y - o.y, z - o.z);
    }

    public Vector3 times(double s) {
        return new Vector3(x * s, y * s, z * s);
    }

    public double dot(Vector3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vector3 cross(Vector3 o) {
        return new Vector3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    public double distanceTo(Vector3 o) {
        return minus(o).norm();
    }

    public Vector3 normalized() {
        double n = norm();
        if (n == 0) {
            throw new ArithmeticException("cannot normalize a zero vector");
        }
        return times(1.0 / n);
    }

    public double[] toArray() {
        return new double[] { x, y, z };
    }
}
