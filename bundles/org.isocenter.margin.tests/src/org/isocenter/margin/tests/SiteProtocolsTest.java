/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.isocenter.margin.CorrectionProtocols;
import org.isocenter.margin.MarginRecipes;
import org.isocenter.margin.SiteProtocol;
import org.isocenter.margin.SiteProtocols;
import org.junit.jupiter.api.Test;

/** The built-in site protocols load; broken ones are refused naming the file and the field. */
class SiteProtocolsTest {

    @Test
    void builtInSitesLoad() {
        assertEquals(3, SiteProtocols.builtIn().size());
        SiteProtocol prostate = SiteProtocols.builtIn("prostate").orElseThrow();
        assertEquals("vanherk", prostate.recipe().id());
        assertEquals("enal", prostate.protocol(CorrectionProtocols.of()).id());
        assertEquals(39, prostate.fractions());
        assertEquals(2, prostate.otherSystematic().size());
        assertEquals(12.0, prostate.maxMarginMm().si());
    }

    @Test
    void invalidFilesNameFileAndField() {
        String ok = "{\"site\":\"x\",\"recipe\":\"vanherk\",\"protocol\":\"nal:3\",\"fractions\":30,"
                + "\"maxMarginMm\":{\"lr\":10,\"ap\":10,\"si\":10}}";
        assertEquals("x", assertDoesNotThrowParse(ok).site());
        check(ok.replace("vanherk", "magic"), "unknown recipe 'magic'");
        check(ok.replace("nal:3", "nal:zero"), "protocol");
        check(ok.replace("\"fractions\":30,", ""), "fractions");
        check(ok.replace("\"si\":10", "\"si\":-1"), "'si' must be a non-negative");
        check(ok.replace(",\"maxMarginMm\":{\"lr\":10,\"ap\":10,\"si\":10}", ""), "maxMarginMm: missing");
        check("{not json", "not a valid site protocol");
    }

    private static SiteProtocol assertDoesNotThrowParse(String json) {
        try {
            return SiteProtocols.parse(json, "test.json", MarginRecipes.of(), CorrectionProtocols.of());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void check(String json, String expected) {
        IOException e = assertThrows(IOException.class, () -> SiteProtocols.parse(json, "clinic/site.json", MarginRecipes.of(), CorrectionProtocols.of()));
        assertTrue(e.getMessage().startsWith("clinic/site.json") && e.getMessage().contains(expected), e.getMessage());
    }
}
