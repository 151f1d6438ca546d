/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.RtImage;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.progress.CancelledException;
import org.isocenter.core.progress.ProgressMonitor;

/**
 * Digitally reconstructed radiographs: rays from the source to every receptor pixel centre ({@link DrrGeometry},
 * patient LPS mm) marched through the CT in steps of at most half the smallest voxel spacing, CT numbers (HU)
 * trilinearly interpolated and turned into linear attenuation ({@link DrrSettings}), the line integral stored per
 * pixel. The receptor is centred on the central axis (RT Image Position of the upper-left pixel centre is
 * {@code (-(columns-1)/2, +(rows-1)/2)} × spacing); rows run along -Y of the receptor, columns along +X, as DICOM
 * RT Image stores them. Rows are computed in parallel; cancellable between rows.
 */
public final class DrrRenderer {

    /** The RT Image of a plan's beam: its first control point's geometry, labelled and referenced to the plan. */
    public RtImage render(ImageVolume ct, Beam beam, PatientPosition position, DrrSettings settings, String planSopInstanceUid,
            ProgressMonitor monitor) {
        DrrGeometry g = DrrGeometry.of(beam, position, settings.sourceToImageDistanceMm());
        int[] pixels = integrate(ct, g, settings, monitor);
        String label = ("DRR " + (beam.name().isEmpty() ? "beam " + beam.number() : beam.name()));
        label = label.length() > 16 ? label.substring(0, 16) : label; // RT Image Label is SH
        return new RtImage(ct.patient(), ct.frameOfReferenceUid(), label,
                "DRR of beam " + beam.number() + " '" + beam.name() + "' from CT " + ct.info().seriesInstanceUid(), "WSD",
                settings.rows(), settings.columns(), pixels, new double[] { settings.pixelSpacingMm(), settings.pixelSpacingMm() },
                upperLeftMm(settings), g.sourceToImageDistanceMm(), g.sourceAxisDistanceMm(), g.gantryDeg(), g.collimatorDeg(),
                g.couchDeg(), g.isocenterMm(), position, planSopInstanceUid, beam.number());
    }

    /** RT Image Position (receptor mm, x then y) of the upper-left pixel centre of a receptor centred on the axis. */
    public static double[] upperLeftMm(DrrSettings s) {
        return new double[] { -(s.columns() - 1) * s.pixelSpacingMm() / 2, (s.rows() - 1) * s.pixelSpacingMm() / 2 };
    }

    /**
     * The DRR pixels (row by row) for a geometry: {@link DrrSettings#PIXEL_SCALE} × ∫ mu dl along each ray, rounded,
     * clipped to 0..65535.
     */
    public int[] integrate(ImageVolume ct, DrrGeometry g, DrrSettings s, ProgressMonitor monitor) {
        Objects.requireNonNull(ct, "ct");
        if (!"HU".equalsIgnoreCase(ct.unit())) {
            throw new IllegalArgumentException("a DRR needs a CT in HU, not '" + ct.unit() + "'");
        }
        VolumeGeometry vg = ct.geometry();
        double stepMm = s.stepFraction() * Math.min(vg.spacingXMm(), Math.min(vg.spacingYMm(), vg.spacingZMm()));
        double[] ul = upperLeftMm(s);
        Vector3 src = vg.patientToIndex(g.sourceMm());
        int rows = s.rows(), cols = s.columns();
        int[] out = new int[rows * cols];
        Sampler sampler = new Sampler(ct, s.waterAttenuationPerMm());
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        monitor.begin("DRR gantry " + fmt(g.gantryDeg()) + " deg", rows);
        IntStream.range(0, rows).parallel().forEach(r -> {
            if (cancelled.get() || monitor.isCancelled()) {
                cancelled.set(true);
                return;
            }
            double y = ul[1] - r * s.pixelSpacingMm();
            for (int c = 0; c < cols; c++) {
                double x = ul[0] + c * s.pixelSpacingMm();
                Vector3 q = g.receptorPointMm(x, y);
                double lengthMm = q.minus(g.sourceMm()).norm();
                double integral = sampler.lineIntegral(src, vg.patientToIndex(q), lengthMm, stepMm);
                out[r * cols + c] = (int) Math.max(0, Math.min(65535, Math.round(DrrSettings.PIXEL_SCALE * integral)));
            }
            int n = done.incrementAndGet();
            if (n % 32 == 0) {
                monitor.worked(32);
            }
        });
        if (cancelled.get()) {
            throw new CancelledException();
        }
        return out;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /**
     * Trilinear attenuation samples along a segment given in continuous voxel indexes. The CT is copied once into a
     * grid padded by one voxel on every side (border values repeated) holding HU clipped below at -1000, so mu is
     * linear in the interpolated value and a sample needs no bounds checks: the line integral is
     * {@code muWater * sum(1 + HU / 1000) * step}.
     */
    private static final class Sampler {
        private final short[] v;
        private final int nx, ny, nz, px, pxy;
        private final double muWater;

        Sampler(ImageVolume ct, double muWater) {
            VolumeGeometry g = ct.geometry();
            this.nx = g.sizeX();
            this.ny = g.sizeY();
            this.nz = g.sizeZ();
            this.px = nx + 2;
            this.pxy = px * (ny + 2);
            this.muWater = muWater;
            short[] src = ct.storedValues();
            double slope = ct.rescaleSlope(), intercept = ct.rescaleIntercept();
            short[] padded = new short[pxy * (nz + 2)];
            IntStream.range(0, nz + 2).parallel().forEach(pk -> {
                int k = Math.max(0, Math.min(nz - 1, pk - 1));
                for (int pj = 0; pj < ny + 2; pj++) {
                    int j = Math.max(0, Math.min(ny - 1, pj - 1));
                    int row = (k * ny + j) * nx, prow = pk * pxy + pj * px;
                    for (int pi = 0; pi < px; pi++) {
                        int i = Math.max(0, Math.min(nx - 1, pi - 1));
                        double hu = src[row + i] * slope + intercept;
                        padded[prow + pi] = (short) Math.max(-1000, Math.min(Short.MAX_VALUE, Math.round(hu)));
                    }
                }
            });
            this.v = padded;
        }

        /**
         * ∫ mu dl from {@code a} to {@code b} (voxel indexes; {@code lengthMm} is the segment's length in mm),
         * midpoint samples at most {@code stepMm} apart over the part inside the volume (voxel centres ± half a
         * voxel; values at the border extend outwards).
         */
        double lineIntegral(Vector3 a, Vector3 b, double lengthMm, double stepMm) {
            double[] t = { 0, 1 };
            if (!clip(a.x(), b.x(), nx, t) || !clip(a.y(), b.y(), ny, t) || !clip(a.z(), b.z(), nz, t)) {
                return 0;
            }
            double spanMm = (t[1] - t[0]) * lengthMm;
            int n = (int) Math.ceil(spanMm / stepMm);
            if (n <= 0) {
                return 0;
            }
            double dt = (t[1] - t[0]) / n;
            double dx = (b.x() - a.x()) * dt, dy = (b.y() - a.y()) * dt, dz = (b.z() - a.z()) * dt;
            double t0 = t[0] + 0.5 * dt;
            // padded index = index + 1; inside the clip it stays within [0.5, size + 0.5]
            double x = a.x() + t0 * (b.x() - a.x()) + 1, y = a.y() + t0 * (b.y() - a.y()) + 1,
                    z = a.z() + t0 * (b.z() - a.z()) + 1;
            double sumHu = 0;
            for (int k = 0; k < n; k++) {
                sumHu += sample(x, y, z);
                x += dx;
                y += dy;
                z += dz;
            }
            return muWater * (n + sumHu / 1000) * dt * lengthMm;
        }

        /** Narrows [t0, t1] to where a + t (b - a) lies within [-0.5, size - 0.5]; false when empty. */
        private static boolean clip(double a, double b, int size, double[] t) {
            double lo = -0.5, hi = size - 0.5, d = b - a;
            if (Math.abs(d) < 1e-12) {
                return a >= lo && a <= hi && t[0] < t[1];
            }
            double t0 = (lo - a) / d, t1 = (hi - a) / d;
            if (t0 > t1) {
                double s = t0;
                t0 = t1;
                t1 = s;
            }
            t[0] = Math.max(t[0], t0);
            t[1] = Math.min(t[1], t1);
            return t[0] < t[1];
        }

        /** Trilinear interpolation of the padded HU grid at padded index (x, y, z), all within [0, size + 1]. */
        private double sample(double x, double y, double z) {
            int i = Math.min((int) x, px - 2), j = Math.min((int) y, ny), k = Math.min((int) z, nz);
            double fx = x - i, fy = y - j, fz = z - k;
            int o = k * pxy + j * px + i;
            int o1 = o + px, o2 = o + pxy, o3 = o2 + px;
            double c00 = v[o] + fx * (v[o + 1] - v[o]);
            double c01 = v[o1] + fx * (v[o1 + 1] - v[o1]);
            double c10 = v[o2] + fx * (v[o2 + 1] - v[o2]);
            double c11 = v[o3] + fx * (v[o3 + 1] - v[o3]);
            double c0 = c00 + fy * (c01 - c00), c1 = c10 + fy * (c11 - c10);
            return c0 + fz * (c1 - c0);
        }
    }
}
