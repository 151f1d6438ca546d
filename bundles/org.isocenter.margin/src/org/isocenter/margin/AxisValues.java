/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.util.function.DoubleUnaryOperator;

/** One value per axis (LR, AP, SI), in mm unless a method says otherwise: an error SD, a margin, a shift. */
public record AxisValues(double lr, double ap, double si) {

    public static final AxisValues ZERO = new AxisValues(0, 0, 0);

    public AxisValues {
        if (!Double.isFinite(lr) || !Double.isFinite(ap) || !Double.isFinite(si)) {
            throw new IllegalArgumentException("values must be finite: " + lr + ", " + ap + ", " + si);
        }
    }

    public static AxisValues of(double all) {
        return new AxisValues(all, all, all);
    }

    public double get(Axis axis) {
        return switch (axis) {
            case LR -> lr;
            case AP -> ap;
            case SI -> si;
        };
    }

    public AxisValues map(DoubleUnaryOperator f) {
        return new AxisValues(f.applyAsDouble(lr), f.applyAsDouble(ap), f.applyAsDouble(si));
    }

    public AxisValues plus(AxisValues o) {
        return new AxisValues(lr + o.lr, ap + o.ap, si + o.si);
    }

    public AxisValues minus(AxisValues o) {
        return new AxisValues(lr - o.lr, ap - o.ap, si - o.si);
    }

    public AxisValues times(double f) {
        return new AxisValues(lr * f, ap * f, si * f);
    }

    /** Quadrature (root-sum-square) per axis, how independent standard deviations add. */
    public static AxisValues quadrature(Iterable<AxisValues> values) {
        double l = 0, a = 0, s = 0;
        for (AxisValues v : values) {
            l += v.lr * v.lr;
            a += v.ap * v.ap;
            s += v.si * v.si;
        }
        return new AxisValues(Math.sqrt(l), Math.sqrt(a), Math.sqrt(s));
    }

    /** Length of the vector (mm), e.g. of a 3D shift. */
    public double length() {
        return Math.sqrt(lr * lr + ap * ap + si * si);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "LR %.2f / AP %.2f / SI %.2f mm", lr, ap, si);
    }
}
