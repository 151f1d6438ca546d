/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration;

import org.isocenter.core.progress.ProgressMonitor;

/**
 * A way to register a daily image to the planning CT. Implementations are OSGi Declarative Services components
 * (see {@link RegistrationAlgorithms} for the shipped ones); vendors add their own (e.g. deformable) ones the same
 * way. Implementations must be deterministic for a request's seed, honour the monitor's cancellation, and return
 * a transform from the planning CT's Frame of Reference to the daily image's (LPS mm).
 */
public interface RegistrationAlgorithm {

    /** The service property that carries {@link #id()} (filters, the workbench's preference). */
    String ID_PROPERTY = "algorithm.id";

    /** Stable id, e.g. {@code rigid-intensity}, {@code landmark}. */
    String id();

    /** One line for menus and reports. */
    String label();

    RegistrationResult register(RegistrationRequest request, ProgressMonitor monitor);
}
