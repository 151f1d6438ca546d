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
 * The adaptive rules evaluated when a fraction is recorded: the built-in ones, then every {@link AdaptiveRule} service
 * bound (a Declarative Services {@code @Component}; by service ranking; a service with a built-in rule's id replaces
 * it). An instance is the catalogue on offer, itself a service that commands and front ends take by {@code @Reference}
 * or a service tracker and give to {@link RecordStores#open}; {@link #of} makes a fixed one, e.g. for a test.
 */
@Component(service = AdaptiveRules.class, immediate = true)
public final class AdaptiveRules {

    /** The built-in rules, in the order their alerts are listed. */
    public static final List<AdaptiveRule> BUILT_IN = List.of(new ExternalContourChange(), new SoftTissueBoneDifference(),
            new SystematicDrift(), new RotationBeyondCouch(), new TargetVolumeChange(), new ImagingDoseLimit());

    private final Contributions<AdaptiveRule> bound = new Contributions<>();

    /** A catalogue of the built-in rules, to which the component runtime binds the contributed ones. */
    public AdaptiveRules() {
    }

    /** A fixed catalogue: the built-in rules and these (which replace built-ins of the same id). */
    public static AdaptiveRules of(AdaptiveRule... contributed) {
        AdaptiveRules c = new AdaptiveRules();
        for (AdaptiveRule r : contributed) {
            c.add(r, Map.of());
        }
        return c;
    }

    /** The built-in rules and the bound ones, by id (bound ones replace built-ins of the same id). */
    public List<AdaptiveRule> all() {
        Map<String, AdaptiveRule> byId = new LinkedHashMap<>();
        for (AdaptiveRule r : BUILT_IN) {
            byId.put(r.id(), r);
        }
        for (AdaptiveRule r : bound.list()) {
            byId.put(r.id(), r);
        }
        return new ArrayList<>(byId.values());
    }

    /** Binds a rule service (the component runtime calls this). */
    @Reference(name = "rules", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void add(AdaptiveRule service, Map<String, Object> properties) {
        bound.add(service, properties);
    }

    /** Unbinds a rule service. */
    public void remove(AdaptiveRule service) {
        bound.remove(service);
    }
}
