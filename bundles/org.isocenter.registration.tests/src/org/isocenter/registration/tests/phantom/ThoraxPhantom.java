/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration.tests.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;

/**
 * An analytic thorax for registration tests in the AAPM TG-132 style: body, lungs, heart, vertebrae (discrete
 * vertebral bodies and spinous processes, so the spine fixes the superior–inferior position), sternum, scapulae,
 * and a soft-tissue tumour in the right lung. Edges are partial-volume (a linear ramp of {@link #EDGE_MM} across
 * the surface), so images on different grids sample the same continuous object. A daily image is the same object
 * moved by a known rigid transform (planning → daily, LPS mm), with the tumour optionally displaced further
 * relative to the bones, seen through CBCT-like imperfections.
 */
public final class ThoraxPhantom {

    public static final PatientIdentity PATIENT = new PatientIdentity("REG-PHANTOM-1", "PHANTOM^THORAX", "19600101", "F");
    public static final String PLANNING_FRAME = "2.25.1001";
    /** Width of the partial-volume ramp across every surface (mm): the imaging system's blur. */
    public static final double EDGE_MM = 1.5;
    /** The tumour: a sphere of {@link #TUMOUR_RADIUS_MM} in the right lung (planning LPS mm). */
    public static final Vector3 TUMOUR_CENTRE = new Vector3(-70, 0, 30);
    public static final double TUMOUR_RADIUS_MM = 14;

    /** CBCT-like imperfections of a daily image (HU, mm). */
    public record Imaging(double gain, double offsetHu, double noiseSdHu, double cuppingHu, double gradientHuPerMm,
            double fovRadiusMm) {
        /** A planning-quality image: no noise, no shading, unlimited field of view. */
        public static final Imaging IDEAL = new Imaging(1, 0, 0, 0, 0, Double.POSITIVE_INFINITY);
        /** A typical CBCT: 8% lower gain, offset, noise, cupping, a lateral shading gradient, 260 mm field of view. */
        public static final Imaging CBCT = new Imaging(0.92, -25, 20, 50, 0.15, 130);
    }

    private interface Shape {
        /** Approximate signed distance to the surface (mm): negative inside; accurate near the surface. */
        double distance(double x, double y, double z);
    }

    private record Ellipsoid(double cx, double cy, double cz, double a, double b, double c) implements Shape {
        public double distance(double x, double y, double z) {
            double u = (x - cx) / a, v = (y - cy) / b, w = (z - cz) / c;
            double f = Math.sqrt(u * u + v * v + w * w);
            if (f < 1e-9) {
                return -Math.min(a, Math.min(b, c));
            }
            double gx = u / a, gy = v / b, gz = w / c; // gradient of f times f
            return (f - 1) * f / Math.sqrt(gx * gx + gy * gy + gz * gz);
        }
    }

    private record Cylinder(double cx, double cy, double a, double b, double zMin, double zMax) implements Shape {
        public double distance(double x, double y, double z) {
            double u = (x - cx) / a, v = (y - cy) / b;
            double f = Math.sqrt(u * u + v * v);
            double radial = f < 1e-9 ? -Math.min(a, b) : (f - 1) * f / Math.sqrt(u * u / (a * a) + v * v / (b * b));
            double axial = Math.max(zMin - z, z - zMax);
            return Math.max(radial, axial);
        }
    }

    private record Part(Shape shape, double hu, boolean tumour) {
    }

    private static final List<Part> PARTS = parts();

    private static List<Part> parts() {
        List<Part> p = new ArrayList<>();
        p.add(new Part(new Cylinder(0, 0, 165, 115, -200, 200), 10, false)); // body, soft tissue
        p.add(new Part(new Cylinder(0, 0, 160, 110, -200, 200), -90, false)); // fat layer inside the skin
        p.add(new Part(new Cylinder(0, 0, 150, 100, -200, 200), 35, false)); // muscle
        p.add(new Part(new Ellipsoid(-72, 5, 25, 55, 70, 120), -820, false)); // right lung
        p.add(new Part(new Ellipsoid(75, 5, 25, 52, 68, 115), -820, false)); // left lung
        p.add(new Part(new Ellipsoid(18, -25, -25, 48, 42, 50), 45, false)); // heart
        p.add(new Part(new Cylinder(25, 10, 12, 12, -200, 200), 40, false)); // aorta
        for (int v = -6; v <= 6; v++) { // vertebral bodies every 28 mm with discs between, spinous processes
            double z = v * 28;
            p.add(new Part(new Ellipsoid(0, 70, z, 22, 18, 11.5), 650, false));
            p.add(new Part(new Ellipsoid(0, 112, z + 4, 6, 14, 9), 600, false));
            p.add(new Part(new Ellipsoid(-28, 95, z + 2, 9, 8, 9), 550, false)); // transverse processes
            p.add(new Part(new Ellipsoid(28, 95, z + 2, 9, 8, 9), 550, false));
        }
        p.add(new Part(new Cylinder(0, 92, 7, 7, -200, 200), 30, false)); // spinal canal
        p.add(new Part(new Ellipsoid(0, -100, 10, 16, 7, 85), 500, false)); // sternum
        p.add(new Part(new Ellipsoid(-125, 75, 50, 12, 40, 65), 600, false)); // scapulae
        p.add(new Part(new Ellipsoid(125, 75, 50, 12, 40, 65), 600, false));
        p.add(new Part(new Ellipsoid(TUMOUR_CENTRE.x(), TUMOUR_CENTRE.y(), TUMOUR_CENTRE.z(), TUMOUR_RADIUS_MM,
                TUMOUR_RADIUS_MM, TUMOUR_RADIUS_MM), 40, true));
        return List.copyOf(p);
    }

    private ThoraxPhantom() {
    }

    /** HU at a planning point, the tumour evaluated at {@code tumourPoint} (the same point unless it moved). */
    static double huAt(Vector3 body, Vector3 tumourPoint) {
        double hu = -1000;
        for (Part part : PARTS) {
            Vector3 p = part.tumour() ? tumourPoint : body;
            double d = part.shape().distance(p.x(), p.y(), p.z());
            if (d >= EDGE_MM / 2) {
                continue;
            }
            double cover = d <= -EDGE_MM / 2 ? 1 : 0.5 - d / EDGE_MM;
            hu += cover * (part.hu() - hu);
        }
        return hu;
    }

    /** The planning CT on {@code grid} (planning frame, LPS mm), HU. */
    public static ImageVolume planningCt(VolumeGeometry grid) {
        return image(grid, null, Vector3.ZERO, Imaging.IDEAL, 0, PLANNING_FRAME, "Planning CT (thorax phantom)");
    }

    /**
     * A daily image on {@code grid} (its own frame {@code planningToDaily.toFrameUid()}): the patient moved by
     * {@code planningToDaily}, the tumour further displaced by {@code tumourShiftMm} (daily frame) relative to the
     * bones, seen through {@code imaging}; noise seeded by {@code seed}. Outside the field of view the voxels are
     * padding (-1000 exactly).
     */
    public static ImageVolume daily(VolumeGeometry grid, RigidTransform planningToDaily, Vector3 tumourShiftMm,
            Imaging imaging, long seed) {
        return image(grid, planningToDaily, tumourShiftMm, imaging, seed, planningToDaily.toFrameUid(), "Daily CBCT (thorax phantom)");
    }

    /** Where the tumour centre is in the daily image (LPS mm). */
    public static Vector3 tumourInDaily(RigidTransform planningToDaily, Vector3 tumourShiftMm) {
        return planningToDaily.apply(TUMOUR_CENTRE).plus(tumourShiftMm);
    }

    private static ImageVolume image(VolumeGeometry g, RigidTransform planningToDaily, Vector3 tumourShift, Imaging im,
            long seed, String frame, String description) {
        RigidTransform back = planningToDaily == null ? null : planningToDaily.inverse();
        short[] voxels = new short[g.voxelCount()];
        Vector3 axis = g.indexToPatient((g.sizeX() - 1) / 2.0, (g.sizeY() - 1) / 2.0, 0);
        IntStream.range(0, g.sizeZ()).parallel().forEach(k -> {
            SplittableRandom noise = new SplittableRandom(seed * 1_000_003L + k);
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    Vector3 q = g.indexToPatient(i, j, k);
                    double r = Math.hypot(q.x() - axis.x(), q.y() - axis.y());
                    double value;
                    if (r > im.fovRadiusMm()) {
                        value = -1000;
                    } else {
                        Vector3 body = back == null ? q : back.apply(q);
                        Vector3 tumour = back == null ? q : back.apply(q.minus(tumourShift));
                        double hu = huAt(body, tumour);
                        double rel = Double.isInfinite(im.fovRadiusMm()) ? 0 : r / im.fovRadiusMm();
                        double shading = hu > -500 ? -im.cuppingHu() * (1 - rel * rel) + im.gradientHuPerMm() * (q.x() - axis.x()) : 0;
                        value = im.gain() * hu + im.offsetHu() + shading
                                + (im.noiseSdHu() > 0 ? im.noiseSdHu() * gaussian(noise) : 0);
                        value = Math.max(-999, value); // keep -1000 for the padding
                    }
                    voxels[g.linearIndex(i, j, k)] = (short) Math.max(-1024, Math.min(3071, Math.round(value)));
                }
            }
        });
        ImageVolumeInfo info = new ImageVolumeInfo(PATIENT, "2.25.1002." + Math.abs(frame.hashCode()),
                "2.25.1003." + Math.abs((frame + description).hashCode()), frame, "CT", PatientPosition.HFS, "20261121",
                description);
        return new ImageVolume(g, voxels, 1, 0, "HU", info);
    }

    private static double gaussian(SplittableRandom r) {
        // Box–Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
