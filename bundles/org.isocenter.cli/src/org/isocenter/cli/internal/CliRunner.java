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

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues()
            .create();

    private final Map<String, CliCommand> commands = new LinkedHashMap<>();

    public CliRunner(List<CliCommand> available) {
        for (CliCommand c : available) {
            commands.put(c.name(), c);
        }
    }

    /** The commands shipped with the core CLI. */
    public static CliRunner withBuiltInCommands() {
        return new CliRunner(List.of(new InfoCommand(), new DemoCommand(), new LoadCommand(), new EchoCommand(),
                new SendCommand(), new MarginPolicyCommand(), new RegisterCommand(), new MarginCommand(),
                new BooleanCommand(), new DvhCommand(), new ItvCommand(), new ExportCommand()));
    }

    public int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            err.println("usage: ./isocenter <command> [args]\ncommands:");
            commands.values().forEach(c -> err.println("  " + c.name() + " " + c.usage()));
            JsonObject help = new JsonObject();
            com.google.gson.JsonArray names = new com.google.gson.JsonArray();
            commands.keySet().forEach(names::add);
            help.add("commands", names);
            if (args.length == 0) {
                return fail(out, "no command given; one of " + String.join(", ", commands.keySet()), 2);
            }
            out.println(GSON.toJson(help));
            return 0;
        }
        CliCommand command = commands.get(args[0]);
        if (command == null) {
            return fail(out, "unknown command '" + args[0] + "'; one of " + String.join(", ", commands.keySet()), 2);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        long start = System.nanoTime();
        try {
            JsonObject result = command.run(rest, new StderrProgress(err));
            result.addProperty("command", command.name());
            result.addProperty("wallTimeMs", Math.round((System.nanoTime() - start) / 1e6));
            out.println(GSON.toJson(result));
            // a command that did its work but not all of it (a send with failed files) says "ok": false
            return result.has("ok") && !result.get("ok").getAsBoolean() ? 1 : 0;
        } catch (CliUsageException e) {
            err.println("usage: ./isocenter " + command.name() + " " + command.usage());
            return fail(out, e.getMessage(), 2);
        } catch (Exception | OutOfMemoryError e) {
            err.println("isocenter " + command.name() + " failed:");
            e.printStackTrace(err);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return fail(out, message, 1);
        }
    }

    private static int fail(PrintStream out, String message, int code) {
        JsonObject error = new JsonObject();
        error.addProperty("error", message);
        out.println(GSON.toJson(error));
        return code;
    }
}
