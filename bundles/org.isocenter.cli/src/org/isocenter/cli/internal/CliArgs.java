package org.isocenter.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.isocenter.cli.CliUsageException;

/** {@code --option value} pairs of a command line, checked against the options a command knows. */
final class CliArgs {

    private final Map<String, String> values = new LinkedHashMap<>();

    CliArgs(List<String> args, Set<String> known) throws CliUsageException {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new CliUsageException("unexpected argument '" + a + "'; options start with --");
            }
            if (!known.contains(a)) {
                throw new CliUsageException("unknown option " + a);
            }
            if (i + 1 == args.size()) {
                throw new CliUsageException(a + " needs a value");
            }
            values.put(a, args.get(++i));
        }
    }

    String text(String option, String fallback) {
        return values.getOrDefault(option, fallback);
    }

    String required(String option, String what) throws CliUsageException {
        String v = values.get(option);
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
        Path p = Path.of(values.get(option)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new CliUsageException("no such file: " + p);
        }
        return p;
    }

    /** A file to create, absolute; refuses one that exists. */
    Path newFile(String option) throws CliUsageException {
        Path p = Path.of(required(option, "<file>")).toAbsolutePath().normalize();
        if (Files.exists(p)) {
            throw new CliUsageException(option + " " + p + " exists; refusing to overwrite it");
        }
        return p;
    }

    double number(String option, double fallback, double min, double max) throws CliUsageException {
        if (!has(option)) {
            return fallback;
        }
        String v = values.get(option);
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new CliUsageException(option + " '" + v + "' is not a number");
        }
        if (!(d >= min && d <= max)) {
            throw new CliUsageException(option + " must be within " + min + ".." + max + ", not " + v);
        }
        return d;
    }
}
