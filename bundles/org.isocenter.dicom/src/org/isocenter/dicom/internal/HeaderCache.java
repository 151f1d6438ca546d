/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Image headers the folder scan has just parsed (every attribute before Pixel Data, the file's element structure
 * checked), kept for the series reader that usually follows so that it does not parse them again. Each entry is
 * used once, only while the file's size and modification time are still the scan's, and at most {@value #CAPACITY}
 * are kept (the oldest go first). No frame or unit.
 */
final class HeaderCache {

    static final int CAPACITY = 1024;

    private record Cached(long size, long modifiedNanos, Part10.Header header) {
    }

    private static final Map<Path, Cached> ENTRIES = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Cached> eldest) {
            return size() > CAPACITY;
        }
    });

    private HeaderCache() {
    }

    /** Keeps a complete file's header (nothing is kept when its attributes cannot be read). */
    static void put(Path file, Part10.Header header) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            ENTRIES.put(key(file), new Cached(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), header));
        } catch (IOException | RuntimeException e) {
            ENTRIES.remove(key(file));
        }
    }

    /** The scan's header of the file, once, if the file has not changed since; else empty. */
    static Optional<Part10.Header> take(Path file) {
        Cached e = ENTRIES.remove(key(file));
        if (e == null) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() == e.size() && a.lastModifiedTime().to(TimeUnit.NANOSECONDS) == e.modifiedNanos()
                    ? Optional.of(e.header()) : Optional.empty();
        } catch (IOException | RuntimeException x) {
            return Optional.empty();
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
