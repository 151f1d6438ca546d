/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Saves a file so that it is either complete and verified or not there at all: the content is written to a
 * temporary file in the target's folder, forced to the disk, verified by the caller (typically by reading it back),
 * then renamed onto the target in one atomic step, and the folder is forced too. On any failure (disk full, file
 * size limit, a failed verification) the temporary file is removed and nothing is left behind. The target is never
 * reached through a symbolic link: a target that is a link, even a dangling one, is refused.
 */
public final class AtomicFiles {

    /** Writes the content to the given (temporary) path. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws Exception;
    }

    /** Checks the written (temporary) file; throws when it is not what was meant to be saved. */
    @FunctionalInterface
    public interface Verification {
        void verify(Path temporary) throws Exception;
    }

    private AtomicFiles() {
    }

    /** Saves a new file; refuses a target that exists (or is a symbolic link). */
    public static void createNew(Path target, Content content, Verification verification) throws IOException {
        save(target, false, content, verification);
    }

    /** Saves a file that may replace an existing regular file (never a symbolic link). */
    public static void replace(Path target, Content content, Verification verification) throws IOException {
        save(target, true, content, verification);
    }

    private static void save(Path target, boolean replace, Content content, Verification verification)
            throws IOException {
        Path file = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(file)) {
            throw new IOException("refusing to write " + file + ": it is a symbolic link");
        }
        if (!replace && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString(), null, "refusing to overwrite an existing file");
        }
        Path folder = Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(folder, "." + file.getFileName() + ".", ".partial");
        try {
            content.writeTo(temporary);
            try (FileChannel c = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            verification.verify(temporary);
            if (!replace && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(file.toString(), null, "appeared while writing; not overwritten");
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            forceFolder(folder);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        } catch (Exception e) {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot save " + file + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()),
                    e);
        }
    }

    /** Forces a folder's entries (the rename) to the disk; some file systems cannot, which is not an error. */
    private static void forceFolder(Path folder) {
        try (FileChannel c = FileChannel.open(folder, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the rename itself is atomic; durability of the folder entry is best effort here
        }
    }
}
