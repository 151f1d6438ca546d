/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

/**
 * A margin recipe: turns an {@link ErrorBudget} into a margin per axis (mm). Implementations state their
 * formula, the paper it comes from and when it is valid; clinics and vendors add their own by implementing
 * this interface. Built-in recipes: {@link MarginRecipes}.
 */
public interface MarginRecipe {

    /** Short id used on the command line and in site protocols, e.g. {@code vanherk}. */
    String id();

    /** Display name. */
    String title();

    /** The formula in words, e.g. {@code M = 2.5 Σ + 0.7 σ}. */
    String formula();

    /** Where it comes from, and where it holds. */
    String reference();

    /** The margin per axis (mm) for the budget. */
    AxisValues margin(ErrorBudget budget);
}
