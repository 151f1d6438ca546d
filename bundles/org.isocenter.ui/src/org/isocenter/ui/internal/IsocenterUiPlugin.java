/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal;

import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** Bundle activator: gives access to preferences and the state location (where the demo patient is cached). */
public final class IsocenterUiPlugin extends AbstractUIPlugin {

    private static IsocenterUiPlugin instance;

    private final java.util.Map<Class<?>, org.osgi.util.tracker.ServiceTracker<?, ?>> trackers =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        instance = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        instance = null;
        trackers.values().forEach(org.osgi.util.tracker.ServiceTracker::close);
        trackers.clear();
        super.stop(context);
    }

    public static IsocenterUiPlugin get() {
        return instance;
    }

    /**
     * The highest-ranked OSGi service of this type registered now (e.g. the
     * {@link org.isocenter.registration.RegistrationAlgorithms} catalogue), through a service tracker this plug-in keeps
     * open until it stops.
     *
     * @throws IllegalStateException naming the type when no such service is registered
     */
    public static <T> T service(Class<T> type) {
        IsocenterUiPlugin p = instance;
        if (p == null) {
            throw new IllegalStateException("the Isocenter workbench plug-in is not running");
        }
        org.osgi.util.tracker.ServiceTracker<?, ?> t = p.trackers.computeIfAbsent(type, k -> {
            org.osgi.util.tracker.ServiceTracker<T, T> tracker = new org.osgi.util.tracker.ServiceTracker<>(
                    p.getBundle().getBundleContext(), type, null);
            tracker.open();
            return tracker;
        });
        Object service = t.getService();
        if (service == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " service is registered (is its bundle "
                    + "installed and started?)");
        }
        return type.cast(service);
    }
}
