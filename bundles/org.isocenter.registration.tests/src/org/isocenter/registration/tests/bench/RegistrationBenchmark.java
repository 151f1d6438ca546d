/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration.tests.bench;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.registration.RegistrationRegion;
import org.isocenter.registration.RegistrationRequest;
import org.isocenter.registration.RegistrationRequest.DegreesOfFreedom;
import org.isocenter.registration.RegistrationResult;
import org.isocenter.registration.RigidIntensityRegistration;
import org.isocenter.registration.SimilarityMetric;
import org.isocenter.registration.tests.phantom.ThoraxPhantom;
import org.isocenter.registration.tests.phantom.ThoraxPhantom.Imaging;

/**
 * Rigid CT-to-CBCT registration, Isocenter vs elastix (and plastimatch), on the same files and machine; driven by
 * {@code scripts/benchmark-registration.sh}, which runs every tool under {@code /usr/bin/time -v}.
 * <ul>
 * <li>{@code generate <dir>}: the thorax phantom as a 512×512×150 planning CT (0.75×0.75×2.5 mm) and a 1 mm CBCT
 * (270×270×180, centred on where the isocenter lands, {@link Imaging#CBCT}) moved by a known set-up error;
 * written as MetaImage (MET_SHORT, HU, LPS {@code Offset}/{@code TransformMatrix} as ITK reads them) with the
 * region masks elastix and plastimatch get (the CBCT's box on the planning grid, the CBCT's reconstructed field of
 * view) and {@code truth.json};</li>
 * <li>{@code isocenter <dir> [runs]}: reads the two images back, matches them with
 * {@link RigidIntensityRegistration} (mutual information, six degrees of freedom, identity start, the CBCT's box
 * as region), writes {@code isocenter-result.json} with per-level set-up and optimisation times (taken from the
 * algorithm's progress reports, without touching it);</li>
 * <li>{@code breakdown <dir>}: diagnostics, not part of the comparison: times the algorithm's building blocks one by
 * one (pyramid levels, sample set-up, one metric evaluation per level) and the moving image's trilinear lookups in
 * random versus sorted order;</li>
 * <li>{@code report <dir>}: reads every tool's transform (elastix {@code TransformParameters.0.txt}, plastimatch's
 * ITK transform file) and {@code /usr/bin/time -v} output, computes the target registration error against the
 * truth and prints a table and one JSON line.</li>
 * </ul>
 * The target registration error (TRE) is the largest error over the isocenter and the eight corners of a 10 cm
 * box around it (as in {@code SyntheticPairRegistrationTest}).
 */
public final class RegistrationBenchmark {

    static final String DAILY_FRAME = "2.25.3001";
    static final Vector3 ISO = ThoraxPhantom.TUMOUR_CENTRE;
    /** The set-up error (planning → daily): rotations about a point near the spine, degrees, then a shift, mm. */
    static final double RX = 1.5, RY = -2.0, RZ = 2.5;
    static final Vector3 TRUTH_CENTRE = new Vector3(0, 40, 0), TRUTH_SHIFT = new Vector3(7.5, -4.5, 5.5);
    static final long NOISE_SEED = 7, SAMPLING_SEED = 11;

    private RegistrationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RegistrationBenchmark generate|isocenter|breakdown|report <dir> [runs]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "generate" -> generate(dir);
            case "isocenter" -> isocenter(dir, args.length > 2 ? Integer.parseInt(args[2]) : 1);
            case "report" -> report(dir);
            case "breakdown" -> {
                try {
                    breakdown(dir);
                } catch (IOException | RuntimeException | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            }
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    static RigidTransform truth() {
        return RigidTransform.fromEulerDegrees(ThoraxPhantom.PLANNING_FRAME, DAILY_FRAME, RX, RY, RZ, TRUTH_CENTRE,
                TRUTH_SHIFT);
    }

    static VolumeGeometry planningGrid() {
        return VolumeGeometry.axial(512, 512, 150, 0.75, 0.75, 2.5, new Vector3(-255.5 * 0.75, -255.5 * 0.75, -74.5 * 2.5));
    }

    /** 270 × 270 × 180 voxels of 1 mm centred on where the isocenter is in the daily frame. */
    static VolumeGeometry dailyGrid(Vector3 centre) {
        return VolumeGeometry.axial(270, 270, 180, 1, 1, 1, centre.minus(new Vector3(134.5, 134.5, 89.5)));
    }

    /**
     * The region every tool matches on: the CBCT's grid extent taken as planning coordinates (the start pose is the
     * identity). Isocenter gets it as its box; elastix and plastimatch as a fixed-image mask on the planning grid.
     */
    static RegistrationRegion region(VolumeGeometry daily) {
        RegistrationRegion whole = RegistrationRegion.wholeImage(daily);
        return RegistrationRegion.box(whole.minMm(), whole.maxMm());
    }

    // ---------------------------------------------------------------------------------------------------- generate

    static void generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        RigidTransform truth = truth();
        long t0 = System.nanoTime();
        ImageVolume planning = ThoraxPhantom.planningCt(planningGrid());
        VolumeGeometry dg = dailyGrid(truth.apply(ISO));
        ImageVolume daily = ThoraxPhantom.daily(dg, truth, Vector3.ZERO, Imaging.CBCT, NOISE_SEED);
        long generated = System.nanoTime();
        MetaImage.writeShorts(dir.resolve("planning.mhd"), planning.geometry(), planning.storedValues());
        MetaImage.writeShorts(dir.resolve("daily.mhd"), daily.geometry(), daily.storedValues());

        // the masks elastix and plastimatch get: the same box on the planning grid, the CBCT's field of view
        RegistrationRegion region = region(dg);
        VolumeGeometry pg = planning.geometry();
        byte[] box = new byte[pg.voxelCount()];
        for (int k = 0; k < pg.sizeZ(); k++) {
            for (int j = 0; j < pg.sizeY(); j++) {
                for (int i = 0; i < pg.sizeX(); i++) {
                    if (region.contains(pg.indexToPatient(i, j, k))) {
                        box[pg.linearIndex(i, j, k)] = 1;
                    }
                }
            }
        }
        MetaImage.writeBytes(dir.resolve("planning_region.mhd"), pg, box);
        short[] d = daily.storedValues();
        byte[] fov = new byte[d.length];
        for (int i = 0; i < d.length; i++) {
            fov[i] = (byte) (d[i] == -1000 ? 0 : 1); // the phantom's padding outside the reconstructed field of view
        }
        MetaImage.writeBytes(dir.resolve("daily_fov.mhd"), dg, fov);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("planningToDaily", truth.toRowMajorArray());
        json.put("eulerDeg", new double[] { RX, RY, RZ });
        json.put("eulerCentreMm", TRUTH_CENTRE.toArray());
        json.put("shiftMm", TRUTH_SHIFT.toArray());
        json.put("isocenterMm", ISO.toArray());
        json.put("planning", describe(pg));
        json.put("daily", describe(dg));
        json.put("regionMinMm", region.minMm().toArray());
        json.put("regionMaxMm", region.maxMm().toArray());
        json.put("generateMs", (generated - t0) / 1_000_000);
        Files.writeString(dir.resolve("truth.json"), Json.write(json) + "\n");
        System.out.printf(Locale.ROOT, "generated in %.1f s: planning %s, daily %s, region %s%n",
                (generated - t0) / 1e9, describe(pg), describe(dg), region.description());
    }

    static String describe(VolumeGeometry g) {
        return String.format(Locale.ROOT, "%dx%dx%d at %sx%sx%s mm", g.sizeX(), g.sizeY(), g.sizeZ(), trim(g.spacingXMm()),
                trim(g.spacingYMm()), trim(g.spacingZMm()));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    // --------------------------------------------------------------------------------------------------- isocenter

    static void isocenter(Path dir, int runs) throws IOException {
        long t0 = System.nanoTime();
        ImageVolume planning = volume(MetaImage.read(dir.resolve("planning.mhd")), ThoraxPhantom.PLANNING_FRAME,
                "Planning CT");
        ImageVolume daily = volume(MetaImage.read(dir.resolve("daily.mhd")), DAILY_FRAME, "Daily CBCT");
        long readMs = (System.nanoTime() - t0) / 1_000_000;
        RegistrationRequest request = new RegistrationRequest(planning, daily, region(daily.geometry()), DegreesOfFreedom.SIX,
                SimilarityMetric.MUTUAL_INFORMATION, null, SAMPLING_SEED);
        RegistrationResult first = null;
        PhaseMonitor firstPhases = null;
        List<Long> registerMs = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            PhaseMonitor monitor = new PhaseMonitor();
            long s = System.nanoTime();
            RegistrationResult r = new RigidIntensityRegistration().register(request, monitor);
            registerMs.add((System.nanoTime() - s) / 1_000_000);
            if (first == null) {
                first = r;
                firstPhases = monitor;
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("planningToDaily", first.planningToDaily().toRowMajorArray());
        json.put("readMs", readMs);
        json.put("registerMs", registerMs);
        json.put("evaluations", first.evaluations());
        json.put("mutualInformationBits", first.metricValue());
        json.put("overlap", first.overlap());
        json.put("paddingScanMs", firstPhases.paddingScanMs());
        json.put("levels", firstPhases.levels());
        Files.writeString(dir.resolve("isocenter-result.json"), Json.write(json) + "\n");
        System.out.printf(Locale.ROOT, "isocenter: read %d ms, register %s ms, %d evaluations, MI %.3f bits, overlap %.2f%n",
                readMs, registerMs, first.evaluations(), first.metricValue(), first.overlap());
        for (Map<String, Object> level : firstPhases.levels()) {
            System.out.println("  " + Json.write(level));
        }
    }

    /** The algorithm's schedule as of this benchmark (RigidIntensityRegistration.LEVELS / SAMPLES, package-private). */
    static final int[] LEVELS = { 4, 2, 1, 1 };
    static final int[] SAMPLES = { 15_000, 15_000, 30_000, 120_000 };

    /**
     * The algorithm's internal classes, reached by reflection: org.isocenter.registration.internal is not exported, so
     * this bundle must not import it; the benchmark runs on a plain classpath where reflection reaches it.
     */
    private static final class Internal {
        final MethodHandle pyramidOfBox, pyramidOf, level, draw, cost, sampleCount, geometry;
        final java.lang.reflect.Constructor<?> newSimilarity;
        final int noPadding;

        Internal() throws ReflectiveOperationException {
            MethodHandles.Lookup l = MethodHandles.publicLookup();
            Class<?> pyramid = Class.forName("org.isocenter.registration.internal.ImagePyramid");
            Class<?> level = Class.forName("org.isocenter.registration.internal.PyramidLevel");
            Class<?> points = Class.forName("org.isocenter.registration.internal.SamplePoints");
            Class<?> similarity = Class.forName("org.isocenter.registration.internal.SampledSimilarity");
            pyramidOfBox = l.findStatic(pyramid, "ofBox", MethodType.methodType(pyramid, ImageVolume.class, int.class,
                    Vector3.class, Vector3.class, int.class));
            pyramidOf = l.findStatic(pyramid, "of", MethodType.methodType(pyramid, ImageVolume.class, int.class));
            this.level = l.findVirtual(pyramid, "level", MethodType.methodType(level, int.class));
            draw = l.findStatic(points, "draw", MethodType.methodType(points, VolumeGeometry.class, RegistrationRegion.class,
                    int.class, long.class));
            newSimilarity = similarity.getConstructor(SimilarityMetric.class, level, level, points, double[].class, long.class);
            cost = l.findVirtual(similarity, "cost", MethodType.methodType(double.class, double[].class));
            sampleCount = l.findVirtual(similarity, "sampleCount", MethodType.methodType(int.class));
            geometry = l.findVirtual(level, "geometry", MethodType.methodType(VolumeGeometry.class));
            noPadding = level.getField("NO_PADDING").getInt(null);
        }
    }

    /** PyramidLevel.sample as a constant handle (static final, exact type), so the JIT inlines it like a direct call. */
    private static final class Sample {
        static final MethodHandle HANDLE;
        static {
            try {
                Class<?> level = Class.forName("org.isocenter.registration.internal.PyramidLevel");
                HANDLE = MethodHandles.publicLookup()
                        .findVirtual(level, "sample", MethodType.methodType(double.class, double.class, double.class, double.class))
                        .asType(MethodType.methodType(double.class, Object.class, double.class, double.class, double.class));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    static void breakdown(Path dir) throws Throwable {
        Internal in = new Internal();
        ImageVolume planning = volume(MetaImage.read(dir.resolve("planning.mhd")), ThoraxPhantom.PLANNING_FRAME,
                "Planning CT");
        ImageVolume daily = volume(MetaImage.read(dir.resolve("daily.mhd")), DAILY_FRAME, "Daily CBCT");
        RegistrationRegion region = region(daily.geometry());
        double[] pose = java.util.Arrays.copyOf(truth().toRowMajorArray(), 12);
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            System.out.println(round == 0 ? "# warm-up round" : "# measured round (warm JVM)");
            Object fixedPyramid = in.pyramidOfBox.invoke(planning, in.noPadding, region.minMm(), region.maxMm(), 8);
            Object movingPyramid = in.pyramidOf.invoke(daily, -1000); // the phantom's padding
            for (int l = 0; l < LEVELS.length; l++) {
                int f = LEVELS[l];
                long a = System.nanoTime();
                Object moving = in.level.invoke(movingPyramid, f);
                long b = System.nanoTime();
                Object fixed = in.level.invoke(fixedPyramid, f);
                long c = System.nanoTime();
                Object points = in.draw.invoke(planning.geometry(), region, SAMPLES[l], SAMPLING_SEED + l);
                Object similarity = in.newSimilarity.newInstance(SimilarityMetric.MUTUAL_INFORMATION, fixed, moving, points,
                        new double[] { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0 }, SAMPLING_SEED + l);
                long d = System.nanoTime();
                int evaluations = 20;
                double cost = 0;
                for (int e = 0; e < evaluations; e++) {
                    cost = (double) in.cost.invoke(similarity, pose);
                }
                long e = System.nanoTime();
                int n = (int) in.sampleCount.invoke(similarity);
                System.out.printf(Locale.ROOT,
                        "level 1/%d: moving pyramid %s (%d ms), fixed pyramid %s (%d ms), %d samples (%d ms), one MI "
                                + "evaluation %.1f ms (%.0f ns/sample; MI at the truth %.3f bits)%n",
                        f, describe((VolumeGeometry) in.geometry.invoke(moving)), (b - a) / 1_000_000,
                        describe((VolumeGeometry) in.geometry.invoke(fixed)), (c - b) / 1_000_000, n, (d - c) / 1_000_000,
                        (e - d) / 1e6 / evaluations, (e - d) / (double) evaluations / n, -cost);
                if (round == 1 && l == LEVELS.length - 1) {
                    lookupOrder(in, moving, n);
                }
            }
        }
    }

    /**
     * Single-threaded trilinear lookups in the finest moving level at random points of the region's core, in random
     * order and in x-fastest sorted order: how much of an evaluation is memory latency.
     */
    private static void lookupOrder(Internal in, Object moving, int n) throws Throwable {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        VolumeGeometry g = (VolumeGeometry) in.geometry.invoke(moving);
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 40 + random.nextDouble() * (g.sizeX() - 80);
            y[i] = 40 + random.nextDouble() * (g.sizeY() - 80);
            z[i] = 10 + random.nextDouble() * (g.sizeZ() - 20);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingInt(i -> (int) z[i]).thenComparingInt(i -> (int) y[i])
                .thenComparingDouble(i -> x[i]));
        double[] sx = new double[n], sy = new double[n], sz = new double[n];
        for (int i = 0; i < n; i++) {
            sx[i] = x[order[i]];
            sy[i] = y[order[i]];
            sz[i] = z[order[i]];
        }
        double sink = 0;
        long[] best = { Long.MAX_VALUE, Long.MAX_VALUE };
        for (int rep = 0; rep < 15; rep++) {
            long a = System.nanoTime();
            for (int i = 0; i < n; i++) {
                double v = (double) Sample.HANDLE.invokeExact(moving, x[i], y[i], z[i]);
                sink += v == v ? v : 0;
            }
            long b = System.nanoTime();
            for (int i = 0; i < n; i++) {
                double v = (double) Sample.HANDLE.invokeExact(moving, sx[i], sy[i], sz[i]);
                sink += v == v ? v : 0;
            }
            long c = System.nanoTime();
            best[0] = Math.min(best[0], b - a);
            best[1] = Math.min(best[1], c - b);
        }
        System.out.printf(Locale.ROOT, "trilinear lookups in the finest moving level, one thread, %d points: random order %.0f "
                + "ns/point, sorted %.0f ns/point (checksum %.3g)%n", n, best[0] / (double) n, best[1] / (double) n, sink);
    }

    static ImageVolume volume(MetaImage m, String frame, String description) {
        ImageVolumeInfo info = new ImageVolumeInfo(ThoraxPhantom.PATIENT, "2.25.3002", "2.25.3003." + Math.abs(frame.hashCode()),
                frame, "CT", PatientPosition.HFS, "20261121", description);
        return new ImageVolume(m.geometry(), m.shorts(), 1, 0, "HU", info);
    }

    /**
     * Times the algorithm's phases from its progress reports: {@code begin} → first {@code worked} is the padding
     * scan; per level, {@code subTask} → the first objective evaluation (each calls {@code checkCancelled}) is the
     * pyramid and sample set-up, and from there to {@code worked} the optimisation.
     */
    static final class PhaseMonitor implements ProgressMonitor {
        private long begun, paddingDone;
        private final List<String> names = new ArrayList<>();
        private final List<long[]> marks = new ArrayList<>(); // subTask, first evaluation, done, evaluations
        private long[] current;

        @Override
        public void begin(String task, int totalWork) {
            begun = System.nanoTime();
        }

        @Override
        public void subTask(String name) {
            names.add(name);
            current = new long[] { System.nanoTime(), 0, 0, 0 };
            marks.add(current);
        }

        @Override
        public boolean isCancelled() {
            if (current != null && current[3]++ == 0) {
                current[1] = System.nanoTime();
            }
            return false;
        }

        @Override
        public void worked(int work) {
            if (current == null) {
                paddingDone = System.nanoTime();
            } else {
                current[2] = System.nanoTime();
                current = null;
            }
        }

        long paddingScanMs() {
            return (paddingDone - begun) / 1_000_000;
        }

        List<Map<String, Object>> levels() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (int l = 0; l < names.size(); l++) {
                long[] m = marks.get(l);
                Map<String, Object> level = new LinkedHashMap<>();
                level.put("level", names.get(l));
                level.put("setupMs", (m[1] - m[0]) / 1_000_000);
                level.put("optimiseMs", (m[2] - m[1]) / 1_000_000);
                level.put("evaluations", m[3]);
                level.put("msPerEvaluation", m[3] == 0 ? 0 : Math.round((m[2] - m[1]) / 1e4 / m[3]) / 100.0);
                out.add(level);
            }
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------------------ report

    record ToolResult(String tool, RigidTransform planningToDaily) {
    }

    static void report(Path dir) throws IOException {
        String truthJson = Files.readString(dir.resolve("truth.json"));
        RigidTransform truth = new RigidTransform(ThoraxPhantom.PLANNING_FRAME, DAILY_FRAME, Json.numbers(truthJson, "planningToDaily"));
        List<ToolResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path iso = dir.resolve("isocenter-result.json");
        String isoJson = Files.exists(iso) ? Files.readString(iso) : null;
        if (isoJson != null) {
            results.add(new ToolResult("isocenter", new RigidTransform(ThoraxPhantom.PLANNING_FRAME, DAILY_FRAME,
                    Json.numbers(isoJson, "planningToDaily"))));
        }
        Path elastix = dir.resolve("elastix/TransformParameters.0.txt");
        if (Files.exists(elastix)) {
            ElastixEuler e = ElastixEuler.read(elastix);
            results.add(new ToolResult("elastix", e.planningToDaily(e.computeZyx)));
            // what reading ITK's default angle order (Rz Rx Ry) as ours (Rz Ry Rx) would cost
            notes.add(String.format(Locale.ROOT,
                    "elastix EulerTransform: ComputeZYX %s (R = %s), centre of rotation %s; reading the angles in the other "
                            + "order would add %.3f mm of TRE",
                    e.computeZyx, e.computeZyx ? "Rz Ry Rx" : "Rz Rx Ry", fmt(e.centre),
                    treWorst(e.planningToDaily(!e.computeZyx), truth) - treWorst(e.planningToDaily(e.computeZyx), truth)));
        }
        Path plastimatch = dir.resolve("plastimatch/xform.txt");
        if (Files.exists(plastimatch)) {
            results.add(new ToolResult("plastimatch", ItkTransformFile.read(plastimatch)));
        }

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine());
        json.put("planning", Json.string(truthJson, "planning"));
        json.put("daily", Json.string(truthJson, "daily"));
        json.put("truth", String.format(Locale.ROOT, "rx %.1f ry %.1f rz %.1f deg about (0, 40, 0), shift %s mm", RX, RY, RZ,
                fmt(TRUTH_SHIFT)));
        System.out.println("# planning CT " + json.get("planning") + ", CBCT " + json.get("daily") + "; truth " + json.get("truth"));
        System.out.println("# TRE = worst of isocenter + 8 corners of a 10 cm box; wall and max RSS from /usr/bin/time -v");
        System.out.printf(Locale.ROOT, "%-12s %8s %8s %12s %8s %11s %8s %s%n", "tool", "wall s", "CPU s", "max RSS MiB",
                "TRE mm", "iso err mm", "rot deg", "");
        Map<String, Object> tools = new LinkedHashMap<>();
        double isoWall = Double.NaN, elastixWall = Double.NaN, isoTre = Double.NaN, elastixTre = Double.NaN;
        for (ToolResult r : results) {
            double[] time = timeV(dir.resolve(r.tool() + ".time"));
            double tre = treWorst(r.planningToDaily(), truth);
            double isoErr = r.planningToDaily().apply(ISO).minus(truth.apply(ISO)).norm();
            double rot = r.planningToDaily().then(truth.inverse()).rotationAngleDegrees();
            String extra = "";
            if (r.tool().equals("isocenter") && isoJson != null) {
                double[] reg = Json.numbers(isoJson, "registerMs");
                extra = String.format(Locale.ROOT, "(read %.2f s, register() %.2f s%s)", Json.number(isoJson, "readMs") / 1000,
                        reg[0] / 1000, reg.length > 1 ? String.format(Locale.ROOT, ", warm %.2f s", reg[reg.length - 1] / 1000) : "");
            } else if (r.tool().equals("elastix")) {
                Double own = elastixOwnSeconds(dir.resolve("elastix/elastix.log"));
                extra = own == null ? "" : String.format(Locale.ROOT, "(elastix's own total %.2f s)", own);
            }
            System.out.printf(Locale.ROOT, "%-12s %8.2f %8.2f %12.0f %8.3f %11.3f %8.3f %s%n", r.tool(), time[0], time[3],
                    time[1] / 1024, tre, isoErr, rot, extra);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("wallS", round(time[0], 2));
            t.put("cpuS", round(time[3], 2));
            t.put("loadAverageAtStart", loadAverage(dir.resolve(r.tool() + ".load")));
            t.put("maxRssMiB", Math.round(time[1] / 1024));
            t.put("exitStatus", (long) time[2]);
            t.put("treMm", round(tre, 3));
            t.put("isocenterErrorMm", round(isoErr, 3));
            t.put("rotationErrorDeg", round(rot, 3));
            tools.put(r.tool(), t);
            if (r.tool().equals("isocenter")) {
                isoWall = time[0];
                isoTre = tre;
                t.put("registerS", round(Json.numbers(isoJson, "registerMs")[0] / 1000, 2));
            } else if (r.tool().equals("elastix")) {
                elastixWall = time[0];
                elastixTre = tre;
            }
        }
        json.put("tools", tools);
        for (String n : notes) {
            System.out.println("# " + n);
        }
        if (!Files.exists(plastimatch)) {
            System.out.println("# plastimatch: no result (" + (Files.exists(dir.resolve("plastimatch.skipped"))
                    ? Files.readString(dir.resolve("plastimatch.skipped")).strip() : "not run") + ")");
        }
        for (ToolResult r : results) {
            if (!r.tool().equals("isocenter") && tools.get(r.tool()) instanceof Map<?, ?> t && !Double.isNaN(isoWall)) {
                double ratio = ((Number) t.get("wallS")).doubleValue() / isoWall;
                json.put(r.tool() + "OverIsocenterTime", round(ratio, 2));
                System.out.printf(Locale.ROOT, "# %s time / isocenter time = %.2f%n", r.tool(), ratio);
            }
        }
        if (!Double.isNaN(isoWall) && !Double.isNaN(elastixWall)) {
            boolean fast = isoWall <= 5, ratio = elastixWall / isoWall >= 5, accurate = isoTre <= elastixTre + 0.05;
            json.put("targets", Map.of("wallAtMost5s", fast, "atLeast5xFasterThanElastix", ratio, "treNotWorseThanElastix",
                    accurate));
            System.out.printf(Locale.ROOT, "# targets: isocenter wall <= 5 s: %s; >= 5x faster than elastix: %s; TRE not worse "
                    + "than elastix (+0.05 mm): %s%n", fast ? "met" : "MISSED", ratio ? "met" : "MISSED",
                    accurate ? "met" : "MISSED");
        }
        if (isoJson != null) {
            System.out.println("# isocenter phases (ms): padding scan " + (long) Json.number(isoJson, "paddingScanMs") + "; "
                    + levelsSummary(isoJson));
        }
        System.out.println(Json.write(json));
    }

    private static String levelsSummary(String isoJson) {
        Matcher m = Pattern.compile("\\{\"level\":\"([^\"]*)\",\"setupMs\":(\\d+),\"optimiseMs\":(\\d+),\"evaluations\":(\\d+)")
                .matcher(isoJson);
        List<String> parts = new ArrayList<>();
        while (m.find()) {
            parts.add(m.group(1) + ": set-up " + m.group(2) + ", optimise " + m.group(3) + " (" + m.group(4) + " evaluations)");
        }
        return String.join("; ", parts);
    }

    static double treWorst(RigidTransform estimate, RigidTransform truth) {
        return estimate.worstDistanceAround(truth, ISO, 50);
    }

    /** The 1-minute load average the script noted before starting a tool, or NaN. */
    static double loadAverage(Path file) throws IOException {
        return Files.exists(file) ? Double.parseDouble(Files.readString(file).strip().split("\\s+")[0]) : Double.NaN;
    }

    /**
     * Wall seconds, max RSS (KiB), exit status and CPU seconds (user + system) from a {@code /usr/bin/time -v} report;
     * NaN when missing.
     */
    static double[] timeV(Path file) throws IOException {
        double[] out = { Double.NaN, Double.NaN, Double.NaN, 0 };
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (l.startsWith("Elapsed (wall clock) time")) {
                String v = l.substring(l.lastIndexOf(": ") + 2).strip();
                double seconds = 0;
                for (String part : v.split(":")) {
                    seconds = seconds * 60 + Double.parseDouble(part);
                }
                out[0] = seconds;
            } else if (l.startsWith("Maximum resident set size")) {
                out[1] = Double.parseDouble(l.substring(l.lastIndexOf(": ") + 2).strip());
            } else if (l.startsWith("User time") || l.startsWith("System time")) {
                out[3] += Double.parseDouble(l.substring(l.lastIndexOf(": ") + 2).strip());
            } else if (l.startsWith("Exit status")) {
                out[2] = Double.parseDouble(l.substring(l.lastIndexOf(": ") + 2).strip());
            }
        }
        return out;
    }

    /** elastix's own "Total time elapsed: 12.3s." from its log, if there. */
    static Double elastixOwnSeconds(Path log) throws IOException {
        if (!Files.exists(log)) {
            return null;
        }
        Matcher m = Pattern.compile("Total time elapsed: ([0-9.]+)s").matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        return m.find() ? Double.parseDouble(m.group(1)) : null;
    }

    static String machine() {
        return String.format(Locale.ROOT, "%d cores, Java %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static String fmt(Vector3 v) {
        return String.format(Locale.ROOT, "(%.2f, %.2f, %.2f)", v.x(), v.y(), v.z());
    }

    // -------------------------------------------------------------------------------------- elastix / ITK transforms

    /** R from ITK Euler3D angles (radians): Rz·Rx·Ry by default (ComputeZYX false), Rz·Ry·Rx with ComputeZYX true. */
    static double[] itkEulerRotation(double ax, double ay, double az, boolean computeZyx) {
        double[] x = { 1, 0, 0, 0, Math.cos(ax), -Math.sin(ax), 0, Math.sin(ax), Math.cos(ax) };
        double[] y = { Math.cos(ay), 0, Math.sin(ay), 0, 1, 0, -Math.sin(ay), 0, Math.cos(ay) };
        double[] z = { Math.cos(az), -Math.sin(az), 0, Math.sin(az), Math.cos(az), 0, 0, 0, 1 };
        return computeZyx ? mul(z, mul(y, x)) : mul(z, mul(x, y));
    }

    static double[] mul(double[] a, double[] b) {
        double[] m = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r * 3 + c] = a[r * 3] * b[c] + a[r * 3 + 1] * b[3 + c] + a[r * 3 + 2] * b[6 + c];
            }
        }
        return m;
    }

    /**
     * An ITK centred rigid map T(p) = R (p − c) + c + t (fixed → moving: with fixed = planning and moving = daily, the
     * planning → daily transform).
     */
    static RigidTransform centred(double[] r, Vector3 c, Vector3 t) {
        Vector3 rc = new Vector3(r[0] * c.x() + r[1] * c.y() + r[2] * c.z(), r[3] * c.x() + r[4] * c.y() + r[5] * c.z(),
                r[6] * c.x() + r[7] * c.y() + r[8] * c.z());
        Vector3 o = c.plus(t).minus(rc);
        return new RigidTransform(ThoraxPhantom.PLANNING_FRAME, DAILY_FRAME,
                new double[] { r[0], r[1], r[2], o.x(), r[3], r[4], r[5], o.y(), r[6], r[7], r[8], o.z(), 0, 0, 0, 1 });
    }

    /** elastix's TransformParameters file of an EulerTransform. */
    record ElastixEuler(double[] parameters, Vector3 centre, boolean computeZyx) {
        static ElastixEuler read(Path file) throws IOException {
            Map<String, String> p = new LinkedHashMap<>();
            Matcher m = Pattern.compile("^\\((\\w+)\\s+(.*)\\)\\s*$", Pattern.MULTILINE).matcher(Files.readString(file));
            while (m.find()) {
                p.put(m.group(1), m.group(2).replace("\"", "").strip());
            }
            if (!"EulerTransform".equals(p.get("Transform"))) {
                throw new IllegalArgumentException(file + ": not an EulerTransform but " + p.get("Transform"));
            }
            if (!"NoInitialTransform".equals(p.getOrDefault("InitialTransformParametersFileName", "NoInitialTransform"))) {
                throw new IllegalArgumentException(file + ": has an initial transform; compose it first");
            }
            double[] par = parse(p.get("TransformParameters"));
            double[] c = parse(p.get("CenterOfRotationPoint"));
            return new ElastixEuler(par, new Vector3(c[0], c[1], c[2]), "true".equalsIgnoreCase(p.get("ComputeZYX")));
        }

        RigidTransform planningToDaily(boolean zyx) {
            return centred(itkEulerRotation(parameters[0], parameters[1], parameters[2], zyx), centre,
                    new Vector3(parameters[3], parameters[4], parameters[5]));
        }
    }

    static double[] parse(String numbers) {
        String[] s = numbers.strip().split("\\s+");
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = Double.parseDouble(s[i]);
        }
        return out;
    }

    /** An ITK transform file (plastimatch's xform_out for a rigid stage): Versor, Euler, Affine or translation. */
    static final class ItkTransformFile {
        static RigidTransform read(Path file) throws IOException {
            String type = null;
            double[] par = null, fixed = { 0, 0, 0 };
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("Transform:")) {
                    type = line.substring(10).strip();
                } else if (line.startsWith("Parameters:")) {
                    par = parse(line.substring(11));
                } else if (line.startsWith("FixedParameters:")) {
                    fixed = parse(line.substring(16));
                }
            }
            if (type == null || par == null) {
                throw new IllegalArgumentException(file + ": no transform found");
            }
            Vector3 c = new Vector3(fixed[0], fixed[1], fixed[2]);
            if (type.startsWith("VersorRigid3DTransform")) {
                double x = par[0], y = par[1], z = par[2], w = Math.sqrt(Math.max(0, 1 - x * x - y * y - z * z));
                double[] r = { 1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w), 2 * (x * y + z * w),
                        1 - 2 * (x * x + z * z), 2 * (y * z - x * w), 2 * (x * z - y * w), 2 * (y * z + x * w),
                        1 - 2 * (x * x + y * y) };
                return centred(r, c, new Vector3(par[3], par[4], par[5]));
            } else if (type.startsWith("Euler3DTransform")) {
                // fixed parameters: the centre, and in newer ITK versions ComputeZYX as a fourth value
                boolean zyx = fixed.length > 3 && fixed[3] != 0;
                return centred(itkEulerRotation(par[0], par[1], par[2], zyx), c, new Vector3(par[3], par[4], par[5]));
            } else if (type.startsWith("AffineTransform")) {
                double[] r = java.util.Arrays.copyOf(par, 9);
                return centred(orthonormalised(r), c, new Vector3(par[9], par[10], par[11]));
            } else if (type.startsWith("TranslationTransform")) {
                return centred(new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, Vector3.ZERO, new Vector3(par[0], par[1], par[2]));
            }
            throw new IllegalArgumentException(file + ": unsupported transform " + type);
        }

        /** The nearest rotation (Gram–Schmidt on the rows is enough for an almost-rigid affine). */
        private static double[] orthonormalised(double[] m) {
            Vector3 a = new Vector3(m[0], m[1], m[2]).normalized();
            Vector3 b = new Vector3(m[3], m[4], m[5]);
            b = b.minus(a.times(a.dot(b))).normalized();
            Vector3 c = a.cross(b);
            return new double[] { a.x(), a.y(), a.z(), b.x(), b.y(), b.z(), c.x(), c.y(), c.z() };
        }
    }

    // -------------------------------------------------------------------------------------------------- MetaImage

    /**
     * A MetaImage (.mhd + .raw), MET_SHORT or MET_UCHAR, little-endian, uncompressed: {@code Offset} is the centre of
     * voxel (0, 0, 0) and {@code TransformMatrix} lists the direction of the i, j and k axes one after the other (ITK's
     * MetaImageIO reads element {@code 3a + b} as component b of axis a's direction), all in LPS mm, as ITK expects.
     */
    record MetaImage(VolumeGeometry geometry, short[] shorts, byte[] bytes) {

        static void writeShorts(Path mhd, VolumeGeometry g, short[] values) throws IOException {
            writeHeader(mhd, g, "MET_SHORT");
            try (FileChannel ch = FileChannel.open(raw(mhd), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.allocateDirect(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
                for (int from = 0; from < values.length; from += buf.capacity() / 2) {
                    int n = Math.min(buf.capacity() / 2, values.length - from);
                    buf.clear();
                    buf.asShortBuffer().put(values, from, n);
                    buf.limit(2 * n);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                }
            }
        }

        static void writeBytes(Path mhd, VolumeGeometry g, byte[] values) throws IOException {
            writeHeader(mhd, g, "MET_UCHAR");
            Files.write(raw(mhd), values);
        }

        private static Path raw(Path mhd) {
            String name = mhd.getFileName().toString();
            return mhd.resolveSibling(name.substring(0, name.length() - 4) + ".raw");
        }

        private static void writeHeader(Path mhd, VolumeGeometry g, String type) throws IOException {
            Vector3 r = g.rowDirection(), c = g.columnDirection(), s = g.sliceDirection(), o = g.originMm();
            String header = String.join("\n", "ObjectType = Image", "NDims = 3", "BinaryData = True",
                    "BinaryDataByteOrderMSB = False", "CompressedData = False",
                    "TransformMatrix = " + nums(r.x(), r.y(), r.z(), c.x(), c.y(), c.z(), s.x(), s.y(), s.z()),
                    "Offset = " + nums(o.x(), o.y(), o.z()), "CenterOfRotation = 0 0 0", "AnatomicalOrientation = RAI",
                    "ElementSpacing = " + nums(g.spacingXMm(), g.spacingYMm(), g.spacingZMm()),
                    "DimSize = " + g.sizeX() + " " + g.sizeY() + " " + g.sizeZ(), "ElementType = " + type,
                    "ElementDataFile = " + raw(mhd).getFileName()) + "\n";
            Files.writeString(mhd, header);
        }

        private static String nums(double... v) {
            StringBuilder b = new StringBuilder();
            for (double x : v) {
                b.append(b.isEmpty() ? "" : " ").append(x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x));
            }
            return b.toString();
        }

        static MetaImage read(Path mhd) throws IOException {
            Map<String, String> h = new LinkedHashMap<>();
            for (String line : Files.readAllLines(mhd, StandardCharsets.ISO_8859_1)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    h.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
            double[] dim = parse(h.get("DimSize")), spacing = parse(h.getOrDefault("ElementSpacing", "1 1 1"));
            double[] origin = parse(h.getOrDefault("Offset", h.getOrDefault("Position", h.getOrDefault("Origin", "0 0 0"))));
            double[] dir = parse(h.getOrDefault("TransformMatrix", h.getOrDefault("Rotation", h.getOrDefault("Orientation",
                    "1 0 0 0 1 0 0 0 1"))));
            if (h.getOrDefault("BinaryDataByteOrderMSB", h.getOrDefault("ElementByteOrderMSB", "False")).equalsIgnoreCase("True")
                    || h.getOrDefault("CompressedData", "False").equalsIgnoreCase("True")) {
                throw new IllegalArgumentException(mhd + ": only uncompressed little-endian data is supported");
            }
            VolumeGeometry g = new VolumeGeometry((int) dim[0], (int) dim[1], (int) dim[2], spacing[0], spacing[1], spacing[2],
                    new Vector3(origin[0], origin[1], origin[2]), new Vector3(dir[0], dir[1], dir[2]),
                    new Vector3(dir[3], dir[4], dir[5]), new Vector3(dir[6], dir[7], dir[8]));
            Path data = mhd.resolveSibling(h.get("ElementDataFile"));
            String type = h.get("ElementType");
            if ("MET_UCHAR".equals(type)) {
                return new MetaImage(g, null, Files.readAllBytes(data));
            }
            if (!"MET_SHORT".equals(type)) {
                throw new IllegalArgumentException(mhd + ": element type " + type + " not supported");
            }
            short[] values = new short[g.voxelCount()];
            try (FileChannel ch = FileChannel.open(data, StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocateDirect(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
                int at = 0;
                while (at < values.length) {
                    buf.clear();
                    buf.limit(Math.min(buf.capacity(), 2 * (values.length - at)));
                    while (buf.hasRemaining()) {
                        if (ch.read(buf) < 0) {
                            throw new IOException(data + ": ends after " + at + " of " + values.length + " voxels");
                        }
                    }
                    buf.flip();
                    int n = buf.remaining() / 2;
                    buf.asShortBuffer().get(values, at, n);
                    at += n;
                }
            }
            return new MetaImage(g, values, null);
        }
    }

    // ------------------------------------------------------------------------------------------------------- JSON

    /** Just enough JSON for flat maps of numbers, strings, arrays and nested maps/lists; lookup by regex. */
    static final class Json {
        static String write(Object o) {
            if (o instanceof Map<?, ?> m) {
                StringBuilder b = new StringBuilder("{");
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    b.append(b.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":").append(write(e.getValue()));
                }
                return b.append('}').toString();
            }
            if (o instanceof List<?> l) {
                StringBuilder b = new StringBuilder("[");
                for (Object x : l) {
                    b.append(b.length() > 1 ? "," : "").append(write(x));
                }
                return b.append(']').toString();
            }
            if (o instanceof double[] a) {
                StringBuilder b = new StringBuilder("[");
                for (double x : a) {
                    b.append(b.length() > 1 ? "," : "").append(x);
                }
                return b.append(']').toString();
            }
            if (o instanceof Double d && !Double.isFinite(d)) {
                return "null";
            }
            if (o instanceof String s) {
                return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
            return String.valueOf(o);
        }

        static double[] numbers(String json, String key) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\[([^\\]]*)\\]").matcher(json);
            if (!m.find()) {
                throw new IllegalArgumentException("no array " + key);
            }
            return parse(m.group(1).replace(',', ' '));
        }

        static double number(String json, String key) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":(-?[0-9.eE+-]+)").matcher(json);
            if (!m.find()) {
                throw new IllegalArgumentException("no number " + key);
            }
            return Double.parseDouble(m.group(1));
        }

        static String string(String json, String key) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\"([^\"]*)\"").matcher(json);
            return m.find() ? m.group(1) : "";
        }
    }
}
