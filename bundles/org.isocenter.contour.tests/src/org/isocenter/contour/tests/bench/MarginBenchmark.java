/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.tests.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isocenter.contour.Margins;
import org.isocenter.contour.OutputPlanes;
import org.isocenter.contour.StructureMargins;
import org.isocenter.contour.StructureStatistics;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.RoiSlabs;

/**
 * The margin benchmark's Java side (run by {@code scripts/benchmark-margin.sh}): a 5 cm spherical target on a
 * 512x512x150 CT grid (0.977 x 0.977 x 2.5 mm), contoured on every slice it cuts.
 * <ul>
 * <li>{@code mask DIR}: writes the target as a voxel mask (MetaImage, voxel centres inside) for the peers;</li>
 * <li>{@code isocenter MARGIN [RUNS]}: expands the contours by the margin ("10" or "R,L,A,P,I,S" mm) RUNS times
 * (default 1) in this process and prints one JSON line: volume (cc), the first (cold) run's time and the fastest
 * later (warm) run's time (0 with one run).</li>
 * </ul>
 */
public final class MarginBenchmark {

    static final VolumeGeometry GRID = VolumeGeometry.axial(512, 512, 150, 0.977, 0.977, 2.5,
            new Vector3(-249.6, -249.6, -186.25));
    static final Vector3 CENTRE = new Vector3(3.1, -5.2, 1.4);
    static final double RADIUS_MM = 25;

    private MarginBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
        case "mask" -> writeMask(Path.of(args[1]));
        case "isocenter" -> expand(Margins.parse(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1);
        default -> throw new IllegalArgumentException("mask DIR | isocenter MARGIN");
        }
    }

    static Roi target() {
        List<Contour> contours = new ArrayList<>();
        for (int k = 0; k < GRID.sizeZ(); k++) {
            double z = GRID.indexToPatient(0, 0, k).z(), dz = z - CENTRE.z();
            if (Math.abs(dz) < RADIUS_MM) {
                double r = Math.sqrt(RADIUS_MM * RADIUS_MM - dz * dz);
                int n = Math.max(16, (int) Math.ceil(2 * Math.PI * r)); // about 1 mm between points, like a drawn contour
                List<Vector3> pts = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    double a = 2 * Math.PI * i / n;
                    pts.add(new Vector3(CENTRE.x() + r * Math.cos(a), CENTRE.y() + r * Math.sin(a), z));
                }
                contours.add(new Contour(ContourGeometry.CLOSED_PLANAR, pts));
            }
        }
        return new Roi(1, "GTV", new int[] { 255, 0, 0 }, "GTV", contours);
    }

    private static void expand(Margins margins, int runs) {
        RoiSlabs source = new RoiSlabs(target(), GRID.spacingZMm());
        OutputPlanes planes = OutputPlanes.onImage(GRID);
        long t0 = System.nanoTime();
        List<Contour> cold = StructureMargins.apply(source, margins, planes, ProgressMonitor.NONE);
        long coldNs = System.nanoTime() - t0;
        long warmNs = runs > 1 ? Long.MAX_VALUE : 0;
        for (int i = 1; i < runs; i++) {
            long t = System.nanoTime();
            StructureMargins.apply(source, margins, planes, ProgressMonitor.NONE);
            warmNs = Math.min(warmNs, System.nanoTime() - t);
        }
        double cc = StructureStatistics.of(new RoiSlabs(new Roi(2, "PTV", new int[3], "PTV", cold), GRID.spacingZMm()))
                .volumeCc();
        double sourceCc = StructureStatistics.of(source).volumeCc();
        System.out.println(String.format(Locale.ROOT,
                "{\"margin\":\"%s\",\"sourceCc\":%.4f,\"volumeCc\":%.4f,\"coldMs\":%.1f,\"warmMs\":%.1f,\"contours\":%d}",
                margins, sourceCc, cc, coldNs / 1e6, warmNs / 1e6, cold.size()));
    }

    /** The target as an unsigned-char MetaImage mask (1 inside), voxel centres tested against the sphere. */
    private static void writeMask(Path dir) throws IOException {
        Files.createDirectories(dir);
        int nx = GRID.sizeX(), ny = GRID.sizeY(), nz = GRID.sizeZ();
        ByteBuffer raw = ByteBuffer.allocate(nx * ny * nz);
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    raw.put((byte) (GRID.indexToPatient(i, j, k).distanceTo(CENTRE) <= RADIUS_MM ? 1 : 0));
                }
            }
        }
        Files.write(dir.resolve("target.raw"), raw.array());
        Vector3 o = GRID.originMm();
        Files.writeString(dir.resolve("target.mhd"), String.format(Locale.ROOT,
                "ObjectType = Image\nNDims = 3\nDimSize = %d %d %d\nElementSpacing = %s %s %s\nOffset = %s %s %s\n"
                        + "TransformMatrix = 1 0 0 0 1 0 0 0 1\nElementType = MET_UCHAR\nElementDataFile = target.raw\n",
                nx, ny, nz, GRID.spacingXMm(), GRID.spacingYMm(), GRID.spacingZMm(), o.x(), o.y(), o.z()));
    }
}
