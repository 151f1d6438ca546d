/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads set-up shifts per imaged fraction, in patient axes and mm: LR = x, AP = y, SI = z of DICOM LPS (the set-up
 * error, positive towards the patient's left, posterior and superior). The columns are found by name (any order,
 * case-insensitive, extra columns ignored) with the synonyms of R&V exports and spreadsheets: {@code patient}
 * ({@code patient_id}, {@code patient id}, {@code mrn}), {@code fraction} ({@code fx}, {@code session},
 * {@code fraction_number}), {@code lr} ({@code x}, {@code left-right}), {@code ap} ({@code y},
 * {@code anterior-posterior}), {@code si} ({@code z}, {@code superior-inferior}, {@code cc}, {@code craniocaudal}),
 * each optionally with a unit ({@code lr_mm}, {@code LR (cm)}: centimetres are converted). Names of the opposite
 * direction ({@code rl}, {@code pa}, {@code is}) and couch axes ({@code lat}, {@code vert}, {@code lng}: IEC 61217
 * table-top axes, whose signs depend on the patient position) are refused with the reason, never guessed. Comma,
 * semicolon or tab separated; {@code #} starts a comment line. An Isocenter decision log
 * ({@value FractionLog#FILE_NAME}) is recognised and its accepted decisions are read. {@link Table#columns} says
 * which column was taken as what.
 */
public final class ShiftCsv {

    /** The shifts and, per quantity (patient, fraction, lr, ap, si), the column it was read from. */
    public record Table(List<ShiftRecord> shifts, Map<String, String> columns) {
        public Table {
            shifts = List.copyOf(shifts);
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }
    }

    private static final List<String> QUANTITIES = List.of("patient", "fraction", "lr", "ap", "si");
    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "patient", List.of("patient", "patientid", "patient_id", "patient id", "patient-id", "mrn",
                    "patient number", "patient_number", "pat_id", "patid"),
            "fraction", List.of("fraction", "fx", "fraction_number", "fraction number", "fraction_no", "fraction no",
                    "fractionnumber", "fraction #", "session", "session_number", "treatment fraction"),
            "lr", List.of("lr", "x", "left-right", "left_right", "leftright", "left right", "dx", "shift_lr", "lr shift"),
            "ap", List.of("ap", "y", "anterior-posterior", "anterior_posterior", "anteroposterior", "anterior posterior",
                    "dy", "shift_ap", "ap shift"),
            "si", List.of("si", "z", "superior-inferior", "superior_inferior", "superior inferior", "cc", "craniocaudal",
                    "cranio-caudal", "cranio_caudal", "dz", "shift_si", "si shift"));
    private static final Map<String, String> REFUSED = Map.of(
            "rl", "names the left-right axis in the opposite direction (positive to the right)",
            "pa", "names the anterior-posterior axis in the opposite direction (positive anterior)",
            "is", "names the superior-inferior axis in the opposite direction (positive inferior)",
            "lat", "is a couch axis (IEC 61217 table-top), whose sign in patient axes depends on the patient position",
            "lateral", "is a couch axis (IEC 61217 table-top), whose sign in patient axes depends on the patient position",
            "vert", "is a couch axis (IEC 61217 table-top), whose sign in patient axes depends on the patient position",
            "vertical", "is a couch axis (IEC 61217 table-top), whose sign in patient axes depends on the patient position",
            "lng", "is a couch axis (IEC 61217 table-top), whose sign in patient axes depends on the patient position",
            "long", "is a couch axis (IEC 61217 table-top), whose sign in patient axes depends on the patient position",
            "longitudinal", "is a couch axis (IEC 61217 table-top), whose sign in patient axes depends on the patient "
                    + "position");

    private ShiftCsv() {
    }

    /** The shifts of a file (see {@link #readTable}). */
    public static List<ShiftRecord> read(Path file) throws IOException {
        return readTable(file).shifts();
    }

    /** Reads a shifts table or an Isocenter decision log; errors name the file, the line and the column. */
    public static Table readTable(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).equals(FractionLog.HEADER)) {
            Map<String, String> columns = new LinkedHashMap<>();
            columns.put("source", "Isocenter decision log: accepted decisions, set-up error = -correction in patient "
                    + "axes");
            return new Table(FractionLog.shifts(FractionLog.read(file)), columns);
        }
        int[] column = null;
        double[] scale = null;
        Map<String, String> columns = new LinkedHashMap<>();
        List<ShiftRecord> out = new ArrayList<>();
        String separator = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (separator == null) {
                separator = line.contains("\t") ? "\t" : line.contains(";") ? ";" : ",";
            }
            String[] cells = line.split(separator, -1);
            if (column == null) {
                column = new int[QUANTITIES.size()];
                scale = new double[QUANTITIES.size()];
                header(file, cells, column, scale, columns);
                continue;
            }
            String patient = cell(file, n, cells, column[0], "patient");
            if (patient.isBlank()) {
                throw new IOException(file + " line " + (n + 1) + ": empty patient");
            }
            double fraction = number(file, n, cells, column[1], "fraction");
            if (fraction != Math.rint(fraction) || fraction < 0) {
                throw new IOException(file + " line " + (n + 1) + ": fraction '" + cells[column[1]].strip()
                        + "' is not a fraction number");
            }
            out.add(new ShiftRecord(patient, (int) fraction, new AxisValues(
                    scale[2] * number(file, n, cells, column[2], "lr"), scale[3] * number(file, n, cells, column[3], "ap"),
                    scale[4] * number(file, n, cells, column[4], "si"))));
        }
        if (column == null) {
            throw new IOException(file + ": empty file, no header");
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no shift rows after the header");
        }
        return new Table(out, columns);
    }

    private static void header(Path file, String[] cells, int[] column, double[] scale, Map<String, String> columns)
            throws IOException {
        java.util.Arrays.fill(column, -1);
        List<String> refused = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            String original = cells[c].strip();
            String[] nameAndUnit = nameAndUnit(original.toLowerCase(Locale.ROOT));
            String name = nameAndUnit[0];
            if (REFUSED.containsKey(name)) {
                refused.add("'" + original + "' " + REFUSED.get(name));
                continue;
            }
            for (int q = 0; q < QUANTITIES.size(); q++) {
                String quantity = QUANTITIES.get(q);
                if (!SYNONYMS.get(quantity).contains(name)) {
                    continue;
                }
                if (column[q] >= 0) {
                    throw new IOException(file + ": columns '" + cells[column[q]].strip() + "' and '" + original
                            + "' both name " + quantity + "; keep one");
                }
                String unit = nameAndUnit[1];
                if (q >= 2) {
                    scale[q] = switch (unit) {
                        case "", "mm" -> 1;
                        case "cm" -> 10;
                        default -> throw new IOException(file + ": column '" + original + "' is in '" + unit
                                + "'; shifts must be in mm or cm");
                    };
                }
                column[q] = c;
                columns.put(quantity, original + (q >= 2 ? (scale[q] == 10 ? " (cm, converted to mm)" : " (mm)") : ""));
            }
        }
        List<String> missing = new ArrayList<>();
        for (int q = 0; q < QUANTITIES.size(); q++) {
            if (column[q] < 0) {
                missing.add(QUANTITIES.get(q));
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(file + ": header misses column(s) " + String.join(", ", missing)
                    + " (needs patient, fraction, lr, ap, si in patient axes, mm; synonyms such as patient_id, fx, lr_mm "
                    + "are accepted)" + (refused.isEmpty() ? "" : "; not taken: " + String.join("; ", refused)));
        }
    }

    /** "lr_mm" -> [lr, mm]; "LR (cm)" -> [lr, cm]; "si [mm]" -> [si, mm]. */
    private static String[] nameAndUnit(String header) {
        String h = header.replace('"', ' ').strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*?)[\\s_]*[(\\[]\\s*([a-z]+)\\s*[)\\]]$").matcher(h);
        if (m.matches()) {
            return new String[] { m.group(1).strip(), m.group(2) };
        }
        m = java.util.regex.Pattern.compile("^(.*?)[\\s_](mm|cm)$").matcher(h);
        if (m.matches()) {
            return new String[] { m.group(1).strip(), m.group(2) };
        }
        return new String[] { h, "" };
    }

    private static String cell(Path file, int n, String[] cells, int index, String name) throws IOException {
        if (index >= cells.length) {
            throw new IOException(file + " line " + (n + 1) + ": no value in column '" + name + "'");
        }
        return cells[index].strip();
    }

    private static double number(Path file, int n, String[] cells, int index, String name) throws IOException {
        String v = cell(file, n, cells, index, name);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IOException(file + " line " + (n + 1) + ": column '" + name + "' is not a number: '" + v + "'");
        }
    }
}
