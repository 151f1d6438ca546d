/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli;

import java.util.List;

import com.google.gson.JsonObject;

import org.isocenter.core.progress.ProgressMonitor;

/**
 * One {@code ./isocenter <command>}: parses its arguments, does its work headless, reports progress through
 * the monitor (printed on stderr) and returns the JSON object that becomes the last line of stdout.
 * Throw {@link CliUsageException} for bad arguments and any other exception for a failure; both become
 * {@code {"error": "..."}} and a non-zero exit. A result with {@code "ok": false} (work done, but not all of
 * it, e.g. a send with failed files) is printed and exits 1.
 */
public interface CliCommand {

    /**
     * The service property that carries {@link #name()}: with it the fast command-line launch lists the command
     * without creating it (created only when it runs). Optional; a command without it is created to ask its name.
     */
    String NAME_PROPERTY = "command.name";

    /** The word after {@code ./isocenter}. */
    String name();

    /** One line: arguments and what the command does. */
    String usage();

    JsonObject run(List<String> args, ProgressMonitor progress) throws Exception;
}
