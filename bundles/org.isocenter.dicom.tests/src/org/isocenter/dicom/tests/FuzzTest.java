/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.RtDoseReader;
import org.isocenter.dicom.io.RtImageReader;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.dicom.io.SpatialRegistrationReader;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 3000 deterministic corruptions (seeded) of valid files of every kind Isocenter reads — truncations, flipped
 * bytes, length fields overwritten with extreme values, deleted and duplicated chunks. Every read must end
 * within 10 s either with a result or with a {@link DicomReadException} naming the file; nothing else may
 * escape, and the folder scan over all of them must finish and account for every file.
 */
class FuzzTest {

    static final long SEED = 20261121L;
    static final int MUTANTS = 3000;

    @TempDir
    Path tmp;

    interface Reader {
        Object read(Path file) throws DicomReadException;
    }

    private Map<Path, Reader> seeds() throws Exception {
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        Map<Path, Reader> m = new LinkedHashMap<>();
        Reader image = f -> new ImageSeriesReader().read(List.of(f), ProgressMonitor.NONE);
        m.put(TransferSyntaxTest.CT, image);
        m.put(TransferSyntaxTest.PYDICOM_SAMPLES.resolve("MR_small_RLE.dcm"), image);
        Path jpeg = seeds.resolve("ct_jpeg_lossless.dcm");
        assertEquals(0, ExternalTools.run(List.of("dcmcjpeg", "+e1", TransferSyntaxTest.CT.toString(), jpeg.toString())).exitCode());
        m.put(jpeg, image);
        m.put(TransferSyntaxTest.PYDICOM_SAMPLES.resolve("rtstruct.dcm"), f -> new StructureSetReader().read(f));
        m.put(TransferSyntaxTest.PYDICOM_SAMPLES.resolve("rtdose_rle.dcm"), f -> new RtDoseReader().read(f));
        m.put(TransferSyntaxTest.PYDICOM_SAMPLES.resolve("rtplan.dcm"), f -> new RtPlanReader().read(f));
        Path plan = new org.isocenter.dicom.io.RtPlanWriter().write(RtObjectsRoundTripTest.plan(), RtObjectsRoundTripTest.STUDY,
                RtObjectsRoundTripTest.ATTRS, "Plan", seeds.resolve("plan.dcm")).file();
        m.put(plan, f -> new RtPlanReader().read(f));
        Path dose = new org.isocenter.dicom.io.RtDoseWriter().write(RtObjectsRoundTripTest.dose("1.2.3"),
                RtObjectsRoundTripTest.STUDY, RtObjectsRoundTripTest.ATTRS, "Dose", 16, seeds.resolve("dose.dcm")).file();
        m.put(dose, f -> new RtDoseReader().read(f));
        m.put(seeds.resolve("reg.dcm"), f -> new SpatialRegistrationReader().read(f));
        new org.isocenter.dicom.io.SpatialRegistrationWriter().write(new org.isocenter.core.registration.SpatialRegistration(
                RtObjectsRoundTripTest.PATIENT, RtObjectsRoundTripTest.FRAME, "REG", "",
                List.of(org.isocenter.core.geometry.RigidTransform.fromEulerDegrees("1.2.3.4", RtObjectsRoundTripTest.FRAME,
                        1, 2, 3, RtObjectsRoundTripTest.ISO, new org.isocenter.core.geometry.Vector3(1, 2, 3)))),
                RtObjectsRoundTripTest.STUDY, List.of(), RtObjectsRoundTripTest.ATTRS, "Reg", seeds.resolve("reg.dcm"));
        int[] px = new int[32 * 32];
        Path drr = new org.isocenter.dicom.io.RtImageWriter().write(new org.isocenter.core.image.RtImage(
                RtObjectsRoundTripTest.PATIENT, "", "DRR", "", "WSD", 32, 32, px, new double[] { 1, 1 }, new double[] { -15.5, 15.5 },
                1500, 1000, 0, 0, 0, RtObjectsRoundTripTest.ISO, org.isocenter.core.patient.PatientPosition.HFS, "", 0),
                RtObjectsRoundTripTest.STUDY, RtObjectsRoundTripTest.ATTRS, "DRR", seeds.resolve("drr.dcm")).file();
        m.put(drr, f -> new RtImageReader().read(f));
        for (Map.Entry<Path, Reader> e : m.entrySet()) {
            e.getValue().read(e.getKey()); // every seed itself is valid
        }
        return m;
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        switch (r.nextInt(5)) {
            case 0 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length)); // truncation
            case 1 -> { // a few flipped bytes
                for (int k = 1 + r.nextInt(8); k > 0; k--) {
                    b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                }
            }
            case 2 -> { // a 32-bit field (often a length) overwritten with an extreme value
                int at = 132 + r.nextInt(Math.max(1, b.length - 136));
                int[] extremes = { 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0, 0x0000FFFF, 0x00010000 };
                int v = extremes[r.nextInt(extremes.length)];
                for (int k = 0; k < 4 && at + k < b.length; k++) {
                    b[at + k] = (byte) (v >>> (8 * k));
                }
            }
            case 3 -> { // a 16-bit field overwritten (VRs, group/element numbers, small lengths)
                int at = 132 + r.nextInt(Math.max(1, b.length - 134));
                b[at] = (byte) r.nextInt(256);
                if (at + 1 < b.length) {
                    b[at + 1] = (byte) r.nextInt(256);
                }
            }
            default -> { // a chunk deleted or duplicated
                int from = r.nextInt(b.length), len = 1 + r.nextInt(Math.min(64, b.length - from));
                byte[] out = new byte[r.nextBoolean() ? b.length - len : b.length + len];
                if (out.length < b.length) {
                    System.arraycopy(b, 0, out, 0, from);
                    System.arraycopy(b, from + len, out, from, b.length - from - len);
                } else {
                    System.arraycopy(b, 0, out, 0, from + len);
                    System.arraycopy(b, from, out, from + len, b.length - from);
                }
                b = out;
            }
        }
        return b;
    }

    @Test
    void corruptedFilesNeverCrashHangOrExhaustMemory() throws Exception {
        Map<Path, Reader> seeds = seeds();
        List<Path> seedFiles = new ArrayList<>(seeds.keySet());
        Path mutants = Files.createDirectories(tmp.resolve("mutants"));
        Random random = new Random(SEED);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-reader");
            t.setDaemon(true);
            return t;
        });
        int readOk = 0, refused = 0;
        long slowestMs = 0;
        try {
            for (int n = 0; n < MUTANTS; n++) {
                Path seed = seedFiles.get(n % seedFiles.size());
                Path file = mutants.resolve(String.format("m%04d_%s", n, seed.getFileName()));
                Files.write(file, mutate(Files.readAllBytes(seed), random));
                Reader reader = seeds.get(seed);
                long t0 = System.nanoTime();
                Future<Object> f = worker.submit(() -> reader.read(file));
                try {
                    f.get(10, TimeUnit.SECONDS);
                    readOk++;
                } catch (TimeoutException e) {
                    fail("reading " + file + " did not end within 10 s (hang)");
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof DicomReadException d) {
                        assertTrue(d.getMessage().contains(file.getFileName().toString()), "message names the file: " + d.getMessage());
                        refused++;
                    } else {
                        throw new AssertionError("reading " + file + " escaped with " + e.getCause(), e.getCause());
                    }
                }
                slowestMs = Math.max(slowestMs, (System.nanoTime() - t0) / 1_000_000);
            }
        } finally {
            worker.shutdownNow();
        }
        System.gc();
        long retainedMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        System.out.printf("fuzz: %d mutants, %d read, %d refused with a message, slowest %d ms, heap retained %d MB%n",
                MUTANTS, readOk, refused, slowestMs, retainedMb);
        assertTrue(retainedMb < 256, "reading corrupt files must not keep memory: " + retainedMb + " MB retained");
        assertEquals(MUTANTS, readOk + refused);
        assertTrue(refused > MUTANTS / 10, "most corruptions must be detected, only " + refused + " were");

        DicomIndex index = new DicomFolderScanner().scan(mutants, ProgressMonitor.NONE);
        assertEquals(MUTANTS, index.filesSeen());
        assertTrue(index.problems().size() + index.notDicom().size() > 0);
        index.problems().forEach(p -> assertTrue(p.file().startsWith(mutants)));
    }
}
