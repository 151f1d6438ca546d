/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code batch FILE|-}: the command lines of a file (or of stdin), one per line, run one after the other in this one
 * process, so that a script looping over patients pays the start-up once and later commands run on code the JIT has
 * already compiled. A line is written as after {@code ./isocenter} (words split at blanks, '…' or "…" keep blanks in
 * a word); blank lines and lines starting with {@code #} are skipped. Every line is read and split before any runs:
 * a file that cannot be read or split is refused whole. A failing line does not stop the others. Each command writes
 * its output as it would alone (its JSON object as a line on stdout, progress on stderr); the last stdout line is the
 * batch's JSON with each line's exit code and JSON. Exit code: 0 when every line exited 0, else the largest line's.
 */
final class Batch {

    static final String NAME = "batch";
    static final String USAGE = "<file>|-  runs the command lines of the file (or stdin), one per line, in this one "
            + "process ('#' starts a comment line; quotes keep blanks in a word); a failing line does not stop the "
            + "rest; the last stdout line lists each line's exit code and JSON";

    private final CliRunner runner;
    private final boolean debug;

    Batch(CliRunner runner, boolean debug) {
        this.runner = runner;
        this.debug = debug;
    }

    /** One command line of the file: its line number (from 1) and its words. */
    record Line(int number, List<String> words) {
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("usage: ./isocenter " + NAME + " " + USAGE);
            return CliRunner.fail(out, NAME + " takes one file of command lines (or - for stdin)", 2);
        }
        String source = args.get(0);
        List<Line> lines;
        try {
            String text = source.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
            lines = parse(text);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("isocenter " + NAME + ": cannot read " + source + ": " + e.getMessage());
            return CliRunner.fail(out, "cannot read " + source + ": " + e.getMessage(), 2);
        } catch (IllegalArgumentException e) {
            err.println("isocenter " + NAME + ": " + source + ": " + e.getMessage());
            return CliRunner.fail(out, source + ": " + e.getMessage(), 2);
        }
        long start = System.nanoTime();
        JsonArray results = new JsonArray();
        int worst = 0, failed = 0;
        for (Line line : lines) {
            List<String> words = new ArrayList<>(line.words());
            if (debug && !words.contains("--debug")) {
                words.add("--debug");
            }
            // a command prints only its JSON line on stdout, when it ends: kept here, then passed on
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream stdout = new PrintStream(captured, true, StandardCharsets.UTF_8);
            int code;
            if (words.get(0).equals(NAME)) {
                err.println("isocenter " + NAME + ": line " + line.number() + ": a batch does not run another batch");
                code = CliRunner.fail(stdout, "line " + line.number() + ": a batch does not run another batch", 2);
            } else {
                err.println("[" + NAME + " line " + line.number() + "] " + String.join(" ", line.words()));
                code = runner.execute(words.toArray(String[]::new), stdout, err);
            }
            String printed = captured.toString(StandardCharsets.UTF_8);
            out.print(printed);
            out.flush();
            // a finished command's images are garbage now: collecting them here lets the next command reuse their
            // memory instead of growing the heap into new pages (five registers: peak RSS 750 -> 285 MiB, 2.8-3.2
            // -> 2.5-2.6 s on a two-core virtual machine, where every new page costs a fault)
            System.gc();
            JsonObject r = new JsonObject();
            r.addProperty("line", line.number());
            JsonArray a = new JsonArray();
            line.words().forEach(a::add);
            r.add("args", a);
            r.addProperty("exitCode", code);
            r.add("result", lastJson(printed));
            results.add(r);
            worst = Math.max(worst, code);
            failed += code == 0 ? 0 : 1;
        }
        JsonObject summary = new JsonObject();
        summary.addProperty("command", NAME);
        summary.addProperty("source", source.equals("-") ? "stdin" : Path.of(source).toAbsolutePath().toString());
        summary.addProperty("commands", lines.size());
        summary.addProperty("failed", failed);
        summary.add("results", results);
        summary.addProperty("wallTimeMs", Math.round((System.nanoTime() - start) / 1e6));
        out.println(CliRunner.json(summary));
        return worst;
    }

    /** The command lines of a batch file; refuses an unclosed quote, naming its line. */
    static List<Line> parse(String text) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i].strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            lines.add(new Line(i + 1, words(t, i + 1)));
        }
        return lines;
    }

    /** A line's words: split at blanks; a quoted part ('…' or "…") keeps its blanks and loses its quotes. */
    static List<String> words(String line, int number) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("line " + number + ": the quote " + quote + " is not closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The last line of a command's stdout as JSON (the runner's contract); an empty object when there is none. */
    private static JsonObject lastJson(String stdout) {
        String[] lines = stdout.strip().split("\n");
        try {
            return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }
}
