/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.util.List;
import java.util.Objects;

/**
 * A clinic's margin policy for one treatment site, as loaded from a site protocol file ({@link SiteProtocols}):
 * the recipe, the correction protocol, the number of fractions, the error components that set-up imaging
 * does not see (delineation, organ motion; SD per axis in mm) and the largest margin the clinic accepts per
 * axis (mm) — a computed margin above it is flagged, not clipped. The protocol is kept as its spec;
 * {@link SiteProtocols#parse} checks it against the protocols on offer.
 */
public record SiteProtocol(String site, String description, MarginRecipe recipe, String protocolSpec, int fractions,
        List<ErrorBudget.Component> otherSystematic, List<ErrorBudget.Component> otherRandom, AxisValues maxMarginMm) {

    public SiteProtocol {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(protocolSpec, "protocolSpec");
        otherSystematic = List.copyOf(otherSystematic);
        otherRandom = List.copyOf(otherRandom);
        if (fractions < 1) {
            throw new IllegalArgumentException("fractions must be >= 1");
        }
    }

    /** The site's correction protocol, from the protocols on offer. */
    public CorrectionProtocol protocol(CorrectionProtocols installed) {
        return installed.parse(protocolSpec);
    }
}
