/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration;

import java.util.Map;

import org.isocenter.core.services.Catalogue;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The registration algorithms on offer: every {@link RegistrationAlgorithm} service, bound as it comes and goes
 * (this bundle contributes {@link RigidIntensityRegistration}, vendor bundles add theirs as Declarative Services
 * {@code @Component}s). It is itself a service: front ends and commands take it by {@code @Reference} (or a service
 * tracker); under a class path without OSGi, {@link org.isocenter.core.services.ClassPathComponents} starts it from the
 * same descriptors. {@link #of} makes a fixed catalogue, e.g. for a test.
 */
@Component(service = RegistrationAlgorithms.class, immediate = true)
public final class RegistrationAlgorithms extends Catalogue<RegistrationAlgorithm> {

    /** An empty catalogue, filled by the component runtime. */
    public RegistrationAlgorithms() {
        super(RegistrationAlgorithm::id);
    }

    /** A fixed catalogue of these algorithms. */
    public static RegistrationAlgorithms of(RegistrationAlgorithm... algorithms) {
        RegistrationAlgorithms c = new RegistrationAlgorithms();
        for (RegistrationAlgorithm a : algorithms) {
            c.add(a, Map.of());
        }
        return c;
    }

    /** Binds an algorithm service (the component runtime calls this). */
    @Override
    @Reference(name = "algorithms", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void add(RegistrationAlgorithm algorithm, Map<String, Object> properties) {
        super.add(algorithm, properties);
    }

    /** Unbinds an algorithm service. */
    @Override
    public void remove(RegistrationAlgorithm algorithm) {
        super.remove(algorithm);
    }
}
