/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.isocenter.margin.AxisValues;
import org.isocenter.margin.CorrectionProtocol;
import org.isocenter.margin.CorrectionProtocols;
import org.isocenter.margin.MarginRecipes;
import org.isocenter.margin.MarginReport;
import org.isocenter.margin.ProtocolSimulation;
import org.isocenter.margin.Residuals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Correction protocols: the closed forms checked by seeded Monte Carlo over virtual patients. */
class CorrectionProtocolTest {

    static final AxisValues SIGMA_SYS = new AxisValues(3, 4, 2);
    static final AxisValues SIGMA_RND = new AxisValues(3, 2.5, 2);
    static final int PATIENTS = 20_000, FRACTIONS = 30;

    @Test
    void noCorrectionLeavesSigmaAndSigmaAsTheyAre() {
        Residuals r = ProtocolSimulation.simulate(CorrectionProtocols.none(), SIGMA_SYS, SIGMA_RND, PATIENTS, FRACTIONS, 1);
        assertClose(SIGMA_SYS, r.systematic(), 0.03, "Σ");
        assertClose(SIGMA_RND, r.random(), 0.02, "σ");
        assertEquals(0, r.imagedFractionShare());
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 3, 5 })
    void nalResidualSystematicIsSigmaOverRootN(int n) {
        CorrectionProtocol nal = CorrectionProtocols.nal(n);
        Residuals analytic = nal.analyticResiduals(SIGMA_SYS, SIGMA_RND, FRACTIONS).orElseThrow();
        assertClose(SIGMA_RND.times(1 / Math.sqrt(n)), analytic.systematic(), 1e-12, "closed form σ/√N");
        Residuals simulated = ProtocolSimulation.simulate(nal, SIGMA_SYS, SIGMA_RND, PATIENTS, FRACTIONS, 42 + n);
        // statistical error of an SD from 20000 patients is ~0.5%; the σ²/n correction adds noise: allow 4%
        assertClose(analytic.systematic(), simulated.systematic(), 0.04, "NAL(" + n + ") simulated Σ_res");
        assertClose(SIGMA_RND, simulated.random(), 0.02, "NAL(" + n + ") simulated σ_res");
        assertEquals(n / (double) FRACTIONS, simulated.imagedFractionShare(), 1e-12);
    }

    @Test
    void onlineWithZeroActionLevelRemovesSetUpErrors() {
        Residuals r = ProtocolSimulation.simulate(CorrectionProtocols.online(0), SIGMA_SYS, SIGMA_RND, 2000, FRACTIONS, 5);
        assertClose(AxisValues.ZERO, r.systematic(), 0, "Σ_res");
        assertClose(AxisValues.ZERO, r.random(), 0, "σ_res");
        assertEquals(1.0, r.imagedFractionShare());
    }

    @Test
    void onlineActionLevelEnalAndSalLieBetweenTheExtremes() {
        Residuals none = ProtocolSimulation.simulate(CorrectionProtocols.none(), SIGMA_SYS, SIGMA_RND, PATIENTS, FRACTIONS, 7);
        Residuals nal = ProtocolSimulation.simulate(CorrectionProtocols.nal(3), SIGMA_SYS, SIGMA_RND, PATIENTS, FRACTIONS, 7);
        Residuals enal = ProtocolSimulation.simulate(CorrectionProtocols.enal(3, 5), SIGMA_SYS, SIGMA_RND, PATIENTS, FRACTIONS, 7);
        Residuals sal = ProtocolSimulation.simulate(CorrectionProtocols.sal(6, 5), SIGMA_SYS, SIGMA_RND, PATIENTS, FRACTIONS, 7);
        Residuals online3 = ProtocolSimulation.simulate(CorrectionProtocols.online(3), SIGMA_SYS, SIGMA_RND, PATIENTS, FRACTIONS, 7);
        // more images: eNAL's extra check images shrink Σ_res below NAL's (no drift in this model)
        assertTrue(enal.systematic().lr() < nal.systematic().lr(), enal + " vs " + nal);
        assertTrue(enal.imagedFractionShare() > nal.imagedFractionShare());
        assertTrue(sal.systematic().lr() < none.systematic().lr() && sal.systematic().lr() > 0, sal.toString());
        assertTrue(online3.random().lr() < none.random().lr() && online3.systematic().lr() < none.systematic().lr(),
                online3.toString());
        assertTrue(ProtocolSimulation.simulate(CorrectionProtocols.nal(3), SIGMA_SYS, SIGMA_RND, 500, FRACTIONS, 99)
                .equals(ProtocolSimulation.simulate(CorrectionProtocols.nal(3), SIGMA_SYS, SIGMA_RND, 500, FRACTIONS, 99)),
                "seeded simulation is reproducible");
    }

    @Test
    void reportCombinesResidualSetUpWithOtherComponentsAndFlagsTheLimit() {
        MarginReport r = MarginReport.evaluate(MarginRecipes.VAN_HERK, CorrectionProtocols.nal(3), FRACTIONS, AxisValues.of(3),
                AxisValues.of(3), List.of(new org.isocenter.margin.ErrorBudget.Component("delineation", AxisValues.of(2))),
                List.of(), AxisValues.of(5), 11);
        // Σ = sqrt((3/√3)^2 + 2^2) = sqrt(7); M = 2.5 sqrt(7) + 0.7 * 3
        assertEquals(2.5 * Math.sqrt(7) + 2.1, r.margin().lr(), 1e-9);
        assertEquals(3, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("exceeds the site's limit of 5.0 mm"), r.warnings().get(0));
    }

    @Test
    void protocolSpecsParseAndBadOnesAreNamed() {
        assertEquals("enal", CorrectionProtocols.builtIn("eNAL:3:5").id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorrectionProtocols.builtIn("weekly"));
        assertTrue(e.getMessage().contains("'weekly'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CorrectionProtocols.builtIn("nal:0"));
        assertThrows(IllegalArgumentException.class, () -> CorrectionProtocols.builtIn("sal:x"));
    }

    static void assertClose(AxisValues expected, AxisValues actual, double relative, String what) {
        for (org.isocenter.margin.Axis a : org.isocenter.margin.Axis.values()) {
            double e = expected.get(a), v = actual.get(a);
            assertTrue(Math.abs(e - v) <= relative * Math.abs(e) + 1e-9, what + " " + a + ": expected " + e + ", got " + v);
        }
    }
}
