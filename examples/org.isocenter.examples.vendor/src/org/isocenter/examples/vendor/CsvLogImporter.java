/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.examples.vendor;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.isocenter.core.patient.PatientPosition;
import org.isocenter.margin.FractionLog;
import org.isocenter.margin.FractionLogImporter;
import org.osgi.service.component.annotations.Component;

/**
 * An example vendor importer: the set-up log a (fictitious) treatment console exports as CSV, with the table-top
 * corrections in <em>centimetres</em> (IEC 61217 lateral, longitudinal, vertical) and rotations in degrees, one line per
 * imaged fraction and the console's action (APPLIED, SKIPPED, REPEAT). It converts cm to mm and the actions to
 * Isocenter's decisions (accepted, rejected, re-image). A line it cannot read refuses the whole file, naming the line.
 */
@Component(service = FractionLogImporter.class, property = FractionLogImporter.ID_PROPERTY + "=" + CsvLogImporter.ID)
public final class CsvLogImporter implements FractionLogImporter {

    /** This importer's id. */
    public static final String ID = "example.console-csv";
    /** The header line the console writes. */
    public static final String HEADER = "date,time,patient_id,series_uid,position,lat_cm,long_cm,vert_cm,pitch_deg,"
            + "roll_deg,yaw_deg,action,operator";

    private static final Map<String, String> DECISIONS = Map.of("APPLIED", "ACCEPTED", "SKIPPED", "REJECTED",
            "REPEAT", "REIMAGE");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Example console set-up CSV (cm)";
    }

    @Override
    public boolean recognises(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return HEADER.equals(r.readLine());
        } catch (MalformedInputException e) {
            return false;
        }
    }

    @Override
    public List<FractionLog.Entry> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ": not a console set-up CSV (the first line must be " + HEADER + ")");
        }
        List<FractionLog.Entry> out = new ArrayList<>();
        for (int n = 2; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split(",", -1);
            if (c.length != 13) {
                throw new IOException(file + " line " + n + ": " + c.length + " fields, expected 13");
            }
            String decision = DECISIONS.get(c[11].strip());
            if (decision == null) {
                throw new IOException(file + " line " + n + ": unknown action '" + c[11] + "' (APPLIED, SKIPPED, REPEAT)");
            }
            try {
                out.add(new FractionLog.Entry(LocalDate.parse(c[0].strip()).atTime(LocalTime.parse(c[1].strip())),
                        c[12].strip(), decision, c[2].strip(), c[3].strip(), PatientPosition.valueOf(c[4].strip()),
                        cm(c[5]), cm(c[6]), cm(c[7]), number(c[8]), number(c[9]), number(c[10]), c[11].strip(), "console",
                        ""));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IOException(file + " line " + n + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** A length in cm as mm. */
    private static double cm(String text) {
        return number(text) * 10;
    }

    private static double number(String text) {
        double v = Double.parseDouble(text.strip());
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("'" + text + "' is not a finite number");
        }
        return v;
    }
}
