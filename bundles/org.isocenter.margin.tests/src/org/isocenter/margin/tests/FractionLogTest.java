/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.isocenter.core.patient.PatientPosition;
import org.isocenter.margin.AxisValues;
import org.isocenter.margin.FractionLog;
import org.isocenter.margin.PopulationStatistics;
import org.isocenter.margin.ShiftRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench's fraction log as population data: couch corrections (IEC table top) turned back into set-up
 * errors in patient axes for each patient position (the hand-worked cases of docs/couch-corrections.md), fractions
 * numbered in time order, re-accepted images counted once, rejected ones left out, bad lines named.
 */
class FractionLogTest {

    @TempDir
    Path tmp;

    private static FractionLog.Entry entry(int minute, String decision, String patient, String series,
            PatientPosition position, double lat, double lon, double vert) {
        return new FractionLog.Entry(LocalDateTime.of(2026, 11, 2, 8, 0).plusMinutes(minute), "rtt", decision, patient,
                series, position, lat, lon, vert, 0, 0, 0, "APPLY", "bone", "REG_x.dcm");
    }

    @Test
    void correctionsBecomeSetupErrorsInPatientAxes() throws IOException {
        // anatomy moved +2 mm left, +3 mm posterior, +4 mm superior: the table corrections per position
        FractionLog.append(tmp, entry(0, "ACCEPTED", "P1", "s1", PatientPosition.HFS, -2, -4, 3));
        FractionLog.append(tmp, entry(1, "ACCEPTED", "P2", "s2", PatientPosition.HFP, 2, -4, -3));
        FractionLog.append(tmp, entry(2, "ACCEPTED", "P3", "s3", PatientPosition.FFS, 2, 4, 3));
        FractionLog.append(tmp, entry(3, "ACCEPTED", "P4", "s4", PatientPosition.FFP, -2, 4, -3));
        List<FractionLog.Entry> read = FractionLog.read(tmp.resolve(FractionLog.FILE_NAME));
        assertEquals(4, read.size());
        for (FractionLog.Entry e : read) {
            AxisValues error = e.setupErrorMm();
            assertEquals(2, error.lr(), 1e-9, e.position().name());
            assertEquals(3, error.ap(), 1e-9, e.position().name());
            assertEquals(4, error.si(), 1e-9, e.position().name());
        }
    }

    @Test
    void acceptedDecisionsAreNumberedFractionsForPopulationStatistics() throws IOException {
        Path a = tmp.resolve("patientA"), b = tmp.resolve("patientB");
        Files.createDirectories(a);
        Files.createDirectories(b);
        // patient A: HFS, set-up errors LR 1, 3, 2 mm (corrections lateral -1, -3, -2); a re-accepted image and a reject
        FractionLog.append(a, entry(0, "ACCEPTED", "A", "a1", PatientPosition.HFS, -1, 0, 0));
        FractionLog.append(a, entry(10, "REJECTED", "A", "a2", PatientPosition.HFS, -9, 0, 0));
        FractionLog.append(a, entry(11, "ACCEPTED", "A", "a2", PatientPosition.HFS, -5, 0, 0));
        FractionLog.append(a, entry(12, "ACCEPTED", "A", "a2", PatientPosition.HFS, -3, 0, 0)); // the latest counts
        FractionLog.append(a, entry(20, "ACCEPTED", "A", "a3", PatientPosition.HFS, -2, 0, 0));
        // patient B: errors LR -1, -1 mm
        FractionLog.append(b, entry(5, "ACCEPTED", "B", "b1", PatientPosition.HFS, 1, 0, 0));
        FractionLog.append(b, entry(25, "ACCEPTED", "B", "b2", PatientPosition.HFS, 1, 0, 0));
        List<ShiftRecord> shifts = FractionLog.shifts(FractionLog.readAll(tmp));
        assertEquals(5, shifts.size());
        assertEquals(List.of(1, 2, 3), shifts.stream().filter(s -> s.patientId().equals("A")).map(ShiftRecord::fraction).toList());
        assertEquals(List.of(1.0, 3.0, 2.0), shifts.stream().filter(s -> s.patientId().equals("A")).map(s -> s.shiftMm().lr()).toList());
        PopulationStatistics stats = PopulationStatistics.of(shifts);
        // patient means 2 and -1: M = 0.5, Σ = SD(2, -1) = 2.1213; patient SDs 1 and 0: σ = RMS = 0.7071
        assertEquals(0.5, stats.groupMean().lr(), 1e-9);
        assertEquals(Math.sqrt(4.5), stats.systematic().lr(), 1e-9);
        assertEquals(Math.sqrt(0.5), stats.random().lr(), 1e-9);
    }

    @Test
    void badLogsAreNamedWithTheLine() throws IOException {
        FractionLog.append(tmp, entry(0, "ACCEPTED", "A", "a1", PatientPosition.HFS, -1, 0, 0));
        Path log = tmp.resolve(FractionLog.FILE_NAME);
        Files.writeString(log, Files.readString(log) + "2026-11-02T09:00\trtt\tACCEPTED\tA\ta2\tHFS\tfar\t0\t0\t0\t0\t0\tAPPLY\tbone\t\n");
        IOException e = assertThrows(IOException.class, () -> FractionLog.read(log));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        Path other = tmp.resolve("other.log");
        Files.writeString(other, "time,user\n");
        assertTrue(assertThrows(IOException.class, () -> FractionLog.read(other)).getMessage().contains("not an Isocenter"));
        assertThrows(IOException.class, () -> FractionLog.readAll(tmp.resolve("empty-dir-missing")));
    }
}
