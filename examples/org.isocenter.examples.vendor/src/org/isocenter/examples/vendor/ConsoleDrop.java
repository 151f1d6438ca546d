/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.examples.vendor;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

import org.isocenter.export.ExportDestination;

/**
 * A vendor's own export destination: the drop folder a (fictitious) treatment console watches, and the treatment
 * machine the job is for. The console picks a job up when its {@code ticket.json} appears. {@code root} is an absolute
 * local path; no frame or unit.
 */
public record ConsoleDrop(Path root, String machine) implements ExportDestination {

    /** Machine names the console accepts: letters, digits, '-' and '_', at most 16. */
    public static final Pattern MACHINE = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    public ConsoleDrop {
        Objects.requireNonNull(root, "root");
        if (!root.isAbsolute()) {
            throw new IllegalArgumentException("the drop folder must be an absolute path: " + root);
        }
        root = root.normalize();
        if (machine == null || !MACHINE.matcher(machine).matches()) {
            throw new IllegalArgumentException("the machine name '" + machine
                    + "' is not one the console accepts (letters, digits, '-' and '_', at most 16)");
        }
    }

    @Override
    public String describe() {
        return "console drop " + root + " for machine " + machine;
    }
}
