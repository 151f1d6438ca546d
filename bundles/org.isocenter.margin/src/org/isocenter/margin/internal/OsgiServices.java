/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The services of a type registered in the OSGi framework, when this bundle runs in one; none otherwise (plain
 * Java, e.g. a benchmark on a class path without the OSGi framework classes).
 */
public final class OsgiServices {

    private OsgiServices() {
    }

    public static <T> List<T> all(Class<T> type) {
        try {
            return Framework.services(type);
        } catch (NoClassDefFoundError e) {
            return List.of(); // no OSGi framework on the class path
        }
    }

    /** Touches the OSGi API only when loaded, so that {@link #all} can run without it. */
    private static final class Framework {
        static <T> List<T> services(Class<T> type) {
            List<T> out = new ArrayList<>();
            Bundle bundle = FrameworkUtil.getBundle(OsgiServices.class);
            BundleContext context = bundle == null ? null : bundle.getBundleContext();
            if (context == null) {
                return out;
            }
            try {
                for (ServiceReference<T> ref : context.getServiceReferences(type, null)) {
                    T service = context.getService(ref);
                    if (service != null) {
                        out.add(service);
                    }
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            return out;
        }
    }
}
