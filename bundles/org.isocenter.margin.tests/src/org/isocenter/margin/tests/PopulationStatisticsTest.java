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
import java.util.List;

import org.isocenter.margin.AxisValues;
import org.isocenter.margin.PopulationStatistics;
import org.isocenter.margin.ShiftCsv;
import org.isocenter.margin.ShiftRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group mean, Σ and σ against a dataset computed by hand; CSV errors name line and column. */
class PopulationStatisticsTest {

    @TempDir
    Path tmp;

    static final String CSV = """
            # patient shifts in mm
            patient,fraction,lr,ap,si
            P1,1,1,2,5
            P1,2,2,4,5
            P1,3,3,6,5
            P2,1,4,8,5
            P2,2,4,8,5
            P2,3,4,8,5
            P3,1,-1,-2,5
            P3,2,0,0,5
            P3,3,1,2,5
            """;

    @Test
    void handComputedDataset() throws Exception {
        Path f = Files.writeString(tmp.resolve("shifts.csv"), CSV);
        List<ShiftRecord> shifts = ShiftCsv.read(f);
        assertEquals(9, shifts.size());
        PopulationStatistics s = PopulationStatistics.of(shifts);
        // LR: patient means 2, 4, 0 -> M = 2, Σ = sqrt((0 + 4 + 4) / 2) = 2; variances 1, 0, 1 -> σ = sqrt(2/3)
        assertEquals(3, s.patients());
        assertEquals(2.0, s.groupMean().lr(), 1e-12);
        assertEquals(2.0, s.systematic().lr(), 1e-12);
        assertEquals(Math.sqrt(2.0 / 3), s.random().lr(), 1e-12);
        // AP is twice LR; SI is constant: M = 5, Σ = σ = 0
        assertEquals(4.0, s.systematic().ap(), 1e-12);
        assertEquals(2 * Math.sqrt(2.0 / 3), s.random().ap(), 1e-12);
        assertEquals(5.0, s.groupMean().si(), 1e-12);
        assertEquals(0.0, s.systematic().si(), 1e-12);
        // 95% interval of Σ with 2 degrees of freedom, from chi-square table values 7.377759 and 0.050636
        assertEquals(2 * Math.sqrt(2 / 7.377759), s.systematicLow95().lr(), 1e-5);
        assertEquals(2 * Math.sqrt(2 / 0.0506356), s.systematicHigh95().lr(), 1e-3);
        // σ with 6 degrees of freedom: chi-square 14.449375 and 1.237344
        assertEquals(Math.sqrt(2.0 / 3) * Math.sqrt(6 / 14.449375), s.randomLow95().lr(), 1e-5);
        assertEquals(Math.sqrt(2.0 / 3) * Math.sqrt(6 / 1.237344), s.randomHigh95().lr(), 1e-5);
    }

    @Test
    void badCsvGivesClearErrors() throws Exception {
        IOException missing = assertThrows(IOException.class,
                () -> ShiftCsv.read(Files.writeString(tmp.resolve("a.csv"), "patient,fraction,lr,ap\nP1,1,0,0\n")));
        assertTrue(missing.getMessage().contains("si"), missing.getMessage());
        IOException notNumber = assertThrows(IOException.class,
                () -> ShiftCsv.read(Files.writeString(tmp.resolve("b.csv"), "patient,fraction,lr,ap,si\nP1,1,0,abc,0\n")));
        assertTrue(notNumber.getMessage().contains("line 2") && notNumber.getMessage().contains("'ap'")
                && notNumber.getMessage().contains("abc"), notNumber.getMessage());
        IOException empty = assertThrows(IOException.class, () -> ShiftCsv.read(Files.writeString(tmp.resolve("c.csv"), "")));
        assertTrue(empty.getMessage().contains("c.csv"), empty.getMessage());
        IllegalArgumentException oneFraction = assertThrows(IllegalArgumentException.class,
                () -> PopulationStatistics.of(List.of(new ShiftRecord("P1", 1, AxisValues.ZERO),
                        new ShiftRecord("P1", 2, AxisValues.ZERO), new ShiftRecord("P2", 1, AxisValues.ZERO))));
        assertTrue(oneFraction.getMessage().contains("'P2' has only one fraction"), oneFraction.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PopulationStatistics.of(List.of(new ShiftRecord("P1", 1, AxisValues.ZERO), new ShiftRecord("P1", 2,
                        AxisValues.ZERO))));
    }
}
