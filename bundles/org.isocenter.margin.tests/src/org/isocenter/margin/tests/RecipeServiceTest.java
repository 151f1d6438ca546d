/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isocenter.margin.AxisValues;
import org.isocenter.margin.ErrorBudget;
import org.isocenter.margin.MarginRecipe;
import org.isocenter.margin.MarginRecipes;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** A clinic's own recipe, registered as an OSGi service, is found by id; a built-in id cannot be replaced. */
class RecipeServiceTest {

    record ClinicRecipe(String id) implements MarginRecipe {
        @Override
        public String title() {
            return "Clinic X";
        }

        @Override
        public String formula() {
            return "M = 3 Σ";
        }

        @Override
        public String reference() {
            return "in-house";
        }

        @Override
        public AxisValues margin(ErrorBudget budget) {
            return budget.totalSystematic().times(3);
        }
    }

    @Test
    void serviceRecipesJoinTheBuiltInOnes() {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        assertNotNull(context, "runs in OSGi");
        ServiceRegistration<MarginRecipe> own = context.registerService(MarginRecipe.class, new ClinicRecipe("clinic-x"), null);
        ServiceRegistration<MarginRecipe> clash = context.registerService(MarginRecipe.class, new ClinicRecipe("vanherk"), null);
        try {
            MarginRecipe r = service(MarginRecipes.class).byId("clinic-x").orElseThrow();
            assertEquals(9.0, r.margin(ErrorBudget.of(AxisValues.of(3), AxisValues.of(1))).lr(), 1e-12);
            assertSame(MarginRecipes.VAN_HERK, service(MarginRecipes.class).byId("vanherk").orElseThrow());
            assertEquals(MarginRecipes.builtIn().size() + 1, service(MarginRecipes.class).available().size());
        } finally {
            own.unregister();
            clash.unregister();
        }
        assertTrue(service(MarginRecipes.class).byId("clinic-x").isEmpty());
    }

    /** The OSGi service of this type, as SCR registers it (asynchronously: waits up to 10 s). */
    static <T> T service(Class<T> type) {
        return org.isocenter.core.services.TrackedServices.await(RecipeServiceTest.class, type, java.time.Duration.ofSeconds(10));
    }
}
