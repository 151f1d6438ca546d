/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.services;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The services of one type contributed so far, as a Declarative Services component's dynamic multiple reference binds
 * and unbinds them: thread-safe, listed by {@code service.ranking} (highest first, the OSGi convention), then in the
 * order they came. The service objects themselves are SCR's to get and unget; this only holds what is bound.
 *
 * @param <T> the service type
 */
public final class Contributions<T> {

    /** The OSGi service property that orders contributions (an {@link Integer}; 0 when absent). */
    public static final String RANKING = "service.ranking";

    private record Entry<T>(T service, int ranking, long order) {
    }

    private final List<Entry<T>> entries = new CopyOnWriteArrayList<>();
    private long next;

    /** A service bound, with its service properties (may be empty). */
    public synchronized void add(T service, Map<String, ?> properties) {
        Object r = properties == null ? null : properties.get(RANKING);
        entries.add(new Entry<>(service, r instanceof Integer i ? i : 0, next++));
    }

    /** A service unbound (nothing happens if it was not bound). */
    public synchronized void remove(T service) {
        entries.removeIf(e -> e.service() == service);
    }

    /** The bound services, highest ranking first, then in the order they were bound. */
    public List<T> list() {
        List<Entry<T>> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt((Entry<T> e) -> -e.ranking()).thenComparingLong(Entry::order));
        return sorted.stream().map(Entry::service).toList();
    }
}
