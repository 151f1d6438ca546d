/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dose.tests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.io.DicomUids;
import org.isocenter.dicom.io.ImageSeriesReference;
import org.isocenter.dicom.io.InstanceReference;
import org.isocenter.dicom.io.RtDoseReader;
import org.isocenter.dicom.io.RtDoseWriter;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.io.StructureSetWriter;
import org.isocenter.dose.DoseMetrics;
import org.isocenter.dose.DoseVolumeHistogram;
import org.isocenter.dose.DvhCalculator;

/**
 * DVH of a CT-sized BODY, Isocenter vs dicompyler-core, on the same files and machine; driven by
 * {@code scripts/benchmark-dvh.sh}, which runs each tool as its own process under {@code /usr/bin/time -v}.
 * <ul>
 * <li>{@code generate <dir>}: an RT Structure Set with BODY, an elliptic cylinder (semi-axes 175 × 120 mm, 360-point
 * polygons) contoured on every slice of a 512×512×150 CT (0.977 mm pixels, 2.5 mm slices, z ±187.5 mm; the CT itself
 * is not written, the structure set references its would-be slices), and an RT Dose on a 2.5 mm grid over the body
 * plus 1 cm (149×105×150, 16 bit) with the analytic field {@link #dose(double, double, double)};</li>
 * <li>{@code isocenter <dir> [runs]}: reads both files and computes the DVH of BODY with {@link DvhCalculator}
 * (defaults), then {@code runs - 1} more times in the warm JVM; writes {@code isocenter-result.json};</li>
 * <li>{@code report <dir>}: the analytic truth (by quadrature along z of closed-form areas), both tools' results and
 * their {@code /usr/bin/time -v} reports: a table and one JSON line.</li>
 * </ul>
 */
public final class DvhBenchmark {

    static final PatientIdentity PATIENT = new PatientIdentity("BENCH-DVH", "BENCHMARK^DVH", "19600101", "O");
    static final String SEED = "isocenter-dvh-benchmark-v1";
    static final String FRAME = DicomUids.derived(SEED, "frame");
    static final double A = 175, B = 120;
    static final int POINTS = 360, SLICES = 150;
    static final double SLICE_MM = 2.5, PIXEL_MM = 500.0 / 512, Z0 = -(SLICES - 1) / 2.0 * SLICE_MM;
    static final double HALF_LENGTH = SLICES * SLICE_MM / 2;
    /** Field: baseline b(z) + PEAK q(z) exp(-ρ²/(2 S²)), ρ the elliptic radius x/A, y/B. */
    static final double PEAK = 68, S = 0.4, PLATEAU = 80, EDGE = 10;
    static final String RTSTRUCT = "RTSTRUCT_body.dcm", RTDOSE = "RTDOSE_body.dcm";

    private DvhBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DvhBenchmark generate|isocenter|report <dir> [runs]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "generate" -> generate(dir);
            case "isocenter" -> isocenter(dir, args.length > 2 ? Integer.parseInt(args[2]) : 1);
            case "report" -> report(dir);
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    // ---- the phantom ------------------------------------------------------------------------------------------------

    static double baseline(double z) {
        return 1 + 4 * Math.exp(-z * z / (2 * 120 * 120));
    }

    static double plateau(double z) {
        return 1 / (1 + Math.exp((Math.abs(z) - PLATEAU) / EDGE));
    }

    /** The analytic dose (Gy) at a point (LPS mm). */
    static double dose(double x, double y, double z) {
        double rho2 = (x / A) * (x / A) + (y / B) * (y / B);
        return baseline(z) + PEAK * plateau(z) * Math.exp(-rho2 / (2 * S * S));
    }

    static void generate(Path dir) throws Exception {
        Files.createDirectories(dir);
        SeriesAttributes attributes = new SeriesAttributes("20261124", "090000", "DVH1", "DVH benchmark", 1, "Isocenter");
        String study = DicomUids.derived(SEED, "study"), ctSeries = DicomUids.derived(SEED, "ct");
        List<InstanceReference> slices = new ArrayList<>();
        List<Contour> contours = new ArrayList<>();
        for (int k = 0; k < SLICES; k++) {
            double z = Z0 + k * SLICE_MM;
            slices.add(new InstanceReference(dir.resolve(String.format(Locale.ROOT, "CT_%04d.dcm", k + 1)),
                    "1.2.840.10008.5.1.4.1.1.2", DicomUids.derived(SEED, "ct", Integer.toString(k)), z));
            List<Vector3> pts = new ArrayList<>();
            for (int p = 0; p < POINTS; p++) {
                double t = 2 * Math.PI * p / POINTS;
                pts.add(new Vector3(A * Math.cos(t), B * Math.sin(t), z));
            }
            contours.add(new Contour(ContourGeometry.CLOSED_PLANAR, pts));
        }
        StructureSet set = new StructureSet("BODY", PATIENT, FRAME, ctSeries,
                List.of(new Roi(1, "BODY", new int[] { 0, 200, 0 }, "EXTERNAL", contours)));
        ImageSeriesReference ct = new ImageSeriesReference(study, ctSeries, FRAME, new Vector3(0, 0, 1), slices);
        new StructureSetWriter().write(set, ct, attributes, "BODY on a 512x512x150 CT", dir.resolve(RTSTRUCT),
                DicomUids.derived(SEED, "rtstruct-series"), DicomUids.derived(SEED, "rtstruct"));

        int nx = (int) Math.round(2 * (A + 10) / SLICE_MM) + 1, ny = (int) Math.round(2 * (B + 10) / SLICE_MM) + 1;
        VolumeGeometry g = VolumeGeometry.axial(nx, ny, SLICES, SLICE_MM, SLICE_MM, SLICE_MM,
                new Vector3(-(nx - 1) / 2.0 * SLICE_MM, -(ny - 1) / 2.0 * SLICE_MM, Z0));
        float[] d = new float[g.voxelCount()];
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    Vector3 p = g.indexToPatient(i, j, k);
                    d[g.linearIndex(i, j, k)] = (float) dose(p.x(), p.y(), p.z());
                }
            }
        }
        DoseGrid grid = new DoseGrid(g, d, "GY", "PLAN", "PHYSICAL", PATIENT, FRAME, DicomUids.derived(SEED, "plan"));
        new RtDoseWriter().write(grid, study, attributes, "analytic dose", 16, dir.resolve(RTDOSE),
                DicomUids.derived(SEED, "rtdose-series"), DicomUids.derived(SEED, "rtdose"));
        System.out.printf(Locale.ROOT, "wrote %s (BODY, %d contours of %d points) and %s (%s, max %.2f Gy)%n", RTSTRUCT,
                SLICES, POINTS, RTDOSE, g, grid.max());
    }

    // ---- Isocenter ----------------------------------------------------------------------------------------------------

    static void isocenter(Path dir, int runs) throws Exception {
        long t0 = System.nanoTime();
        StructureSet set = new StructureSetReader().read(dir.resolve(RTSTRUCT));
        long t1 = System.nanoTime();
        DoseGrid dose = new RtDoseReader().read(dir.resolve(RTDOSE));
        long t2 = System.nanoTime();
        DvhCalculator calculator = new DvhCalculator();
        DoseVolumeHistogram dvh = calculator.calculate(set, "BODY", dose, ProgressMonitor.NONE);
        long t3 = System.nanoTime();
        List<Double> warm = new ArrayList<>();
        for (int r = 1; r < runs; r++) {
            long s = System.nanoTime();
            calculator.calculate(set, "BODY", dose, ProgressMonitor.NONE);
            warm.add((System.nanoTime() - s) / 1e6);
        }
        DoseMetrics m = dvh.metrics();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("volumeCc", m.volumeCc());
        out.put("outsideDoseGridCc", m.outsideDoseGridCc());
        out.put("meanGy", m.meanDose());
        out.put("minGy", m.minDose());
        out.put("maxGy", m.maxDose());
        out.put("d98Gy", m.d98());
        out.put("d95Gy", m.d95());
        out.put("d50Gy", m.d50());
        out.put("d2Gy", m.d2());
        out.put("readStructureSetMs", (t1 - t0) / 1e6);
        out.put("readDoseMs", (t2 - t1) / 1e6);
        out.put("dvhMs", (t3 - t2) / 1e6);
        out.put("dvhWarmMs", warm.stream().mapToDouble(Double::doubleValue).toArray());
        out.put("samples", (double) dvh.sampleCount());
        out.put("stepMm", dvh.inPlaneStepMm());
        out.put("threads", (double) calculator.threads());
        String json = Json.of(out);
        Files.writeString(dir.resolve("isocenter-result.json"), json + "\n");
        System.out.println(json);
    }

    // ---- truth and report ---------------------------------------------------------------------------------------------

    /** The continuous elliptic cylinder's cumulative DVH: volume (cc) receiving at least {@code d} Gy. */
    static double truthVolumeAtLeastCc(double d) {
        double area = Math.PI * A * B;
        return simpsonZ(z -> {
            double b = baseline(z), top = PEAK * plateau(z);
            if (d <= b) {
                return area;
            }
            if (d - b >= top) {
                return 0;
            }
            return area * Math.min(1, 2 * S * S * Math.log(top / (d - b)));
        }) / 1000;
    }

    static double truthMeanGy() {
        double disk = 2 * S * S * (1 - Math.exp(-1 / (2 * S * S))); // mean of exp(-ρ²/2S²) over the unit disk
        return simpsonZ(z -> baseline(z) + PEAK * plateau(z) * disk) / (2 * HALF_LENGTH);
    }

    static double truthDoseAtPercent(double percent) {
        double target = percent / 100 * Math.PI * A * B * 2 * HALF_LENGTH / 1000, lo = 0, hi = PEAK + 6;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (truthVolumeAtLeastCc(mid) >= target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    static double simpsonZ(java.util.function.DoubleUnaryOperator f) {
        int n = 7500; // 0.05 mm
        double a = -HALF_LENGTH, h = 2 * HALF_LENGTH / n, sum = f.applyAsDouble(a) + f.applyAsDouble(-a);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }

    static void report(Path dir) throws IOException {
        double ellipse = Math.PI * A * B * 2 * HALF_LENGTH / 1000;
        double polygon = POINTS / 2.0 * A * B * Math.sin(2 * Math.PI / POINTS) * 2 * HALF_LENGTH / 1000;
        Map<String, Double> truth = new LinkedHashMap<>();
        truth.put("volumeCc", ellipse);
        truth.put("meanGy", truthMeanGy());
        truth.put("d98Gy", truthDoseAtPercent(98));
        truth.put("d95Gy", truthDoseAtPercent(95));
        truth.put("d50Gy", truthDoseAtPercent(50));
        truth.put("d2Gy", truthDoseAtPercent(2));

        String iso = read(dir.resolve("isocenter-result.json")), dpc = read(dir.resolve("dicompyler-result.json"));
        double[] isoTime = time(dir.resolve("isocenter.time")), dpcTime = time(dir.resolve("dicompyler.time"));
        System.out.printf(Locale.ROOT, "# DVH of BODY (elliptic cylinder %.0f x %.0f mm, %d slices of %.1f mm, %d-point "
                + "contours), 2.5 mm RT Dose; %s%n", 2 * A, 2 * B, SLICES, SLICE_MM, POINTS, machine());
        System.out.printf(Locale.ROOT, "%-22s %10s %10s %10s %10s %10s %10s %10s%n", "", "volume cc", "Dmean Gy",
                "D98 Gy", "D95 Gy", "D50 Gy", "D2 Gy", "wall s");
        System.out.printf(Locale.ROOT, "%-22s %10.2f %10.4f %10.4f %10.4f %10.4f %10.4f %10s%n", "analytic truth",
                ellipse, truth.get("meanGy"), truth.get("d98Gy"), truth.get("d95Gy"), truth.get("d50Gy"), truth.get("d2Gy"),
                "");
        System.out.printf(Locale.ROOT, "%-22s %10.2f %10s%n", "contoured (360-gons)", polygon, "");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("truth", truth);
        json.put("contouredVolumeCc", polygon);
        for (String[] tool : new String[][] { { "isocenter", iso }, { "dicompyler-core", dpc } }) {
            String t = tool[1];
            double[] wall = tool[0].equals("isocenter") ? isoTime : dpcTime;
            if (t.isEmpty()) {
                System.out.printf("%-22s (no result)%n", tool[0]);
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            for (String key : truth.keySet()) {
                double v = Json.number(t, key);
                r.put(key, v);
                r.put(key + "ErrorPercent", 100 * (v - truth.get(key)) / truth.get(key));
            }
            r.put("wallS", wall[0]);
            r.put("cpuS", wall[3]);
            r.put("maxRssMiB", wall[1] / 1024);
            json.put(tool[0], r);
            System.out.printf(Locale.ROOT, "%-22s %10.2f %10.4f %10.4f %10.4f %10.4f %10.4f %10.2f%n", tool[0],
                    Json.number(t, "volumeCc"), Json.number(t, "meanGy"), Json.number(t, "d98Gy"), Json.number(t, "d95Gy"),
                    Json.number(t, "d50Gy"), Json.number(t, "d2Gy"), wall[0]);
            System.out.printf(Locale.ROOT, "%-22s %+9.3f%% %+9.3f%% %+9.3f%% %+9.3f%% %+9.3f%% %+9.3f%%   (CPU %.2f s, "
                    + "peak RSS %.0f MiB)%n", "  vs truth", 100 * (Json.number(t, "volumeCc") / ellipse - 1),
                    100 * (Json.number(t, "meanGy") / truth.get("meanGy") - 1),
                    100 * (Json.number(t, "d98Gy") / truth.get("d98Gy") - 1),
                    100 * (Json.number(t, "d95Gy") / truth.get("d95Gy") - 1),
                    100 * (Json.number(t, "d50Gy") / truth.get("d50Gy") - 1),
                    100 * (Json.number(t, "d2Gy") / truth.get("d2Gy") - 1), wall[3], wall[1] / 1024);
        }
        if (!iso.isEmpty()) {
            System.out.printf(Locale.ROOT, "isocenter inside its JVM: read RTSTRUCT %.0f ms, RTDOSE %.0f ms, DVH %.0f ms "
                    + "(first), warm %s ms; %.0f samples of %.3f mm on %.0f threads%n", Json.number(iso, "readStructureSetMs"),
                    Json.number(iso, "readDoseMs"), Json.number(iso, "dvhMs"), Json.array(iso, "dvhWarmMs"),
                    Json.number(iso, "samples"), Json.number(iso, "stepMm"), Json.number(iso, "threads"));
        }
        if (!dpc.isEmpty()) {
            System.out.printf(Locale.ROOT, "dicompyler-core inside its process: import %.0f ms, get_dvh %.0f ms%n",
                    Json.number(dpc, "importMs"), Json.number(dpc, "dvhMs"));
        }
        if (!iso.isEmpty() && !dpc.isEmpty()) {
            // files to DVH inside the running program: Isocenter's reads + DVH, dicompyler-core's get_dvh (which reads
            // both files itself); without the runtime's start (JVM) and the library import (Python)
            double isoS = (Json.number(iso, "readStructureSetMs") + Json.number(iso, "readDoseMs")
                    + Json.number(iso, "dvhMs")) / 1000;
            double dpcS = Json.number(dpc, "dvhMs") / 1000;
            json.put("filesToDvhIsocenterS", isoS);
            json.put("filesToDvhDicompylerS", dpcS);
            json.put("filesToDvhRatioDicompylerOverIsocenter", dpcS / isoS);
            System.out.printf(Locale.ROOT, "files to DVH inside the process (target <= 2 s): Isocenter %.2f s (%s), "
                    + "dicompyler-core get_dvh %.2f s: ratio %.2f%n", isoS, isoS <= 2 ? "met" : "missed", dpcS, dpcS / isoS);
            double ratio = dpcTime[0] / isoTime[0];
            json.put("wallRatioDicompylerOverIsocenter", ratio);
            System.out.printf(Locale.ROOT, "whole process wall (with JVM start / Python imports): Isocenter %.2f s, "
                    + "dicompyler-core %.2f s: ratio %.2f%n", isoTime[0], dpcTime[0], ratio);
        }
        System.out.println(Json.of(json));
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
    }

    /** Wall seconds, peak RSS (KiB), exit status and CPU seconds (user + system) from {@code /usr/bin/time -v}. */
    static double[] time(Path file) throws IOException {
        double[] out = new double[4];
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file)) {
            String l = line.strip(), v = l.substring(l.lastIndexOf(": ") + 2).strip();
            if (l.startsWith("Elapsed (wall clock) time")) {
                double seconds = 0;
                for (String part : v.split(":")) {
                    seconds = seconds * 60 + Double.parseDouble(part);
                }
                out[0] = seconds;
            } else if (l.startsWith("Maximum resident set size")) {
                out[1] = Double.parseDouble(v);
            } else if (l.startsWith("Exit status")) {
                out[2] = Double.parseDouble(v);
            } else if (l.startsWith("User time") || l.startsWith("System time")) {
                out[3] += Double.parseDouble(v);
            }
        }
        return out;
    }

    static String machine() {
        return String.format(Locale.ROOT, "%d cores, Java %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }

    /** Just enough JSON for flat result files. */
    static final class Json {
        private Json() {
        }

        static String of(Object o) {
            if (o instanceof Map<?, ?> m) {
                StringBuilder b = new StringBuilder("{");
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    b.append(b.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":").append(of(e.getValue()));
                }
                return b.append('}').toString();
            }
            if (o instanceof double[] a) {
                StringBuilder b = new StringBuilder("[");
                for (double x : a) {
                    b.append(b.length() > 1 ? "," : "").append(of(x));
                }
                return b.append(']').toString();
            }
            if (o instanceof Double d) {
                return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "null";
            }
            if (o instanceof String s) {
                return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
            return String.valueOf(o);
        }

        static double number(String json, String key) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*(-?[0-9.eE+-]+)").matcher(json);
            if (!m.find()) {
                throw new IllegalArgumentException("no number " + key + " in " + json);
            }
            return Double.parseDouble(m.group(1));
        }

        static String array(String json, String key) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*\\[([^\\]]*)\\]").matcher(json);
            return m.find() ? "[" + m.group(1) + "]" : "[]";
        }
    }
}
