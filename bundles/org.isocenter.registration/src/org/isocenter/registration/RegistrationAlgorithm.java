/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration;

import java.util.List;

import org.isocenter.core.progress.ProgressMonitor;

/**
 * A way to find the rigid pose of a daily image relative to the planning CT: the answer couch corrections are made of.
 * Implementations are OSGi Declarative Services components (see {@link RegistrationAlgorithms}); vendors add theirs
 * the same way, with any method inside (intensities, landmarks, surfaces, or a deformable model whose rigid part
 * they report). Each describes its own tunables ({@link #parameters()}); the request carries their values. Results
 * must be deterministic for a request's seed, honour the monitor's cancellation, and map the planning CT's Frame of
 * Reference to the daily image's (LPS mm).
 */
public interface RegistrationAlgorithm {

    /** The service property that carries {@link #id()} (filters, the workbench's preference). */
    String ID_PROPERTY = "algorithm.id";

    /** Stable id, e.g. {@code rigid-intensity}, {@code landmark}. */
    String id();

    /** One line for menus and reports. */
    String label();

    /**
     * The numbers a user may tune, with units, defaults and ranges (empty when there are none). Front ends offer them;
     * {@link AlgorithmParameter#resolve} turns a request's values into the full set, refusing unknown keys.
     */
    default List<AlgorithmParameter> parameters() {
        return List.of();
    }

    /**
     * Registers; {@code request.parameters()} holds values of {@link #parameters()} by key (absent ones: defaults).
     *
     * @throws IllegalArgumentException for a parameter the algorithm does not take or a value out of its range
     */
    RegistrationResult register(RegistrationRequest request, ProgressMonitor monitor);
}
