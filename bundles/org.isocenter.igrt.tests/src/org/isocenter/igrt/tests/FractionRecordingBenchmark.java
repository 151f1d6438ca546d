/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.demo.PelvisPhantom;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.FractionMeasurements;
import org.isocenter.igrt.RecordStore;
import org.isocenter.igrt.RecordStores;

/**
 * Timing of recording one fraction with its outline comparison (not a test; target 1 s warm): the demo pelvis as a
 * 512x512x150 planning CT (0.8 x 0.8 x 2 mm) with its BODY contour on every slice, a 1 mm daily CBCT (410 x 410 x 200,
 * 250 mm field of view) with 6 mm of posterior weight loss, the outline comparison over the isocenter +-50 mm and the
 * decision written to an embedded H2 store with the adaptive rules. Prints the median of 7 warm runs and the measured
 * inward change (truth 6 mm).
 */
public final class FractionRecordingBenchmark {

    private FractionRecordingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        VolumeGeometry ctGrid = VolumeGeometry.axial(512, 512, 150, 0.8, 0.8, 2.0,
                new Vector3(-255.5 * 0.8, -255.5 * 0.8, -74.5 * 2.0));
        PatientIdentity patient = new PatientIdentity("BENCH-1", "BENCH^PELVIS", "19600101", "M");
        ImageVolume ct = volume(ctGrid, p -> PelvisPhantom.huAt(p.x(), p.y(), p.z()), patient, "1.2.3.100", "1.2.3.101");
        List<Contour> body = new ArrayList<>();
        for (int k = 0; k < ctGrid.sizeZ(); k++) {
            PelvisPhantom.BODY.axialContour(ctGrid.indexToPatient(0, 0, k).z(), 144).ifPresent(body::add);
        }
        StructureSet structures = new StructureSet("BENCH", patient, "1.2.3.101", "1.2.3.100",
                List.of(new Roi(1, "BODY", new int[] { 0, 200, 0 }, "EXTERNAL", body)));
        VolumeGeometry cbctGrid = VolumeGeometry.axial(410, 410, 200, 1, 1, 1, new Vector3(-204.5, 8 - 204.5, -20 - 99.5));
        Vector3 shift = new Vector3(2.0, -3.0, 1.5);
        Vector3 axis = cbctGrid.indexToPatient(204.5, 204.5, 0);
        ImageVolume cbct = volume(cbctGrid, q -> {
            if (Math.hypot(q.x() - axis.x(), q.y() - axis.y()) > 125) {
                return (short) -1000; // outside the reconstructed cylinder
            }
            Vector3 p = q.minus(shift);
            return PelvisPhantom.huAt(p.x(), p.y(), p.z(), 6, new Vector3(0, 0, 0));
        }, patient, "1.2.3.200", "1.2.3.201");
        RigidTransform planningToDaily = RigidTransform.fromEulerDegrees("1.2.3.101", "1.2.3.201", 0, 0, 0,
                new Vector3(0, 8, -20), shift);

        Path tmp = Files.createTempDirectory("fraction-bench");
        double[] ms = new double[9];
        double inward = 0;
        try (RecordStore store = RecordStores.open(RecordStores.h2FileUrl(tmp.resolve("records")), org.isocenter.igrt.AdaptiveRules.of())) {
            Course course = store.createCourse(Requests.draft("BENCH-1", "1.2.3.plan"));
            for (int run = 0; run < ms.length; run++) {
                long t0 = System.nanoTime();
                FractionMeasurements m = FractionMeasurements.of(ct, structures, cbct, planningToDaily, null, -20,
                        Optional.empty());
                FractionDecision d = store.record(Requests.on(course, run + 1).observations(m.observations()).build());
                ms[run] = (System.nanoTime() - t0) / 1e6;
                inward = d.observations().outlineInwardMm();
            }
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        double[] warm = Arrays.copyOfRange(ms, 2, ms.length);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "record a fraction with the outline comparison (512x512x150 CT, 1 mm CBCT): "
                + "first %.0f ms, warm median %.0f ms (target 1000 ms); inward change measured %.1f mm (truth 6 mm)%n",
                ms[0], warm[warm.length / 2], inward);
    }

    private static ImageVolume volume(VolumeGeometry g, java.util.function.Function<Vector3, Short> hu,
            PatientIdentity patient, String series, String frame) {
        short[] v = new short[g.voxelCount()];
        IntStream.range(0, g.sizeZ()).parallel().forEach(k -> {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    v[g.linearIndex(i, j, k)] = hu.apply(g.indexToPatient(i, j, k));
                }
            }
        });
        return new ImageVolume(g, v, 1, 0, "HU", new ImageVolumeInfo(patient, "1.2.3.1", series, frame, "CT",
                PatientPosition.HFS, "20261206", "benchmark"));
    }
}
