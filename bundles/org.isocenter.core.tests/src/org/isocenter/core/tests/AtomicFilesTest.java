/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.isocenter.core.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save is complete and verified, or leaves nothing behind; links are never followed. */
class AtomicFilesTest {

    @TempDir
    Path tmp;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailureWhileWritingOrVerifyingLeavesNothingBehind() throws Exception {
        Path target = tmp.resolve("out.txt");
        IOException full = assertThrows(IOException.class, () -> AtomicFiles.createNew(target, t -> {
            Files.writeString(t, "half of it");
            throw new IOException("No space left on device");
        }, t -> { }));
        assertTrue(full.getMessage().contains("No space left"), full.getMessage());
        assertEquals(List.of(), names(), "no target, no temporary file");
        IOException bad = assertThrows(IOException.class, () -> AtomicFiles.createNew(target,
                t -> Files.writeString(t, "written"), t -> {
                    throw new IllegalStateException("does not read back");
                }));
        assertTrue(bad.getMessage().contains("does not read back") && bad.getMessage().contains("out.txt"));
        assertEquals(List.of(), names());
        AtomicFiles.createNew(target, t -> Files.writeString(t, "complete"), t -> { });
        assertEquals("complete", Files.readString(target));
        assertEquals(List.of("out.txt"), names());
    }

    @Test
    void existingFilesAreNotOverwrittenAndReplacementKeepsTheOldOnFailure() throws Exception {
        Path target = Files.writeString(tmp.resolve("log.txt"), "old");
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> AtomicFiles.createNew(target, t -> Files.writeString(t, "new"), t -> { }));
        assertThrows(IOException.class, () -> AtomicFiles.replace(target, t -> {
            Files.writeString(t, "new but");
            throw new IOException("File too large");
        }, t -> { }));
        assertEquals("old", Files.readString(target), "the previous content is intact");
        AtomicFiles.replace(target, t -> Files.writeString(t, "new"), t -> { });
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("log.txt"), names());
    }

    @Test
    void symbolicLinksAreNeverFollowedEvenDanglingOnes() throws Exception {
        Path elsewhere = tmp.resolve("elsewhere.txt");
        Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), elsewhere);
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.createNew(link, t -> Files.writeString(t, "x"), t -> { }));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertThrows(IOException.class, () -> AtomicFiles.replace(link, t -> Files.writeString(t, "x"), t -> { }));
        assertFalse(Files.exists(elsewhere), "nothing written through the link");
        assertTrue(Files.isSymbolicLink(link));
    }
}
