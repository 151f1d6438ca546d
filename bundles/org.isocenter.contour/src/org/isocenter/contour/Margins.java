/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour;

/**
 * A structure margin in mm per patient direction, as a dosimetrist types it: how far the surface moves toward the
 * patient's right, left, anterior, posterior, inferior and superior side (DICOM LPS: left = +x, posterior = +y,
 * superior = +z). Positive values expand, negative values contract; a margin that expands in some directions and
 * contracts in others is applied as an expansion by the positive parts followed by a contraction by the negative
 * parts ({@link StructureMargins}). The shape swept is the ellipsoid (one octant per sign combination) with these
 * semi-axes, so a 10 mm isotropic margin is a ball of radius 10 mm.
 */
public record Margins(double rightMm, double leftMm, double anteriorMm, double posteriorMm, double inferiorMm,
        double superiorMm) {

    /** The largest margin accepted in any direction (mm); larger values are typing errors in practice. */
    public static final double LIMIT_MM = 50;

    public Margins {
        double[] all = { rightMm, leftMm, anteriorMm, posteriorMm, inferiorMm, superiorMm };
        String[] names = { "right", "left", "anterior", "posterior", "inferior", "superior" };
        for (int a = 0; a < all.length; a++) {
            if (!Double.isFinite(all[a]) || Math.abs(all[a]) > LIMIT_MM) {
                throw new IllegalArgumentException(
                        "the " + names[a] + " margin must be a number within ±" + LIMIT_MM + " mm, not " + all[a]);
            }
        }
    }

    /** The same margin in every direction (mm). */
    public static Margins isotropic(double mm) {
        return new Margins(mm, mm, mm, mm, mm, mm);
    }

    /** Values in the order right, left, anterior, posterior, inferior, superior (mm). */
    public double[] toArray() {
        return new double[] { rightMm, leftMm, anteriorMm, posteriorMm, inferiorMm, superiorMm };
    }

    /** Parses "10" (isotropic) or six comma-separated values "R,L,A,P,I,S" in mm. */
    public static Margins parse(String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        try {
            if (parts.length == 1) {
                return isotropic(Double.parseDouble(parts[0]));
            }
            if (parts.length == 6) {
                double[] v = new double[6];
                for (int i = 0; i < 6; i++) {
                    v[i] = Double.parseDouble(parts[i]);
                }
                return new Margins(v[0], v[1], v[2], v[3], v[4], v[5]);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("margin is not a number: " + text);
        }
        throw new IllegalArgumentException(
                "margin must be one value (isotropic) or six: right,left,anterior,posterior,inferior,superior mm: " + text);
    }

    /** Whether every direction is zero (the structure stays as it is). */
    public boolean isZero() {
        for (double v : toArray()) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** The expanding part: negative values replaced by 0. */
    public Margins expansionPart() {
        return new Margins(Math.max(0, rightMm), Math.max(0, leftMm), Math.max(0, anteriorMm), Math.max(0, posteriorMm),
                Math.max(0, inferiorMm), Math.max(0, superiorMm));
    }

    /** The contracting part as positive distances: positive values replaced by 0, negatives by their size. */
    public Margins contractionPart() {
        return new Margins(Math.max(0, -rightMm), Math.max(0, -leftMm), Math.max(0, -anteriorMm),
                Math.max(0, -posteriorMm), Math.max(0, -inferiorMm), Math.max(0, -superiorMm));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "R %.1f L %.1f A %.1f P %.1f I %.1f S %.1f mm", rightMm, leftMm,
                anteriorMm, posteriorMm, inferiorMm, superiorMm);
    }
}
