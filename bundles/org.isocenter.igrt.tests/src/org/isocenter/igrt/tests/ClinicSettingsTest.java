/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.isocenter.igrt.ClinicSettings;
import org.isocenter.igrt.MatchOn;
import org.isocenter.registration.CorrectionLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clinic's IGRT settings file: defaults, a round trip, atomic saves, and refusals that name file and key. */
class ClinicSettingsTest {

    @TempDir
    Path dir;

    @Test
    void noFileGivesTheDefaultsAndASavedFileReadsBackWithNothingLeftBeside() throws IOException {
        Path file = dir.resolve("home").resolve(ClinicSettings.FILE_NAME);
        assertEquals(ClinicSettings.DEFAULT, ClinicSettings.load(file));
        ClinicSettings mine = new ClinicSettings(new CorrectionLimits(2, 0.5, 15, 2.5), false, MatchOn.SOFT_TISSUE, 12.5,
                "vendor.deformable-1");
        mine.save(file);
        assertEquals(mine, ClinicSettings.load(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
        // an absent key keeps its default
        Files.writeString(file, ClinicSettings.ACTION_MM + "=4\n");
        ClinicSettings partial = ClinicSettings.load(file);
        assertEquals(4, partial.limits().actionLevelMm());
        assertEquals(ClinicSettings.DEFAULT.limits().maxTranslationMm(), partial.limits().maxTranslationMm());
        assertEquals(MatchOn.BONE, partial.defaultMatch());
        assertEquals(ClinicSettings.DEFAULT_ALGORITHM, partial.registrationAlgorithm());
    }

    @Test
    void aBrokenFileIsRefusedWithItsNameAndKeyNeverReadAsDefaults() throws IOException {
        Path file = dir.resolve(ClinicSettings.FILE_NAME);
        Files.writeString(file, ClinicSettings.MAX_MM + "=twenty\n");
        IOException e = assertThrows(IOException.class, () -> ClinicSettings.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(ClinicSettings.MAX_MM), e.getMessage());
        Files.writeString(file, ClinicSettings.ACTION_MM + "=30\n" + ClinicSettings.MAX_MM + "=20\n");
        e = assertThrows(IOException.class, () -> ClinicSettings.load(file));
        assertTrue(e.getMessage().contains("action level"), e.getMessage());
        Files.writeString(file, ClinicSettings.MAX_MM + "=NaN\n");
        assertThrows(IOException.class, () -> ClinicSettings.load(file));
        Files.writeString(file, ClinicSettings.MATCH + "=ribs\n");
        e = assertThrows(IOException.class, () -> ClinicSettings.load(file));
        assertTrue(e.getMessage().contains("ribs"), e.getMessage());
        Files.writeString(file, ClinicSettings.SIX_DOF + "=yes\n");
        assertThrows(IOException.class, () -> ClinicSettings.load(file));
        Files.writeString(file, ClinicSettings.ALGORITHM + "=rigid intensity; rm\n");
        e = assertThrows(IOException.class, () -> ClinicSettings.load(file));
        assertTrue(e.getMessage().contains(ClinicSettings.FILE_NAME) && e.getMessage().contains("rigid intensity; rm"),
                e.getMessage());
    }
}
