/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.io.DicomUids;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.ImageSeriesWriter;
import org.isocenter.dicom.io.SeriesAttributes;

/**
 * Timed harness for {@code scripts/benchmark-dicom-read.sh} (not a unit test): writes a synthetic 512×512×N CT
 * series, and reads a series repeatedly in one JVM, printing one JSON line with the per-run wall times (ms) and
 * the heap retained by the decoded volume. Run on a plain class path (core, dicom, this bundle, PixelMed).
 */
public final class SeriesReadBenchmark {

    private SeriesReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "write" -> write(Path.of(args[1]), Integer.parseInt(args[2]));
            case "read" -> read(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("usage: write <dir> <slices> | read <dir> <runs>");
        }
    }

    /** A body-like ellipse of soft tissue with noise and a bone ring, 0.9 mm pixels, 2 mm slices. */
    static void write(Path dir, int slices) throws Exception {
        VolumeGeometry g = VolumeGeometry.axial(512, 512, slices, 0.9, 0.9, 2.0, new Vector3(-230, -230, -slices));
        short[] v = new short[g.voxelCount()];
        Random r = new Random(42);
        for (int k = 0; k < slices; k++) {
            for (int j = 0; j < 512; j++) {
                for (int i = 0; i < 512; i++) {
                    double x = (i - 255.5) / 230.0, y = (j - 255.5) / 160.0;
                    double rr = x * x + y * y;
                    double hu = rr < 1 ? 40 + 20 * r.nextGaussian() : -1000 + 5 * r.nextGaussian();
                    if (rr > 0.55 && rr < 0.62) {
                        hu = 900 + 50 * r.nextGaussian();
                    }
                    v[g.linearIndex(i, j, k)] = (short) Math.round(hu + 1024); // stored with intercept -1024
                }
            }
        }
        PatientIdentity p = new PatientIdentity("BENCH-1", "Benchmark^Series", "", "");
        ImageVolumeInfo info = new ImageVolumeInfo(p, DicomUids.random(), DicomUids.random(), DicomUids.random(), "CT",
                PatientPosition.HFS, "20261121", "benchmark " + slices);
        new ImageSeriesWriter().writeCt(new ImageVolume(g, v, 1, -1024, "HU", info),
                new SeriesAttributes("20261121", "120000", "1", "bench", 1, "Isocenter"), dir, ProgressMonitor.NONE);
    }

    static void read(Path dir, int runs) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = new ArrayList<>(s.filter(f -> f.toString().endsWith(".dcm")).toList());
        }
        java.util.Collections.shuffle(files, new Random(1)); // file order must not matter
        long[] ms = new long[runs];
        ImageVolume v = null;
        for (int i = 0; i < runs; i++) {
            v = null;
            long t0 = System.nanoTime();
            v = new ImageSeriesReader().read(files, ProgressMonitor.NONE);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long retained = rt.totalMemory() - rt.freeMemory();
        long raw = 2L * v.geometry().voxelCount();
        System.out.printf("{\"files\": %d, \"shape\": [%d, %d, %d], \"runsMs\": %s, \"rawVoxelBytes\": %d, "
                + "\"heapRetainedBytes\": %d, \"maxHeapBytes\": %d}%n", files.size(), v.geometry().sizeX(),
                v.geometry().sizeY(), v.geometry().sizeZ(), Arrays.toString(ms), raw, retained, rt.maxMemory());
    }
}
