/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.services;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The base of a catalogue component: the services of one kind bound so far ({@link Contributions}, ranked), listed by
 * their id. A subclass is a Declarative Services {@code @Component} providing itself; it overrides {@link #add} and
 * {@link #remove} only to annotate them as its dynamic multiple {@code @Reference} of the service type (the
 * annotation needs the concrete type). No frame or unit.
 *
 * @param <T> the service type
 */
public abstract class Catalogue<T> {

    private final Contributions<T> bound = new Contributions<>();
    private final Function<T, String> id;

    /** A catalogue whose services are known by {@code id}. */
    protected Catalogue(Function<T, String> id) {
        this.id = id;
    }

    /** The services bound now, sorted by id (empty when none is installed). */
    public List<T> available() {
        List<T> found = new ArrayList<>(bound.list());
        found.sort(Comparator.comparing(id));
        return List.copyOf(found);
    }

    /** The service with this id, if one is bound. */
    public Optional<T> byId(String wanted) {
        return available().stream().filter(s -> id.apply(s).equals(wanted)).findFirst();
    }

    /** Binds a service with its service properties (the component runtime calls the subclass's override). */
    public void add(T service, Map<String, Object> properties) {
        bound.add(service, properties);
    }

    /** Unbinds a service. */
    public void remove(T service) {
        bound.remove(service);
    }
}
