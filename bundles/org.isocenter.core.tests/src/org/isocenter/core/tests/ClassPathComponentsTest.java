/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.isocenter.core.services.ClassPathComponents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-path component runtime reads descriptors as the build generates them (the same XML SCR reads) and wires
 * them as SCR would: ranking, unary and multiple references by method or field, unsatisfied components left out,
 * activate and deactivate, and a refusal naming the component for what it cannot give.
 */
class ClassPathComponentsTest {

    /** A service type. */
    public interface Greeter {
        String greet();
    }

    /** A provider ranked low. */
    public static final class Plain implements Greeter {
        @Override
        public String greet() {
            return "hello";
        }
    }

    /** A provider ranked high; counts its creations. */
    public static final class Ranked implements Greeter {
        static final java.util.concurrent.atomic.AtomicInteger CREATED = new java.util.concurrent.atomic.AtomicInteger();

        public Ranked() {
            CREATED.incrementAndGet();
        }

        @Override
        public String greet() {
            return "good day";
        }
    }

    /** Binds all greeters by method (with properties) and the best one by field; counts its activations. */
    public static final class Consumer {
        public final List<String> bound = new ArrayList<>();
        public final List<Object> rankings = new ArrayList<>();
        private Greeter best;
        public int activated;
        public int deactivated;

        public void add(Greeter g, Map<String, Object> properties) {
            bound.add(g.greet());
            rankings.add(properties.get("service.ranking"));
        }

        public void remove(Greeter g) {
            bound.remove(g.greet());
        }

        public Greeter best() {
            return best;
        }

        void activate() {
            activated++;
        }

        void deactivate() {
            deactivated++;
        }
    }

    /** Needs a service no one offers. */
    public static final class Needy {
        public void set(Runnable r) {
            throw new AssertionError("never bound");
        }
    }

    private static final String NS = "xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\"";

    private static ClassLoader loader(Path dir, Map<String, String> descriptors) throws IOException {
        Files.createDirectories(dir.resolve("META-INF"));
        Files.createDirectories(dir.resolve("OSGI-INF"));
        StringBuilder header = new StringBuilder();
        for (var e : descriptors.entrySet()) {
            Files.writeString(dir.resolve("OSGI-INF").resolve(e.getKey()), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + e.getValue());
            header.append(header.length() == 0 ? "" : ",").append("OSGI-INF/").append(e.getKey());
        }
        Files.writeString(dir.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\nService-Component: " + header
                + "\n\n");
        return new URLClassLoader(new URL[] { dir.toUri().toURL() }, ClassPathComponentsTest.class.getClassLoader());
    }

    private static String provider(Class<?> impl, Integer ranking) {
        return "<scr:component " + NS + " name=\"" + impl.getSimpleName() + "\">"
                + (ranking == null ? "" : "<property name=\"service.ranking\" type=\"Integer\" value=\"" + ranking + "\"/>")
                + "<service><provide interface=\"" + Greeter.class.getName() + "\"/></service>"
                + "<implementation class=\"" + impl.getName() + "\"/></scr:component>";
    }

    private static final String CONSUMER = "<scr:component " + NS + " name=\"consumer\" immediate=\"true\">"
            + "<service><provide interface=\"" + Consumer.class.getName() + "\"/></service>"
            + "<reference name=\"all\" cardinality=\"0..n\" policy=\"dynamic\" interface=\"" + Greeter.class.getName()
            + "\" bind=\"add\" unbind=\"remove\"/>"
            + "<reference name=\"best\" interface=\"" + Greeter.class.getName() + "\" field=\"best\"/>"
            + "<implementation class=\"" + Consumer.class.getName() + "\"/></scr:component>";

    @Test
    void servicesAreRankedAndReferencesBoundAsScrWould(@TempDir Path dir) throws Exception {
        ClassLoader l = loader(dir, Map.of("a.xml", provider(Plain.class, null), "b.xml", provider(Ranked.class, 10),
                "c.xml", CONSUMER, "d.xml", "<scr:component " + NS + " name=\"needy\" immediate=\"true\">"
                        + "<reference name=\"r\" interface=\"java.lang.Runnable\" bind=\"set\"/>"
                        + "<implementation class=\"" + Needy.class.getName() + "\"/></scr:component>"));
        ClassPathComponents components = ClassPathComponents.start(l);
        assertTrue(!components.componentNames().contains("needy"), "unsatisfied: left out, never created");
        List<Greeter> greeters = components.services(Greeter.class);
        assertEquals(List.of("good day", "hello"), greeters.stream().map(Greeter::greet).toList(), "highest ranking first");
        assertSame(greeters.get(0), components.services(Greeter.class).get(0), "one instance per component");
        Consumer c = components.services(Consumer.class).get(0);
        assertEquals(List.of("good day", "hello"), c.bound, "a multiple reference binds every provider by ranking");
        assertEquals(10, c.rankings.get(0), "with its service properties, typed");
        assertSame(greeters.get(0), c.best(), "a unary field reference gets the highest ranked provider");
        assertEquals(1, c.activated, "activated once, after binding");
        components.close();
        assertEquals(1, c.deactivated);
    }

    @Test
    void offersListServicesByTheirPropertiesWithoutCreatingThem(@TempDir Path dir) throws Exception {
        ClassLoader l = loader(dir, Map.of("a.xml", provider(Plain.class, null), "b.xml", provider(Ranked.class, 7)));
        ClassPathComponents components = ClassPathComponents.start(l);
        int before = Ranked.CREATED.get();
        var offers = components.offers(Greeter.class);
        assertEquals(List.of(7, 0), offers.stream().map(o -> o.properties().getOrDefault("service.ranking", 0)).toList(),
                "highest ranking first, with the component's properties");
        assertEquals(before, Ranked.CREATED.get(), "nothing created by listing");
        assertEquals("good day", offers.get(0).service().get().greet());
        assertSame(offers.get(0).service().get(), components.services(Greeter.class).get(0), "created once, on first get");
        assertEquals(before + 1, Ranked.CREATED.get());
    }

    @Test
    void aMandatoryReferenceWithoutProviderLeavesItsConsumerOut(@TempDir Path dir) throws Exception {
        ClassLoader l = loader(dir, Map.of("c.xml", CONSUMER));
        ClassPathComponents components = ClassPathComponents.start(l);
        assertTrue(components.services(Consumer.class).isEmpty(), "'best' is 1..1 and no Greeter is offered");
    }

    @Test
    void whatAClassPathCannotGiveIsRefusedNamingTheComponent(@TempDir Path dir) throws Exception {
        ClassLoader l = loader(dir, Map.of("t.xml", "<scr:component " + NS + " name=\"filtered\">"
                + "<reference name=\"r\" interface=\"java.lang.Runnable\" target=\"(x=y)\" bind=\"set\"/>"
                + "<implementation class=\"" + Needy.class.getName() + "\"/></scr:component>"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClassPathComponents.start(l));
        assertTrue(e.getMessage().contains("filtered") && e.getMessage().contains("target"), e.getMessage());
    }

    @Test
    void aBrokenDescriptorIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        ClassLoader l = loader(dir, Map.of("broken.xml", "<scr:component " + NS + " name=\"x\"><implementation"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClassPathComponents.start(l));
        assertTrue(e.getMessage().contains("broken.xml"), e.getMessage());
    }
}
