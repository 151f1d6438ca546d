/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.isocenter.igrt.internal.rules.ExternalContourChange;
import org.isocenter.igrt.internal.rules.ImagingDoseLimit;
import org.isocenter.igrt.internal.rules.RotationBeyondCouch;
import org.isocenter.igrt.internal.rules.SoftTissueBoneDifference;
import org.isocenter.igrt.internal.rules.SystematicDrift;
import org.isocenter.igrt.internal.rules.TargetVolumeChange;
import org.isocenter.margin.internal.OsgiServices;

/**
 * The adaptive rules evaluated when a fraction is recorded: the built-in ones, then every {@link AdaptiveRule}
 * registered as an OSGi service (a service with a built-in rule's id replaces it).
 */
public final class AdaptiveRules {

    /** The built-in rules, in the order their alerts are listed. */
    public static final List<AdaptiveRule> BUILT_IN = List.of(new ExternalContourChange(), new SoftTissueBoneDifference(),
            new SystematicDrift(), new RotationBeyondCouch(), new TargetVolumeChange(), new ImagingDoseLimit());

    private AdaptiveRules() {
    }

    /** The built-in rules and the registered ones, by id (registered ones replace built-ins of the same id). */
    public static List<AdaptiveRule> all() {
        Map<String, AdaptiveRule> byId = new LinkedHashMap<>();
        for (AdaptiveRule r : BUILT_IN) {
            byId.put(r.id(), r);
        }
        for (AdaptiveRule r : OsgiServices.all(AdaptiveRule.class)) {
            byId.put(r.id(), r);
        }
        return new ArrayList<>(byId.values());
    }
}
