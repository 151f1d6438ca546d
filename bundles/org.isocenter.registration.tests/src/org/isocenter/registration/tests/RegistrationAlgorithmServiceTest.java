/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;

import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.registration.RegistrationAlgorithm;
import org.isocenter.registration.RegistrationAlgorithms;
import org.isocenter.registration.RegistrationRequest;
import org.isocenter.registration.RegistrationResult;
import org.isocenter.registration.RigidIntensityRegistration;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The algorithms are OSGi Declarative Services: the shipped rigid match is a registered service (not only the
 * built-in fallback), and a vendor's algorithm registered at run time is offered, then withdrawn with its bundle.
 * Runs in the OSGi test runtime (Tycho), with Felix SCR started.
 */
class RegistrationAlgorithmServiceTest {

    static BundleContext context() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(RegistrationAlgorithmServiceTest.class);
        assertNotNull(bundle, "not running in an OSGi framework");
        if (bundle.getBundleContext() == null) {
            bundle.start(Bundle.START_TRANSIENT);
        }
        return bundle.getBundleContext();
    }

    @Test
    void theRigidMatchIsADeclarativeServicesComponent() throws Exception {
        BundleContext context = context();
        Collection<ServiceReference<RegistrationAlgorithm>> refs = null;
        for (int attempt = 0; attempt < 100; attempt++) { // SCR activates components asynchronously
            refs = context.getServiceReferences(RegistrationAlgorithm.class, "(algorithm.id=rigid-intensity)");
            if (!refs.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(1, refs.size(), "rigid-intensity services");
        RegistrationAlgorithm service = context.getService(refs.iterator().next());
        assertTrue(service instanceof RigidIntensityRegistration, service.getClass().getName());
        assertEquals(RigidIntensityRegistration.ID, service.id());
        assertSame(service, service(RegistrationAlgorithms.class).byId(RigidIntensityRegistration.ID).orElseThrow(),
                "RegistrationAlgorithms offers the service instance, not a built-in fallback");
    }

    @Test
    void aVendorAlgorithmComesAndGoes() throws Exception {
        BundleContext context = context();
        RegistrationAlgorithm vendor = new RegistrationAlgorithm() {
            @Override
            public String id() {
                return "vendor-deformable";
            }

            @Override
            public String label() {
                return "A vendor's algorithm";
            }

            @Override
            public RegistrationResult register(RegistrationRequest request, ProgressMonitor monitor) {
                throw new UnsupportedOperationException("not needed here");
            }
        };
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("algorithm.id", vendor.id());
        ServiceRegistration<RegistrationAlgorithm> registration = context.registerService(RegistrationAlgorithm.class,
                vendor, properties);
        try {
            // wait for the registry component to be bound (it is immediate; binding is synchronous once active)
            for (int attempt = 0; attempt < 100 && service(RegistrationAlgorithms.class).byId(vendor.id()).isEmpty(); attempt++) {
                Thread.sleep(100);
            }
            assertSame(vendor, service(RegistrationAlgorithms.class).byId(vendor.id()).orElseThrow());
            assertTrue(service(RegistrationAlgorithms.class).byId(RigidIntensityRegistration.ID).isPresent());
        } finally {
            registration.unregister();
        }
        assertFalse(service(RegistrationAlgorithms.class).byId(vendor.id()).isPresent(), "withdrawn with its registration");
    }

    /** The OSGi service of this type, as SCR registers it (asynchronously: waits up to 10 s). */
    static <T> T service(Class<T> type) {
        return org.isocenter.core.services.TrackedServices.await(RegistrationAlgorithmServiceTest.class, type, java.time.Duration.ofSeconds(10));
    }
}
