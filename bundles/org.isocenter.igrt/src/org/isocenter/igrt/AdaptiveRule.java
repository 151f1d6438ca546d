/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.Optional;

/**
 * An adaptive rule, evaluated every time a fraction is recorded, inside the same transaction: it looks at the
 * course's current decisions (the new one included) and may raise one alert for the recorded fraction. Rules are
 * OSGi services (a clinic or vendor registers its own); their thresholds come from the course's site protocol
 * ({@link AlertSettings}). Implementations must be stateless and fast (no I/O): they run on every record.
 */
public interface AdaptiveRule {

    /** The rule's id, as site protocol files and {@link Alert#rule()} name it ("systematic-drift", ...). */
    String id();

    /** What the rule watches, for the course view and the user guide. */
    String description();

    /** The defaults when the site protocol does not set this rule. */
    AlertSettings.Rule defaults();

    /** An alert for {@code input.recorded()}'s fraction, or empty. */
    Optional<Alert> evaluate(RuleInput input);
}
