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
import java.util.Random;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.isocenter.igrt.Course;
import org.isocenter.igrt.CourseReview;
import org.isocenter.igrt.CourseShow;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.RecordStore;
import org.isocenter.igrt.RecordStores;
import org.isocenter.igrt.SetupError;

/**
 * Timings of the record store (not a test): recording a decision warm (targets: H2 20 ms, PostgreSQL 50 ms), the
 * course-show JSON of a 40-fraction course warm (100 ms), population statistics over 1,000 patients x 35 fractions
 * (1 s). Runs on an embedded H2 file database and on a throwaway PostgreSQL server. Couch corrections in mm.
 */
public final class RecordStoreBenchmark {

    private RecordStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path tmp = Files.createTempDirectory("igrt-bench");
        try {
            run("H2", RecordStores.dataSource(RecordStores.h2FileUrl(tmp.resolve("bench")), null, null), patients);
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (PostgresServer pg = PostgresServer.start()) {
            run("PostgreSQL", RecordStores.dataSource(pg.createDatabase(), null, null), patients);
        }
    }

    private static void run(String name, DataSource ds, int patients) throws Exception {
        Random random = new Random(19);
        try (RecordStore store = RecordStores.open(ds, name, org.isocenter.igrt.AdaptiveRules.of())) {
            long t0 = System.nanoTime();
            for (int p = 0; p < patients; p++) {
                Course c = store.createCourse(Requests.draft(String.format(Locale.ROOT, "POP%04d", p), "1.2.9." + p));
                for (int f = 1; f <= 35; f++) {
                    store.record(Requests.on(c, f).shift(gauss(random), gauss(random), gauss(random)).build());
                }
            }
            double fill = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s: filled %d patients x 35 fractions through the store in %.1f s (%.2f ms per decision)%n",
                    name, patients, fill, fill * 1000 / (patients * 35.0));

            Course course = store.createCourse(Requests.draft("BENCH", "1.2.8.1"));
            double[] record = new double[80];
            for (int f = 1; f <= 40; f++) {
                long s = System.nanoTime();
                FractionDecision d = store.record(Requests.on(course, f).shift(gauss(random), 1, 2).build());
                record[f - 1] = ms(s);
                s = System.nanoTime();
                store.record(Requests.on(course, f).shift(gauss(random), 1, 2).supersedes(d.id())
                        .at(d.time().plusSeconds(60)).build());
                record[39 + f] = ms(s);
            }
            report(name, "record a decision (warm, 80 = 40 first + 40 superseding)", record);

            double[] show = new double[50];
            int length = 0;
            for (int i = 0; i < show.length; i++) {
                long s = System.nanoTime();
                length += CourseShow.print(CourseShow.toJson(CourseReview.of(store, course.id(), java.nio.file.Path.of("no-such-home"), org.isocenter.margin.MarginRecipes.of(), org.isocenter.margin.CorrectionProtocols.of()))).length();
                show[i] = ms(s);
            }
            report(name, "course show JSON, 40 fractions (" + length / show.length + " chars)", show);

            double[] population = new double[5];
            int n = 0;
            for (int i = 0; i < population.length; i++) {
                long s = System.nanoTime();
                List<SetupError> all = store.population();
                population[i] = ms(s);
                n = all.size();
            }
            report(name, "population statistics (" + n + " patients)", population);
        }
    }

    private static double gauss(Random r) {
        return Math.round(r.nextGaussian() * 3 * 10) / 10.0;
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String db, String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "median %.2f ms", s[s.length / 2]));
        parts.add(String.format(Locale.ROOT, "p90 %.2f ms", s[(int) Math.floor(s.length * 0.9) - (s.length >= 10 ? 0 : 1)]));
        parts.add(String.format(Locale.ROOT, "max %.2f ms", s[s.length - 1]));
        System.out.println(db + ": " + what + ": " + String.join(", ", parts));
    }
}
