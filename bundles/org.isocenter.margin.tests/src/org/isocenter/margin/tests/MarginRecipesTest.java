/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.isocenter.margin.AxisValues;
import org.isocenter.margin.ErrorBudget;
import org.isocenter.margin.MarginRecipes;
import org.junit.jupiter.api.Test;

/** Recipes against numbers worked by hand from the papers' formulas. */
class MarginRecipesTest {

    static final ErrorBudget THREE_THREE = ErrorBudget.of(AxisValues.of(3), AxisValues.of(3));

    @Test
    void vanHerkSimplified() {
        // 2.5 * 3 + 0.7 * 3 = 9.6 mm
        assertEquals(9.6, MarginRecipes.VAN_HERK.margin(THREE_THREE).lr(), 1e-12);
    }

    @Test
    void vanHerkFullFormWithPenumbra() {
        // 2.5 * 3 + 1.64 * (sqrt(3^2 + 3.2^2) - 3.2) = 7.5 + 1.64 * (4.386342 - 3.2) = 9.445601 mm
        assertEquals(9.445601, MarginRecipes.VAN_HERK_FULL.margin(THREE_THREE).ap(), 1e-6);
        // without random error the full form is 2.5 Σ exactly
        assertEquals(7.5, MarginRecipes.VAN_HERK_FULL.margin(ErrorBudget.of(AxisValues.of(3), AxisValues.ZERO)).si(), 1e-12);
    }

    @Test
    void stroom() {
        // 2 * 3 + 0.7 * 3 = 8.1 mm
        assertEquals(8.1, MarginRecipes.STROOM.margin(THREE_THREE).si(), 1e-12);
    }

    @Test
    void icru62QuadraticSum() {
        // sqrt(3^2 + 4^2) = 5 mm
        assertEquals(5.0, MarginRecipes.ICRU62_QUADRATIC.margin(ErrorBudget.of(AxisValues.of(3), AxisValues.of(4))).lr(), 1e-12);
    }

    @Test
    void mcKenziePrvForSerialOrgans() {
        // 1.3 * 2 + 0.5 * 2 = 3.6 mm
        assertEquals(3.6, MarginRecipes.MCKENZIE_PRV.margin(ErrorBudget.of(AxisValues.of(2), AxisValues.of(2))).ap(), 1e-12);
    }

    @Test
    void componentsAddInQuadraturePerAxis() {
        ErrorBudget b = new ErrorBudget(
                List.of(new ErrorBudget.Component("set-up", new AxisValues(3, 1, 0)),
                        new ErrorBudget.Component("delineation", new AxisValues(4, 1, 2))),
                List.of(new ErrorBudget.Component("set-up", new AxisValues(2, 2, 2))), 3.2);
        assertEquals(new AxisValues(5, Math.sqrt(2), 2), b.totalSystematic());
        // van Herk per axis: LR 2.5*5 + 0.7*2 = 13.9
        assertEquals(13.9, MarginRecipes.VAN_HERK.margin(b).lr(), 1e-12);
        assertEquals(2.5 * 2 + 0.7 * 2, MarginRecipes.VAN_HERK.margin(b).si(), 1e-12);
    }
}
