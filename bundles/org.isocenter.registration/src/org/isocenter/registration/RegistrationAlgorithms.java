/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.isocenter.core.services.Contributions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The registration algorithms on offer. In the workbench and the CLI they are the OSGi services of type
 * {@link RegistrationAlgorithm}: this bundle registers {@link RigidIntensityRegistration} as a Declarative
 * Services {@code @Component} (the build generates its descriptor), vendor bundles add theirs the same way, and the
 * {@link Registry} component collects them all. Outside OSGi (plain JUnit, embedding) only the built-in ones are available.
 */
public final class RegistrationAlgorithms {

    private static final Contributions<RegistrationAlgorithm> CONTRIBUTED = new Contributions<>();

    private RegistrationAlgorithms() {
    }

    /** The algorithms this bundle ships, without OSGi. */
    public static List<RegistrationAlgorithm> builtIn() {
        return List.of(new RigidIntensityRegistration());
    }

    /** All registered algorithms sorted by id, or the built-in ones when no service is registered (no OSGi). */
    public static List<RegistrationAlgorithm> available() {
        List<RegistrationAlgorithm> found = new ArrayList<>(CONTRIBUTED.list());
        found.sort(Comparator.comparing(RegistrationAlgorithm::id));
        return found.isEmpty() ? builtIn() : List.copyOf(found);
    }

    /** The algorithm with this id, if registered. */
    public static Optional<RegistrationAlgorithm> byId(String id) {
        return available().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * The Declarative Services component that binds every {@link RegistrationAlgorithm} service as it comes and
     * goes. Not for direct use.
     */
    @Component(immediate = true)
    public static final class Registry {

        @Reference(name = "algorithms", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
        public void add(RegistrationAlgorithm algorithm, Map<String, Object> properties) {
            CONTRIBUTED.add(algorithm, properties);
        }

        public void remove(RegistrationAlgorithm algorithm) {
            CONTRIBUTED.remove(algorithm);
        }
    }
}
