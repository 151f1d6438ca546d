/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.services;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Manifest;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The Declarative Services components of the bundles on a plain class path, started without an OSGi framework: what
 * the fast command-line launch and applications embedding Isocenter use. It reads the same descriptors the build
 * generates from {@code @Component} classes (the {@code Service-Component} header of each {@code META-INF/MANIFEST.MF}),
 * so a component is written once and runs the same way under SCR and here.
 * <p>
 * What it does: a component is satisfied when each of its mandatory references has a satisfied provider; services are
 * created when first asked for, their references bound through the bind
 * method ({@code (T)} or {@code (T, Map)}) or the field, providers ordered by {@code service.ranking}; the activate
 * method (the descriptor's, else one named {@code activate} if the class has it) is called after binding and the
 * deactivate method likewise by {@link #close()}. Nothing comes or goes after the start,
 * so dynamic references never change. Immediate components that offer a service are created when first used too
 * (nothing on a class path watches a service appear); those that offer none are created at {@link #start}. Descriptors using what a class path cannot give (target filters, configuration
 * that is required, factory components, constructor injection, bundle contexts) are refused with the component named.
 */
public final class ClassPathComponents implements AutoCloseable {

    private record Reference(String name, String service, boolean mandatory, boolean multiple, String bind,
            String field) {
    }

    private record Descriptor(String name, String className, boolean immediate, List<String> services,
            Map<String, Object> properties, List<Reference> references, String activate, String deactivate,
            URL source) {
    }

    private static final class Component {
        final Descriptor d;
        final long order;
        Object instance;
        boolean creating;

        Component(Descriptor d, long order) {
            this.d = d;
            this.order = order;
        }

        int ranking() {
            return d.properties().get(Contributions.RANKING) instanceof Integer i ? i : 0;
        }
    }

    /** The JDK's own StAX parser (no service look-up over the class path), without DTDs. */
    private static final XMLInputFactory FACTORY = XMLInputFactory.newDefaultFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    }

    private final ClassLoader loader;
    private final List<Component> satisfied;
    private final List<Component> activated = new ArrayList<>();

    private ClassPathComponents(ClassLoader loader, List<Component> satisfied) {
        this.loader = loader;
        this.satisfied = satisfied;
    }

    /**
     * Reads every component descriptor the class loader's manifests name, keeps the satisfied components and creates
     * those that offer no service.
     *
     * @throws IllegalStateException naming the descriptor, when one cannot be read or asks for what a class path
     *         cannot give
     */
    public static ClassPathComponents start(ClassLoader loader) {
        List<Descriptor> all = new ArrayList<>();
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                URL manifest = manifests.nextElement();
                String header;
                try (InputStream in = manifest.openStream()) {
                    header = new Manifest(in).getMainAttributes().getValue("Service-Component");
                }
                if (header == null || header.isBlank()) {
                    continue;
                }
                for (String path : header.split(",")) {
                    String p = path.trim();
                    if (p.contains("*")) {
                        throw new IllegalStateException(manifest + ": Service-Component with a wildcard (" + p
                                + ") cannot be read from a class path; name each descriptor");
                    }
                    all.addAll(read(new URL(manifest, "../" + p)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the component descriptors on the class path: " + e.getMessage(), e);
        }
        List<Component> components = new ArrayList<>();
        for (Descriptor d : all) {
            components.add(new Component(d, components.size()));
        }
        ClassPathComponents runtime = new ClassPathComponents(loader, resolve(components));
        for (Component c : runtime.satisfied) {
            if (c.d.services().isEmpty()) { // created for what they do, not for a service
                runtime.instance(c);
            }
        }
        return runtime;
    }

    /** The names of the satisfied components, in the order their descriptors were found. */
    public List<String> componentNames() {
        return satisfied.stream().map(c -> c.d.name()).toList();
    }

    /** The services of this type, highest {@code service.ranking} first, then in the order their descriptors were found. */
    public <T> List<T> services(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Component c : providers(type.getName())) {
            found.add(type.cast(instance(c)));
        }
        return found;
    }

    /**
     * A service not created yet: its component's properties (e.g. a name to list it by) and the service, created on
     * the first {@code get}.
     *
     * @param <T> the service type
     */
    public record Offer<T>(Map<String, Object> properties, java.util.function.Supplier<T> service) {
    }

    /** The services of this type as {@link Offer}s, in the order of {@link #services}, none created yet. */
    public <T> List<Offer<T>> offers(Class<T> type) {
        List<Offer<T>> found = new ArrayList<>();
        for (Component c : providers(type.getName())) {
            found.add(new Offer<>(Collections.unmodifiableMap(c.d.properties()), () -> type.cast(instance(c))));
        }
        return found;
    }

    /** Calls the deactivate methods of the created components, last created first. */
    @Override
    public void close() {
        List<Component> reverse = new ArrayList<>(activated);
        Collections.reverse(reverse);
        for (Component c : reverse) {
            lifecycle(c, c.d.deactivate() != null ? c.d.deactivate() : "deactivate", c.d.deactivate() != null);
        }
        activated.clear();
    }

    private List<Component> providers(String service) {
        List<Component> found = new ArrayList<>();
        for (Component c : satisfied) {
            if (c.d.services().contains(service)) {
                found.add(c);
            }
        }
        found.sort(Comparator.comparingInt((Component c) -> -c.ranking()).thenComparingLong(c -> c.order));
        return found;
    }

    private static List<Component> resolve(List<Component> components) {
        List<Component> left = new ArrayList<>(components);
        boolean changed = true;
        while (changed) {
            changed = false;
            Set<String> offered = new HashSet<>();
            left.forEach(c -> offered.addAll(c.d.services()));
            for (var it = left.iterator(); it.hasNext();) {
                Component c = it.next();
                if (c.d.references().stream().anyMatch(r -> r.mandatory() && !offered.contains(r.service()))) {
                    it.remove();
                    changed = true;
                }
            }
        }
        return List.copyOf(left);
    }

    private synchronized Object instance(Component c) {
        if (c.instance != null) {
            return c.instance;
        }
        if (c.creating) {
            throw new IllegalStateException("component " + c.d.name() + " (" + c.d.source()
                    + ") is part of a reference cycle that a class path cannot resolve");
        }
        c.creating = true;
        try {
            Class<?> type = Class.forName(c.d.className(), true, loader);
            Object o = type.getDeclaredConstructor().newInstance();
            for (Reference r : c.d.references()) {
                bind(c, o, r);
            }
            c.instance = o;
            lifecycle(c, c.d.activate() != null ? c.d.activate() : "activate", c.d.activate() != null);
            activated.add(c);
            return o;
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot create component " + c.d.name() + " (" + c.d.source() + "): " + e, e);
        } finally {
            c.creating = false;
        }
    }

    private void bind(Component c, Object o, Reference r) throws ReflectiveOperationException {
        List<Component> providers = providers(r.service());
        providers.remove(c);
        if (!r.multiple() && providers.size() > 1) {
            providers = providers.subList(0, 1);
        }
        Class<?> serviceType = Class.forName(r.service(), false, loader);
        if (r.field() != null) {
            Field f = field(o.getClass(), r.field());
            f.setAccessible(true);
            if (r.multiple()) {
                List<Object> services = new ArrayList<>();
                for (Component p : providers) {
                    services.add(instance(p));
                }
                if (!Collection.class.isAssignableFrom(f.getType())) {
                    throw new IllegalStateException("component " + c.d.name() + ": field " + r.field()
                            + " of a multiple reference must be a collection");
                }
                f.set(o, new ArrayList<>(services));
            } else if (!providers.isEmpty()) {
                f.set(o, instance(providers.get(0)));
            }
            return;
        }
        Method oneArg = method(o.getClass(), r.bind(), serviceType);
        Method twoArgs = oneArg != null ? null : method(o.getClass(), r.bind(), serviceType, Map.class);
        if (oneArg == null && twoArgs == null) {
            throw new IllegalStateException("component " + c.d.name() + ": no bind method " + r.bind() + "("
                    + r.service() + "[, Map]) for reference " + r.name());
        }
        for (Component p : providers) {
            Object service = instance(p);
            try {
                if (oneArg != null) {
                    oneArg.invoke(o, service);
                } else {
                    twoArgs.invoke(o, service, Collections.unmodifiableMap(p.d.properties()));
                }
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("component " + c.d.name() + ": binding " + r.name() + " failed: "
                        + e.getCause(), e.getCause());
            }
        }
    }

    private void lifecycle(Component c, String name, boolean required) {
        try {
            Method none = method(c.instance.getClass(), name);
            Method props = none != null ? null : method(c.instance.getClass(), name, Map.class);
            if (none != null) {
                none.invoke(c.instance);
            } else if (props != null) {
                props.invoke(c.instance, Collections.unmodifiableMap(c.d.properties()));
            } else if (required) {
                throw new IllegalStateException("component " + c.d.name() + ": no method " + name + "() or " + name
                        + "(Map) that a class path can call");
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("component " + c.d.name() + ": " + name + " is not accessible", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("component " + c.d.name() + ": " + name + " failed: " + e.getCause(),
                    e.getCause());
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... params) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            try {
                Method m = t.getDeclaredMethod(name, params);
                m.setAccessible(true);
                return m;
            } catch (NoSuchMethodException e) {
                // look in the superclass
            }
        }
        return null;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            try {
                return t.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    private static List<Descriptor> read(URL url) throws IOException {
        List<Descriptor> found = new ArrayList<>();
        XMLInputFactory factory = FACTORY;
        try (InputStream in = url.openStream()) {
            XMLStreamReader x = factory.createXMLStreamReader(in);
            String name = null;
            String className = null;
            boolean immediate = false;
            List<String> services = new ArrayList<>();
            Map<String, Object> properties = new LinkedHashMap<>();
            List<Reference> references = new ArrayList<>();
            String activate = null;
            String deactivate = null;
            boolean enabled = true;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "component" -> {
                            name = x.getAttributeValue(null, "name");
                            immediate = "true".equals(x.getAttributeValue(null, "immediate"));
                            enabled = !"false".equals(x.getAttributeValue(null, "enabled"));
                            activate = x.getAttributeValue(null, "activate");
                            deactivate = x.getAttributeValue(null, "deactivate");
                            services = new ArrayList<>();
                            properties = new LinkedHashMap<>();
                            references = new ArrayList<>();
                            className = null;
                            refuse(url, name, x, "configuration-policy", "require");
                            refuse(url, name, x, "factory", null);
                            refuse(url, name, x, "init", null);
                        }
                        case "implementation" -> className = x.getAttributeValue(null, "class");
                        case "provide" -> services.add(x.getAttributeValue(null, "interface"));
                        case "property" -> properties.put(x.getAttributeValue(null, "name"),
                                value(x.getAttributeValue(null, "type"), x.getAttributeValue(null, "value")));
                        case "properties" -> throw new IllegalStateException(url + ": component " + name
                                + " reads a properties file, which the class path launch does not support");
                        case "reference" -> {
                            refuse(url, name, x, "target", null);
                            refuse(url, name, x, "parameter", null);
                            String cardinality = x.getAttributeValue(null, "cardinality");
                            String card = cardinality == null ? "1..1" : cardinality;
                            String field = x.getAttributeValue(null, "field");
                            String bind = x.getAttributeValue(null, "bind");
                            if (field == null && bind == null) {
                                throw new IllegalStateException(url + ": reference " + x.getAttributeValue(null, "name")
                                        + " of " + name + " has neither a bind method nor a field");
                            }
                            references.add(new Reference(x.getAttributeValue(null, "name"),
                                    x.getAttributeValue(null, "interface"), card.startsWith("1"), card.endsWith("n"),
                                    bind, field));
                        }
                        default -> {
                            // service and other containers carry nothing more
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("component")) {
                    if (className == null) {
                        throw new IllegalStateException(url + ": component " + name + " names no implementation class");
                    }
                    if (enabled) {
                        found.add(new Descriptor(name == null ? className : name, className, immediate,
                                List.copyOf(services), properties, List.copyOf(references),
                                activate, deactivate, url));
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(url + ": not a readable component descriptor: " + e.getMessage(), e);
        }
        return found;
    }

    private static void refuse(URL url, String component, XMLStreamReader x, String attribute, String value) {
        String v = x.getAttributeValue(null, attribute);
        if (v != null && (value == null || value.equals(v))) {
            throw new IllegalStateException(url + ": component " + component + " uses " + attribute + "=\"" + v
                    + "\", which the class path launch cannot give; run it in OSGi");
        }
    }

    private static Object value(String type, String text) {
        if (text == null) {
            return null;
        }
        return switch (type == null ? "String" : type) {
            case "Integer" -> Integer.valueOf(text.trim());
            case "Long" -> Long.valueOf(text.trim());
            case "Boolean" -> Boolean.valueOf(text.trim());
            case "Double" -> Double.valueOf(text.trim());
            default -> text;
        };
    }
}
