/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.isocenter.cli.CliUsageException;

/**
 * {@code --option value} pairs and {@code --flag}s of a command line, checked against the options a command knows.
 * An option given more than once keeps every value ({@link #all}); the single-value readers take the last.
 */
final class CliArgs {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    CliArgs(List<String> args, Set<String> known) throws CliUsageException {
        this(args, known, Set.of());
    }

    /** {@code flags}: options without a value ({@link #flag}). */
    CliArgs(List<String> args, Set<String> known, Set<String> flags) throws CliUsageException {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new CliUsageException("unexpected argument '" + a + "'; options start with --");
            }
            if (flags.contains(a)) {
                values.computeIfAbsent(a, k -> new ArrayList<>()).add("true");
                continue;
            }
            if (!known.contains(a)) {
                throw new CliUsageException("unknown option " + a);
            }
            if (i + 1 == args.size()) {
                throw new CliUsageException(a + " needs a value");
            }
            values.computeIfAbsent(a, k -> new ArrayList<>()).add(args.get(++i));
        }
    }

    private String last(String option) {
        List<String> v = values.get(option);
        return v == null ? null : v.get(v.size() - 1);
    }

    String text(String option, String fallback) {
        String v = last(option);
        return v == null ? fallback : v;
    }

    /** Every value of an option given more than once, in command-line order (empty when absent). */
    List<String> all(String option) {
        return List.copyOf(values.getOrDefault(option, List.of()));
    }

    /** Whether a flag (an option without a value) was given. */
    boolean flag(String option) {
        return values.containsKey(option);
    }

    String required(String option, String what) throws CliUsageException {
        String v = last(option);
        if (v == null) {
            throw new CliUsageException(option + " " + what + " is required");
        }
        return v;
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    /** An existing folder, absolute. */
    Path folder(String option) throws CliUsageException {
        Path p = Path.of(required(option, "<folder>")).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new CliUsageException("not a folder: " + p);
        }
        return p;
    }

    /** An existing file, absolute, or null when the option is absent. */
    Path existingFile(String option) throws CliUsageException {
        if (!has(option)) {
            return null;
        }
        Path p = Path.of(last(option)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new CliUsageException("no such file: " + p);
        }
        return p;
    }

    /** An existing folder, absolute, or null when the option is absent. */
    Path existingFolder(String option) throws CliUsageException {
        return has(option) ? folder(option) : null;
    }

    /** A file to create, absolute; refuses one that exists. */
    Path newFile(String option) throws CliUsageException {
        Path p = Path.of(required(option, "<file>")).toAbsolutePath().normalize();
        if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new CliUsageException(option + " " + p + (Files.isSymbolicLink(p) ? " is a symbolic link" : " exists")
                    + "; refusing to write there");
        }
        return p;
    }

    double number(String option, double fallback, double min, double max) throws CliUsageException {
        if (!has(option)) {
            return fallback;
        }
        String v = last(option);
        double d = parse(option, v);
        if (!(d >= min && d <= max)) {
            throw new CliUsageException(option + " must be within " + min + ".." + max + ", not " + v);
        }
        return d;
    }

    /** A positive finite number, or {@code fallback} when the option is absent. */
    double positive(String option, double fallback) throws CliUsageException {
        if (!has(option)) {
            return fallback;
        }
        String v = last(option);
        double d = parse(option, v);
        if (!(d > 0) || !Double.isFinite(d)) {
            throw new CliUsageException(option + " must be a positive number, not '" + v + "'");
        }
        return d;
    }

    /** Comma-separated non-negative numbers (positive ones when {@code positive}); empty when the option is absent. */
    double[] numbers(String option, boolean positive) throws CliUsageException {
        if (!has(option)) {
            return new double[0];
        }
        String v = last(option);
        String[] parts = v.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parse(option, parts[i].strip());
            if (out[i] < 0 || (positive && out[i] == 0) || !Double.isFinite(out[i])) {
                throw new CliUsageException(option + " takes " + (positive ? "positive" : "non-negative")
                        + " numbers separated by commas, not '" + v + "'");
            }
        }
        return out;
    }

    private static double parse(String option, String v) throws CliUsageException {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new CliUsageException(option + " '" + v + "' is not a number");
        }
    }
}
