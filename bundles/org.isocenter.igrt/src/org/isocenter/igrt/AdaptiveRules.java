/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.isocenter.core.services.Contributions;
import org.isocenter.igrt.internal.rules.ExternalContourChange;
import org.isocenter.igrt.internal.rules.ImagingDoseLimit;
import org.isocenter.igrt.internal.rules.RotationBeyondCouch;
import org.isocenter.igrt.internal.rules.SoftTissueBoneDifference;
import org.isocenter.igrt.internal.rules.SystematicDrift;
import org.isocenter.igrt.internal.rules.TargetVolumeChange;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The adaptive rules evaluated when a fraction is recorded: the built-in ones, then every {@link AdaptiveRule}
 * registered as an OSGi service (a Declarative Services {@code @Component}; by service ranking; a service with a
 * built-in rule's id replaces it).
 */
public final class AdaptiveRules {

    /** The built-in rules, in the order their alerts are listed. */
    public static final List<AdaptiveRule> BUILT_IN = List.of(new ExternalContourChange(), new SoftTissueBoneDifference(),
            new SystematicDrift(), new RotationBeyondCouch(), new TargetVolumeChange(), new ImagingDoseLimit());

    private static final Contributions<AdaptiveRule> CONTRIBUTED = new Contributions<>();

    private AdaptiveRules() {
    }

    /** The built-in rules and the registered ones, by id (registered ones replace built-ins of the same id). */
    public static List<AdaptiveRule> all() {
        Map<String, AdaptiveRule> byId = new LinkedHashMap<>();
        for (AdaptiveRule r : BUILT_IN) {
            byId.put(r.id(), r);
        }
        for (AdaptiveRule r : CONTRIBUTED.list()) {
            byId.put(r.id(), r);
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * The Declarative Services component that binds every {@link AdaptiveRule} service as it comes and goes (SCR gets and
     * ungets them). Not for direct use.
     */
    @Component(immediate = true)
    public static final class Registry {

        @Reference(name = "rules", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
        public void add(AdaptiveRule service, Map<String, Object> properties) {
            CONTRIBUTED.add(service, properties);
        }

        public void remove(AdaptiveRule service) {
            CONTRIBUTED.remove(service);
        }
    }
}
