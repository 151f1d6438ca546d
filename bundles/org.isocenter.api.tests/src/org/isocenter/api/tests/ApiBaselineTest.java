/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.api.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.osgi.util.ManifestElement;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Makes every change of Isocenter's API visible: the public and protected signatures of every package an Isocenter
 * bundle exports as API (not {@code x-internal}, not {@code x-friends}) are compared with {@code api/isocenter-api.txt}.
 * A change fails this test with the lines added and removed; accepting it means copying
 * {@code target/isocenter-api.txt} over the baseline, so that the API change is part of the commit and its review.
 * The workbench bundle's API (ids only) is left out: loading its classes would start the workbench plug-in.
 */
class ApiBaselineTest {

    private static final List<String> BUNDLES = List.of("org.isocenter.core", "org.isocenter.dicom",
            "org.isocenter.demo", "org.isocenter.render", "org.isocenter.render.vtk", "org.isocenter.contour",
            "org.isocenter.dose", "org.isocenter.margin", "org.isocenter.igrt", "org.isocenter.session",
            "org.isocenter.registration", "org.isocenter.export", "org.isocenter.cli");

    @Test
    void theExportedApiIsTheBaseline() throws Exception {
        TreeSet<String> current = currentApi();
        assertTrue(current.size() > 500, "the API signature looks incomplete: " + current.size() + " lines");
        Path out = Path.of("target", "isocenter-api.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, current, StandardCharsets.UTF_8);
        TreeSet<String> baseline = new TreeSet<>();
        Bundle self = FrameworkUtil.getBundle(ApiBaselineTest.class);
        try (InputStream in = self.getEntry("api/isocenter-api.txt").openStream()) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(baseline::add);
        }
        List<String> added = new ArrayList<>(), removed = new ArrayList<>();
        current.stream().filter(l -> !baseline.contains(l)).forEach(added::add);
        baseline.stream().filter(l -> !current.contains(l)).forEach(removed::add);
        if (!added.isEmpty() || !removed.isEmpty()) {
            StringBuilder m = new StringBuilder("the API changed (" + added.size() + " added, " + removed.size()
                    + " removed); if intended, copy " + out.toAbsolutePath() + " over api/isocenter-api.txt of "
                    + "org.isocenter.api.tests\n");
            removed.stream().limit(40).forEach(l -> m.append("- ").append(l).append('\n'));
            added.stream().limit(40).forEach(l -> m.append("+ ").append(l).append('\n'));
            fail(m.toString());
        }
    }

    /** One sorted line per public type and per public or protected member of the exported API packages. */
    private static TreeSet<String> currentApi() throws BundleException, ClassNotFoundException, IOException {
        TreeSet<String> lines = new TreeSet<>();
        Bundle[] all = FrameworkUtil.getBundle(ApiBaselineTest.class).getBundleContext().getBundles();
        for (String name : BUNDLES) {
            Bundle b = java.util.Arrays.stream(all).filter(x -> x.getSymbolicName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("bundle " + name + " is not in the test runtime"));
            String header = b.getHeaders("").get(Constants.EXPORT_PACKAGE);
            for (ManifestElement e : ManifestElement.parseHeader(Constants.EXPORT_PACKAGE, header)) {
                if (e.getDirective("x-internal") != null && Boolean.parseBoolean(e.getDirective("x-internal"))
                        || e.getDirective("x-friends") != null) {
                    continue;
                }
                for (String pkg : e.getValueComponents()) {
                    addPackage(b, pkg, lines);
                }
            }
        }
        return lines;
    }

    private static void addPackage(Bundle b, String pkg, TreeSet<String> lines) throws ClassNotFoundException {
        BundleWiring wiring = b.adapt(BundleWiring.class);
        for (String resource : wiring.listResources(pkg.replace('.', '/'), "*.class", BundleWiring.LISTRESOURCES_LOCAL)) {
            String className = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
            if (className.endsWith("package-info")) {
                continue;
            }
            Class<?> c = Class.forName(className, false, wiring.getClassLoader());
            if (!isApi(c)) {
                continue;
            }
            String type = c.getName();
            lines.add(type + " : " + Modifier.toString(c.getModifiers() & ~Modifier.INTERFACE) + " " + kind(c)
                    + (c.getGenericSuperclass() != null && c.getSuperclass() != Object.class && !c.isEnum()
                            && !c.isRecord() ? " extends " + c.getGenericSuperclass().getTypeName() : "")
                    + interfaces(c));
            for (Field f : c.getDeclaredFields()) {
                if (member(f.getModifiers()) && !f.isSynthetic()) {
                    lines.add(type + " : " + Modifier.toString(f.getModifiers()) + " " + f.getGenericType().getTypeName()
                            + " " + f.getName());
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (member(k.getModifiers()) && !k.isSynthetic()) {
                    lines.add(type + " : " + k.toGenericString().replace(type + "(", "<init>("));
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (member(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    lines.add(type + " : " + m.toGenericString());
                }
            }
        }
    }

    /** A public type reachable from outside: public itself and, when nested, in public types. */
    private static boolean isApi(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        for (Class<?> x = c; x != null; x = x.getDeclaringClass()) {
            if (!Modifier.isPublic(x.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean member(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String kind(Class<?> c) {
        return c.isAnnotation() ? "@interface" : c.isInterface() ? "interface" : c.isEnum() ? "enum"
                : c.isRecord() ? "record" : "class";
    }

    private static String interfaces(Class<?> c) {
        var list = java.util.Arrays.stream(c.getGenericInterfaces()).map(java.lang.reflect.Type::getTypeName).toList();
        return list.isEmpty() ? "" : " implements " + String.join(", ", list);
    }
}
