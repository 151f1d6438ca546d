/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.services;

import java.time.Duration;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Waits for an OSGi service as the Service Component Runtime registers it (asynchronously, once the bundles have
 * started): for tests and tools that run in the framework but are not components themselves. The tracker is closed
 * before the service is returned, so use it for services that stay active unused (immediate components, as Isocenter's
 * catalogues are). Components take their services with {@code @Reference} instead; views open a tracker of their own.
 */
public final class TrackedServices {

    private TrackedServices() {
    }

    /**
     * The highest-ranked service of {@code type}, waiting up to {@code timeout}; looked up through the bundle of
     * {@code caller} (started if it is not yet).
     *
     * @throws IllegalStateException naming the type when none is registered in time, or outside an OSGi framework
     */
    public static <T> T await(Class<?> caller, Class<T> type, Duration timeout) {
        Bundle b = FrameworkUtil.getBundle(caller);
        if (b == null) {
            throw new IllegalStateException(caller.getName() + " is not in an OSGi framework");
        }
        if (b.getBundleContext() == null) {
            try {
                b.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                throw new IllegalStateException("cannot start " + b.getSymbolicName() + ": " + e.getMessage(), e);
            }
        }
        ServiceTracker<T, T> t = new ServiceTracker<>(b.getBundleContext(), type, null);
        t.open();
        try {
            T s = t.waitForService(timeout.toMillis());
            if (s == null) {
                throw new IllegalStateException("no " + type.getName() + " service registered within " + timeout);
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + type.getName(), e);
        } finally {
            t.close();
        }
    }
}
