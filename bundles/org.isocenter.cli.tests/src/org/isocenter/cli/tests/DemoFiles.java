/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.demo.DemoPatient;

/**
 * The demo patient written as DICOM once for all CLI test classes of a run (generating it takes seconds). Read
 * only: the tests write their outputs into their own temporary folders. Removed when the JVM exits.
 */
final class DemoFiles {

    private static Path folder;

    private DemoFiles() {
    }

    /** The demo patient's folder, generated on first use. */
    static synchronized Path folder() {
        if (folder == null) {
            try {
                Path f = Files.createTempDirectory("isocenter-cli-demo");
                DemoPatient.generate(f, ProgressMonitor.NONE);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(f)));
                folder = f;
            } catch (Exception e) {
                throw new IllegalStateException("cannot write the demo patient: " + e.getMessage(), e);
            }
        }
        return folder;
    }

    /** A file or folder of the demo patient (a {@link DemoPatient} name such as {@code CT_FOLDER}), as an argument. */
    static String path(String relative) {
        return folder().resolve(relative).toString();
    }

    private static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not remove " + root + ": " + e.getMessage());
        }
    }
}
