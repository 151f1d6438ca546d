/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.patient.TableTopAxes;

/**
 * The stored fraction records: every IGRT decision (accepted or rejected match) appended as one tab-separated line
 * to {@value #FILE_NAME} beside the patient's daily images (the log is saved atomically: a failed save keeps the
 * previous one), with the couch correction in IEC 61217 table-top terms
 * (mm, degrees). Accepted decisions become the population data of a margin policy: the set-up error of a fraction
 * is the anatomy's displacement the correction undoes, {@code -correction} expressed in patient axes (LR = x,
 * AP = y, SI = z of DICOM LPS), numbered per patient in time order.
 */
public final class FractionLog {

    public static final String FILE_NAME = "igrt-decisions.log";
    static final String HEADER = String.join("\t", "time", "user", "decision", "patientId", "dailySeriesUid",
            "patientPosition", "lateralMm", "longitudinalMm", "verticalMm", "pitchDeg", "rollDeg", "yawDeg", "status",
            "match", "registrationFile");

    /** One decision on one daily image. */
    public record Entry(LocalDateTime time, String user, String decision, String patientId, String dailySeriesUid,
            PatientPosition position, double lateralMm, double longitudinalMm, double verticalMm, double pitchDeg,
            double rollDeg, double yawDeg, String status, String match, String registrationFile) {

        public boolean accepted() {
            return decision.equals("ACCEPTED");
        }

        /** The set-up error this correction undoes, in patient axes (mm): LR = x, AP = y, SI = z of LPS. */
        public AxisValues setupErrorMm() {
            Vector3 lps = TableTopAxes.of(position).toLps(new Vector3(lateralMm, longitudinalMm, verticalMm));
            return new AxisValues(-lps.x(), -lps.y(), -lps.z());
        }
    }

    private FractionLog() {
    }

    /** Appends one decision to the log in {@code folder} (a new log starts with its header line). */
    public static void append(Path folder, Entry e) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        StringBuilder line = new StringBuilder();
        if (Files.exists(file)) {
            line.append(Files.readString(file, StandardCharsets.UTF_8));
        } else {
            line.append(HEADER).append(System.lineSeparator());
        }
        line.append(String.join("\t", e.time().toString(), clean(e.user()), e.decision(), clean(e.patientId()),
                e.dailySeriesUid(), e.position().name(), num(e.lateralMm()), num(e.longitudinalMm()), num(e.verticalMm()),
                num(e.pitchDeg()), num(e.rollDeg()), num(e.yawDeg()), e.status(), clean(e.match()),
                clean(e.registrationFile()))).append(System.lineSeparator());
        // the whole log is rewritten atomically and read back: a failed save leaves the previous log intact
        int expected = parse(file, line.toString().lines().toList()).size();
        org.isocenter.core.io.AtomicFiles.replace(file, t -> Files.writeString(t, line, StandardCharsets.UTF_8), t -> {
            if (read(t).size() != expected) {
                throw new IOException("the saved log does not read back with " + expected + " entries");
            }
        });
    }

    /** Whether the file starts with this log's header line (a look at its first line only). */
    public static boolean recognises(Path file) throws IOException {
        try (java.io.BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return HEADER.equals(r.readLine());
        } catch (java.nio.charset.MalformedInputException e) {
            return false; // not UTF-8 text: another format
        }
    }

    /** Reads one log; a malformed line fails with the file and line number. */
    public static List<Entry> read(Path file) throws IOException {
        return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static List<Entry> parse(Path file, List<String> lines) throws IOException {
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ": not an Isocenter fraction log (the first line must be the header: "
                    + HEADER.replace('\t', ' ') + ")");
        }
        List<Entry> out = new ArrayList<>();
        for (int n = 2; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length != 15) {
                throw new IOException(file + " line " + n + ": " + c.length + " fields, expected 15");
            }
            try {
                out.add(new Entry(LocalDateTime.parse(c[0]), c[1], c[2], c[3], c[4], PatientPosition.valueOf(c[5]),
                        Double.parseDouble(c[6]), Double.parseDouble(c[7]), Double.parseDouble(c[8]),
                        Double.parseDouble(c[9]), Double.parseDouble(c[10]), Double.parseDouble(c[11]), c[12], c[13], c[14]));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IOException(file + " line " + n + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Every {@value #FILE_NAME} under {@code root} (a log file itself, or a folder searched recursively). */
    public static List<Entry> readAll(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return read(root);
        }
        List<Path> logs;
        try (Stream<Path> s = Files.walk(root)) {
            logs = s.filter(p -> p.getFileName().toString().equals(FILE_NAME)).sorted().toList();
        }
        if (logs.isEmpty()) {
            throw new IOException("no " + FILE_NAME + " under " + root);
        }
        List<Entry> all = new ArrayList<>();
        for (Path log : logs) {
            all.addAll(read(log));
        }
        return all;
    }

    /**
     * The accepted decisions as fraction shifts for population statistics: per patient in time order, fraction 1,
     * 2, ...; a daily image accepted more than once counts once, with its latest decision.
     */
    public static List<ShiftRecord> shifts(List<Entry> entries) {
        Map<String, Entry> latest = new LinkedHashMap<>();
        entries.stream().filter(Entry::accepted).sorted(Comparator.comparing(Entry::time))
                .forEach(e -> latest.put(e.patientId() + "\u0000" + e.dailySeriesUid(), e));
        Map<String, Integer> fractionOf = new LinkedHashMap<>();
        List<ShiftRecord> out = new ArrayList<>();
        latest.values().stream().sorted(Comparator.comparing(Entry::time)).forEach(e -> {
            int fraction = fractionOf.merge(e.patientId(), 1, Integer::sum);
            out.add(new ShiftRecord(e.patientId(), fraction, e.setupErrorMm()));
        });
        return out;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
