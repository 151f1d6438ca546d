/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;

/**
 * Dispatches {@code ./isocenter <command> args...} to a {@link CliCommand} and enforces the output
 * contract: the JSON result (or {@code {"error": ...}}) is the last line on stdout, progress goes to stderr,
 * and the exit code is 0 (success), 1 (failure) or 2 (usage).
 */
public final class CliRunner {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().serializeSpecialFloatingPointValues()
            .create();

    /** The commands by name; each is created when first used (see {@link #lazy}). */
    private final Map<String, java.util.function.Supplier<CliCommand>> commands = new java.util.TreeMap<>();

    private CliRunner(Map<String, java.util.function.Supplier<CliCommand>> commands) {
        this.commands.putAll(commands);
    }

    /**
     * A runner for these commands (the {@link CliCommand} services, highest {@code service.ranking} first), which
     * {@code help} lists by name. Two commands of one name: one this bundle ships wins, else the higher ranked; the
     * other is left out with a warning on {@code err}, so a plug-in cannot replace a shipped command silently.
     */
    public static CliRunner of(List<CliCommand> ranked, PrintStream err) {
        Map<String, CliCommand> byName = new LinkedHashMap<>();
        for (CliCommand c : ranked) {
            CliCommand taken = byName.get(c.name());
            if (taken == null) {
                byName.put(c.name(), c);
                continue;
            }
            CliCommand kept = shipped(c) && !shipped(taken) ? c : taken;
            CliCommand left = kept == c ? taken : c;
            byName.put(c.name(), kept);
            err.println("isocenter: the command '" + c.name() + "' of " + left.getClass().getName()
                    + " is left out: the name is taken by " + kept.getClass().getName());
        }
        Map<String, java.util.function.Supplier<CliCommand>> suppliers = new LinkedHashMap<>();
        byName.forEach((name, c) -> suppliers.put(name, () -> c));
        return new CliRunner(suppliers);
    }

    /**
     * A runner for commands not created yet (the class path's components, highest ranking first): each is known by
     * its {@link CliCommand#NAME_PROPERTY} and created when it runs, or when {@code help} lists it, so that a command
     * costs nothing at start-up unless it is the one asked for. One without the property is created to ask its name.
     * A second command of a name is left out with a warning on {@code err}.
     */
    public static CliRunner lazy(List<org.isocenter.core.services.ClassPathComponents.Offer<CliCommand>> ranked,
            PrintStream err) {
        Map<String, java.util.function.Supplier<CliCommand>> byName = new LinkedHashMap<>();
        for (var offer : ranked) {
            Object declared = offer.properties().get(CliCommand.NAME_PROPERTY);
            String name = declared instanceof String n ? n : offer.service().get().name();
            if (byName.containsKey(name)) {
                err.println("isocenter: a second command '" + name + "' is left out: the name is taken");
                continue;
            }
            byName.put(name, () -> {
                CliCommand c = offer.service().get();
                if (!c.name().equals(name)) {
                    throw new IllegalStateException(c.getClass().getName() + " declares " + CliCommand.NAME_PROPERTY
                            + "=" + name + " but is named '" + c.name() + "'");
                }
                return c;
            });
        }
        return new CliRunner(byName);
    }

    private static boolean shipped(CliCommand c) {
        return c.getClass().getClassLoader() == CliRunner.class.getClassLoader();
    }

    /** Whether a command of this name is known (built-in or contributed to this runner, or {@code batch}). */
    public boolean knows(String name) {
        return commands.containsKey(name) || name.equals(Batch.NAME);
    }

    /**
     * Runs one command line. {@code --debug} anywhere adds stack traces to failures (otherwise a failure is one
     * line on stderr); {@code help} lists every command with its usage; {@code <command> --help} prints that
     * command's usage and does nothing else.
     */
    public int execute(String[] args, PrintStream out, PrintStream err) {
        List<String> all = new java.util.ArrayList<>(Arrays.asList(args));
        boolean debug = all.remove("--debug");
        if (all.isEmpty() || all.get(0).equals("help") || all.get(0).equals("--help") || all.get(0).equals("-h")) {
            if (all.size() > 1 && commands.containsKey(all.get(1))) {
                return usage(commands.get(all.get(1)).get(), out, err);
            }
            err.println("usage: ./isocenter <command> [args]   (--debug: stack traces on failure; <command> --help: "
                    + "its usage)\ncommands:");
            commands.values().forEach(c -> err.println("  " + c.get().name() + " " + c.get().usage()));
            err.println("  " + Batch.NAME + " " + Batch.USAGE);
            err.println("exit codes: 0 done, 1 refused or failed (the reason in \"error\"), 2 usage mistake");
            JsonObject help = new JsonObject();
            com.google.gson.JsonArray names = new com.google.gson.JsonArray();
            com.google.gson.JsonObject usages = new com.google.gson.JsonObject();
            commands.values().stream().map(java.util.function.Supplier::get).forEach(c -> {
                names.add(c.name());
                usages.addProperty(c.name(), c.usage());
            });
            names.add(Batch.NAME);
            usages.addProperty(Batch.NAME, Batch.USAGE);
            help.add("commands", names);
            help.add("usage", usages);
            if (all.isEmpty()) {
                return fail(out, "no command given; one of " + String.join(", ", commands.keySet()), 2);
            }
            out.println(GSON.toJson(help));
            return 0;
        }
        if (all.get(0).equals(Batch.NAME)) {
            return new Batch(this, debug).run(all.subList(1, all.size()), out, err);
        }
        CliCommand command = commands.containsKey(all.get(0)) ? commands.get(all.get(0)).get() : null;
        if (command == null) {
            err.println("isocenter: unknown command '" + all.get(0) + "'; './isocenter help' lists them");
            return fail(out, "unknown command '" + all.get(0) + "'; one of " + String.join(", ", commands.keySet()), 2);
        }
        List<String> rest = all.subList(1, all.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            return usage(command, out, err);
        }
        long start = System.nanoTime();
        try {
            JsonObject result = command.run(rest, new StderrProgress(err));
            result.addProperty("command", command.name());
            result.addProperty("wallTimeMs", Math.round((System.nanoTime() - start) / 1e6));
            out.println(GSON.toJson(result));
            // a command that did its work but not all of it (a send with failed files) says "ok": false
            return result.has("ok") && !result.get("ok").getAsBoolean() ? 1 : 0;
        } catch (CliUsageException e) {
            err.println("isocenter " + command.name() + ": " + e.getMessage());
            err.println("usage: ./isocenter " + command.name() + " " + command.usage());
            if (debug) {
                e.printStackTrace(err);
            }
            return fail(out, e.getMessage(), 2);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            String message = message(e);
            err.println("isocenter " + command.name() + " failed: " + message);
            if (debug) {
                e.printStackTrace(err);
            }
            return fail(out, message, 1);
        }
    }

    /** A failure's message for a person: the exception's own text, or what kind of failure it was. */
    private static String message(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "not enough memory (" + (e.getMessage() == null ? "" : e.getMessage() + "; ")
                    + "the launcher gives Java 4 GB): the input is larger than Isocenter handles";
        }
        if (e instanceof StackOverflowError) {
            return "the input nests too deeply to process";
        }
        String m = e.getMessage();
        if (e instanceof IndexOutOfBoundsException || e instanceof NullPointerException || e instanceof ClassCastException
                || e instanceof ArithmeticException || e instanceof NegativeArraySizeException
                || e instanceof java.util.ConcurrentModificationException) {
            // not a refusal with a reason but a fault of Isocenter's own: say so rather than show its text as a reason
            return "internal error (" + e.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                    + "); nothing was written. Please report it with the output of --debug";
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static int usage(CliCommand command, PrintStream out, PrintStream err) {
        err.println("usage: ./isocenter " + command.name() + " " + command.usage());
        JsonObject o = new JsonObject();
        o.addProperty("command", command.name());
        o.addProperty("usage", "./isocenter " + command.name() + " " + command.usage());
        out.println(GSON.toJson(o));
        return 0;
    }

    static String json(JsonObject o) {
        return GSON.toJson(o);
    }

    static int fail(PrintStream out, String message, int code) {
        JsonObject error = new JsonObject();
        error.addProperty("error", message);
        out.println(GSON.toJson(error));
        return code;
    }
}
