package org.isocenter.margin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads set-up shifts from CSV: a header naming the columns {@code patient}, {@code fraction}, {@code lr},
 * {@code ap}, {@code si} (any order, case-insensitive; extra columns ignored), then one row per imaged
 * fraction, shifts in mm. Comma or semicolon separated; {@code #} starts a comment line. Errors name the file,
 * the line and the column.
 */
public final class ShiftCsv {

    private static final List<String> REQUIRED = List.of("patient", "fraction", "lr", "ap", "si");

    private ShiftCsv() {
    }

    public static List<ShiftRecord> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int[] column = null;
        List<ShiftRecord> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(line.contains(";") ? ";" : ",", -1);
            if (column == null) {
                List<String> header = Arrays.stream(cells).map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
                column = new int[REQUIRED.size()];
                List<String> missing = new ArrayList<>();
                for (int i = 0; i < REQUIRED.size(); i++) {
                    column[i] = header.indexOf(REQUIRED.get(i));
                    if (column[i] < 0) {
                        missing.add(REQUIRED.get(i));
                    }
                }
                if (!missing.isEmpty()) {
                    throw new IOException(file + ": header misses column(s) " + String.join(", ", missing)
                            + " (needs patient, fraction, lr, ap, si in mm)");
                }
                continue;
            }
            String patient = cell(file, n, cells, column[0], "patient");
            if (patient.isBlank()) {
                throw new IOException(file + " line " + (n + 1) + ": empty patient");
            }
            int fraction = (int) number(file, n, cells, column[1], "fraction");
            out.add(new ShiftRecord(patient, fraction, new AxisValues(number(file, n, cells, column[2], "lr"),
                    number(file, n, cells, column[3], "ap"), number(file, n, cells, column[4], "si"))));
        }
        if (column == null) {
            throw new IOException(file + ": empty file, no header");
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no shift rows after the header");
        }
        return out;
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
