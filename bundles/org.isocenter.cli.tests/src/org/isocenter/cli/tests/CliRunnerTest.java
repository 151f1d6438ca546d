/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.isocenter.cli.internal.CliApplication;
import org.isocenter.demo.DemoPatient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's contract: last stdout line is JSON, errors as {"error": ...} with a non-zero exit. */
class CliRunnerTest {

    @TempDir
    static Path tmp;
    static Path demo;

    record Run(int exitCode, JsonObject json, String stdout, String stderr) {
    }

    /** Runs the CLI in this JVM; the JSON is the last stdout line. */
    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = CliApplication.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stdout = out.toString(StandardCharsets.UTF_8);
        String[] lines = stdout.strip().split("\n");
        JsonObject json = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
        return new Run(code, json, stdout, err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void writeDemoThroughTheCli() {
        demo = tmp.resolve("demo");
        Run r = run("demo", demo.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(14, r.json().get("seriesCount").getAsInt(), "CT, RTSTRUCT, RTPLAN, RTDOSE and 10 CBCTs");
        assertTrue(r.stderr().contains("Generating the demo patient"), "progress goes to stderr");
    }

    @Test
    void infoOnAFolderWithACorruptFileNamesItAndStillListsEverythingElse() throws Exception {
        Path bad = demo.resolve(DemoPatient.CT_FOLDER).resolve("CT_0007.dcm");
        byte[] bytes = Files.readAllBytes(bad);
        Files.write(bad, java.util.Arrays.copyOf(bytes, 3000)); // cut inside the header/pixel data
        try {
            Run r = run("info", demo.toString());
            assertEquals(0, r.exitCode(), r.stderr());
            JsonObject j = r.json();
            assertEquals("info", j.get("command").getAsString());
            JsonArray problems = j.getAsJsonArray("problems");
            assertEquals(1, problems.size());
            assertEquals(bad.toString(), problems.get(0).getAsJsonObject().get("file").getAsString());
            JsonArray series = j.getAsJsonArray("patients").get(0).getAsJsonObject().getAsJsonArray("studies").get(0)
                    .getAsJsonObject().getAsJsonArray("series");
            int ctInstances = -1;
            boolean sawStructures = false;
            for (JsonElement e : series) {
                JsonObject s = e.getAsJsonObject();
                if (s.get("modality").getAsString().equals("CT")) {
                    ctInstances = s.get("instances").getAsInt();
                }
                if (s.get("modality").getAsString().equals("RTSTRUCT")) {
                    sawStructures = true;
                    assertEquals(6, s.getAsJsonArray("rois").size());
                }
            }
            assertEquals(99, ctInstances, "the other 99 planning slices are listed");
            assertTrue(sawStructures);
            assertEquals(14, j.get("seriesCount").getAsInt());
            // loading that series is refused naming the unreadable slice, not blaming a neighbour or a gap
            Run load = run("load", demo.resolve(DemoPatient.CT_FOLDER).toString());
            assertEquals(1, load.exitCode(), load.stdout());
            String error = load.json().get("error").getAsString();
            assertTrue(error.contains("CT_0007.dcm: truncated or corrupt") && error.contains("incomplete"), error);
        } finally {
            Files.write(bad, bytes);
        }
    }

    @Test
    void loadReportsShapeSpacingAndHuRange() {
        Run r = run("load", demo.resolve(DemoPatient.dailyFolder(1)).toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("[256,256,64]", r.json().get("shape").toString());
        assertEquals("[1.0,1.0,2.5]", r.json().get("spacingMm").toString());
        assertEquals(-1024, r.json().getAsJsonArray("valueRange").get(0).getAsDouble(), 0);
        assertTrue(r.json().getAsJsonArray("valueRange").get(1).getAsDouble() > 500, "bone is in the daily image");
    }

    @Test
    void failuresAndUsageErrorsGiveErrorJsonAndNonZeroExit() {
        Run missing = run("info", tmp.resolve("nope").toString());
        assertEquals(2, missing.exitCode(), "a missing input is a usage mistake in every command");
        assertTrue(missing.json().get("error").getAsString().contains("nope"));
        Run unknown = run("frobnicate");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.json().get("error").getAsString().contains("frobnicate"));
        Run noArgs = run("info");
        assertEquals(2, noArgs.exitCode());
        assertTrue(noArgs.json().has("error"));
    }

    @Test
    void helpListsEveryCommandWithItsUsageAndCommandHelpDoesNothingElse() throws Exception {
        Run help = run("help");
        assertEquals(0, help.exitCode());
        var names = help.json().getAsJsonArray("commands");
        for (String c : new String[] { "info", "demo", "load", "echo", "send", "margin-policy", "register", "margin",
                "boolean", "dvh", "itv", "export" }) {
            assertTrue(names.contains(new com.google.gson.JsonPrimitive(c)), c + " listed");
            assertTrue(help.stderr().contains("  " + c + " "), c + " with its usage on stderr");
        }
        Path target = tmp.resolve("cwd-demo");
        Files.createDirectories(target);
        Run demoHelp = run("demo", "--help");
        assertEquals(0, demoHelp.exitCode());
        assertTrue(demoHelp.json().get("usage").getAsString().startsWith("./isocenter demo <folder>"));
        assertTrue(!Files.exists(Path.of("--help")) && !Files.exists(Path.of("--help").toAbsolutePath()),
                "demo --help writes nothing");
        Run infoHelp = run("info", demo.toString(), "--help");
        assertEquals(0, infoHelp.exitCode());
        assertTrue(!infoHelp.json().has("patients"), "--help runs nothing");
    }

    @Test
    void failuresAreOneLineOnStderrAndStackTracesOnlyWithDebug() throws Exception {
        Path broken = Files.createDirectories(tmp.resolve("broken-series"));
        Files.write(broken.resolve("x.dcm"), new byte[] { 1, 2, 3 });
        Run plain = run("load", broken.toString());
        assertEquals(1, plain.exitCode(), plain.stdout());
        assertTrue(plain.stderr().contains("isocenter load failed: "), plain.stderr());
        assertTrue(!plain.stderr().contains("\tat "), "no stack trace without --debug:\n" + plain.stderr());
        Run debug = run("load", broken.toString(), "--debug");
        assertEquals(1, debug.exitCode());
        assertTrue(debug.stderr().contains("\tat "), "a stack trace with --debug:\n" + debug.stderr());
        assertEquals(plain.json().get("error").getAsString(), debug.json().get("error").getAsString());
        Run missingSend = run("send", "X@127.0.0.1:1", tmp.resolve("nothing-here").toString());
        assertEquals(2, missingSend.exitCode(), missingSend.stdout());
        // control characters never reach a DICOM value, and a refused save leaves nothing behind
        Path out = tmp.resolve("escaped.dcm");
        Run escaped = run("boolean", "--planning", demo.resolve(DemoPatient.CT_FOLDER).toString(), "--op", "union", "--a",
                "Bladder", "--b", "Rectum", "--name", "OAR\u001b[31m\nX", "--out", out.toString());
        assertEquals(1, escaped.exitCode(), escaped.stdout());
        assertTrue(escaped.json().get("error").getAsString().contains("control character 0x1b"), escaped.stdout());
        assertTrue(!Files.exists(out));
        try (java.util.stream.Stream<Path> files = Files.list(tmp)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".partial")), "no temporary file left");
        }
    }

    @Test
    void echoAndSendTalkDicomToAStorageServerWithAStatusPerFile() throws Exception {
        java.util.List<org.isocenter.dicom.net.ReceivedObject> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (org.isocenter.dicom.net.StorageServer server = org.isocenter.dicom.net.StorageServer.start("CLITEST", 0,
                tmp.resolve("received"), received::add)) {
            String node = "CLITEST@127.0.0.1:" + server.port();
            Run echo = run("echo", node, "--aet", "ISOTEST");
            assertEquals(0, echo.exitCode(), echo.stdout());
            assertTrue(echo.json().get("success").getAsBoolean());

            Path notes = Files.writeString(tmp.resolve("notes.txt"), "not DICOM");
            Run send = run("send", node, demo.resolve(DemoPatient.RTPLAN_FILE).toString(),
                    demo.resolve(DemoPatient.RTDOSE_FILE).toString(), demo.resolve(DemoPatient.RTSTRUCT_FILE).toString(),
                    notes.toString());
            assertEquals(1, send.exitCode(), "one file could not be sent: exit 1 with the report\n" + send.stdout());
            assertEquals(3, send.json().get("stored").getAsInt());
            assertEquals(1, send.json().get("failed").getAsInt());
            JsonArray files = send.json().getAsJsonArray("files");
            assertEquals(4, files.size());
            JsonObject failed = files.get(3).getAsJsonObject();
            assertEquals("FAILED", failed.get("outcome").getAsString());
            assertTrue(failed.get("file").getAsString().endsWith("notes.txt"));
            assertEquals(3, received.size());
            assertEquals(files.get(0).getAsJsonObject().get("sopInstanceUid").getAsString(), received.get(0).sopInstanceUid());

            Run wrongAe = run("echo", "NOBODY@127.0.0.1:" + server.port(), "--timeout-ms", "5000");
            assertEquals(1, wrongAe.exitCode(), wrongAe.stdout());
            assertTrue(wrongAe.json().get("message").getAsString().toLowerCase().contains("reject"), wrongAe.stdout());
        }
        Run bad = run("send", "not-a-node", "x.dcm");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.json().get("error").getAsString().contains("AE@host:port"), bad.stdout());
    }

    @Test
    void marginPolicyFromShiftsCsv() throws Exception {
        // 40 virtual patients x 15 fractions: systematic SD 3 mm, random SD 2 mm per axis (seeded)
        java.util.Random r = new java.util.Random(7);
        StringBuilder csv = new StringBuilder("patient,fraction,lr,ap,si\n");
        for (int p = 0; p < 40; p++) {
            double[] s = { 3 * r.nextGaussian(), 3 * r.nextGaussian(), 3 * r.nextGaussian() };
            for (int f = 1; f <= 15; f++) {
                csv.append("P").append(p).append(',').append(f);
                for (double sys : s) {
                    csv.append(',').append(sys + 2 * r.nextGaussian());
                }
                csv.append('\n');
            }
        }
        Path shifts = Files.writeString(tmp.resolve("shifts.csv"), csv);
        // the same shifts as the workbench's fraction logs (one folder per patient, HFS couch corrections)
        Path records = tmp.resolve("records");
        for (String line : csv.toString().split("\n")) {
            String[] c = line.split(",");
            if (c[0].equals("patient")) {
                continue;
            }
            Path folder = Files.createDirectories(records.resolve(c[0]));
            double lr = Double.parseDouble(c[2]), ap = Double.parseDouble(c[3]), si = Double.parseDouble(c[4]);
            // HFS: IEC (lateral, longitudinal, vertical) = (x, z, -y) of LPS; the correction undoes the error
            org.isocenter.margin.FractionLog.append(folder, new org.isocenter.margin.FractionLog.Entry(
                    java.time.LocalDateTime.of(2026, 1, 1, 8, 0).plusDays(Integer.parseInt(c[1])), "rtt", "ACCEPTED", c[0],
                    c[0] + "." + c[1], org.isocenter.core.patient.PatientPosition.HFS, -lr, -si, ap, 0, 0, 0, "APPLY",
                    "bone", ""));
        }
        Run fromLogs = run("margin-policy", "--records", records.toString(), "--recipe", "vanherk", "--protocol", "nal:3",
                "--fractions", "30");
        assertEquals(0, fromLogs.exitCode(), fromLogs.stdout());
        Run run = run("margin-policy", "--shifts", shifts.toString(), "--recipe", "vanherk", "--protocol", "nal:3",
                "--fractions", "30");
        assertEquals(0, run.exitCode(), run.stdout());
        JsonObject population = run.json().getAsJsonObject("population");
        assertEquals(40, population.get("patients").getAsInt());
        double sigmaSys = population.getAsJsonObject("systematicMm").get("lr").getAsDouble();
        double sigmaRnd = population.getAsJsonObject("randomMm").get("lr").getAsDouble();
        assertTrue(sigmaSys > 2 && sigmaSys < 4.2, "Σ " + sigmaSys);
        assertTrue(sigmaRnd > 1.8 && sigmaRnd < 2.2, "σ " + sigmaRnd);
        // NAL(3) leaves Σ_res = σ/√3 of set-up; van Herk: 2.5 Σ_res + 0.7 σ
        double margin = run.json().getAsJsonObject("marginMm").get("lr").getAsDouble();
        assertEquals(2.5 * sigmaRnd / Math.sqrt(3) + 0.7 * sigmaRnd, margin, 0.002);
        assertEquals("M = 2.5 Σ + 0.7 σ", run.json().getAsJsonObject("recipe").get("formula").getAsString());
        JsonObject logged = fromLogs.json().getAsJsonObject("population");
        assertEquals(40, logged.get("patients").getAsInt());
        assertEquals(600, logged.get("fractions").getAsInt());
        for (String key : new String[] { "systematicMm", "randomMm", "groupMeanMm" }) {
            for (String axis : new String[] { "lr", "ap", "si" }) {
                assertEquals(population.getAsJsonObject(key).get(axis).getAsDouble(),
                        logged.getAsJsonObject(key).get(axis).getAsDouble(), 2e-3, key + " " + axis + " (logs keep 3 decimals)");
            }
        }
        assertEquals(2, run("margin-policy", "--records", records.toString(), "--shifts", shifts.toString()).exitCode(),
                "one source, not both");

        Run site = run("margin-policy", "--shifts", shifts.toString(), "--site", "prostate");
        assertEquals(0, site.exitCode(), site.stdout());
        assertEquals("enal", site.json().getAsJsonObject("protocol").get("id").getAsString());
        // systematic: residual set-up, delineation, organ motion; random: residual set-up, organ motion
        assertEquals(5, site.json().getAsJsonArray("budget").size());
        Run badRecipe = run("margin-policy", "--shifts", shifts.toString(), "--recipe", "magic");
        assertEquals(2, badRecipe.exitCode());
        Path broken = Files.writeString(tmp.resolve("broken.csv"), "patient,fraction,lr,ap\nP1,1,0,0\n");
        Run badCsv = run("margin-policy", "--shifts", broken.toString());
        assertEquals(1, badCsv.exitCode());
        assertTrue(badCsv.json().get("error").getAsString().contains("broken.csv"), badCsv.stdout());

        // the same shifts as an R&V export names them: other column names, order, separator and a column in cm
        StringBuilder export = new StringBuilder("Fx;SI [mm];Patient ID;AP_mm;LR (cm);Comment\n");
        for (String line : csv.toString().split("\n")) {
            String[] c = line.split(",");
            if (!c[0].equals("patient")) {
                export.append(c[1]).append(';').append(c[4]).append(';').append(c[0]).append(';').append(c[3]).append(';')
                        .append(Double.parseDouble(c[2]) / 10).append(";ok\n");
            }
        }
        Run synonyms = run("margin-policy", "--shifts", Files.writeString(tmp.resolve("rv.csv"), export).toString(),
                "--recipe", "vanherk", "--protocol", "nal:3", "--fractions", "30");
        assertEquals(0, synonyms.exitCode(), synonyms.stdout());
        JsonObject columns = synonyms.json().getAsJsonObject("columns");
        assertEquals("Patient ID", columns.get("patient").getAsString());
        assertEquals("Fx", columns.get("fraction").getAsString());
        assertEquals("LR (cm) (cm, converted to mm)", columns.get("lr").getAsString());
        assertEquals("AP_mm (mm)", columns.get("ap").getAsString());
        for (String axis : new String[] { "lr", "ap", "si" }) {
            assertEquals(population.getAsJsonObject("systematicMm").get(axis).getAsDouble(),
                    synonyms.json().getAsJsonObject("population").getAsJsonObject("systematicMm").get(axis).getAsDouble(),
                    1e-9, axis);
        }
        // its own decision log given as --shifts
        Path oneLog = records.resolve("P0").resolve(org.isocenter.margin.FractionLog.FILE_NAME);
        Path twoPatients = tmp.resolve("two-logs.log");
        Files.writeString(twoPatients, Files.readString(oneLog) + Files.readAllLines(records.resolve("P1")
                .resolve(org.isocenter.margin.FractionLog.FILE_NAME)).stream().skip(1)
                .map(l -> l + "\n").reduce("", String::concat));
        Run log = run("margin-policy", "--shifts", twoPatients.toString());
        assertEquals(0, log.exitCode(), log.stdout());
        assertEquals(2, log.json().getAsJsonObject("population").get("patients").getAsInt());
        assertTrue(log.json().getAsJsonObject("columns").get("source").getAsString().startsWith("Isocenter decision log"));
        // a column named for the opposite direction is refused, never guessed
        Run rl = run("margin-policy", "--shifts", Files.writeString(tmp.resolve("rl.csv"),
                "patient,fraction,rl,ap,si\nP1,1,1,0,0\nP1,2,1,0,0\nP2,1,0,0,0\nP2,2,0,0,0\n").toString());
        assertEquals(1, rl.exitCode());
        assertTrue(rl.json().get("error").getAsString().contains("'rl' names the left-right axis in the opposite "
                + "direction"), rl.stdout());
    }

    @Test
    void aBatchRunsItsLinesInOrderInThisProcessAndSumsThemUpLast() throws Exception {
        Path missing = tmp.resolve("no such folder");
        Path file = tmp.resolve("batch.txt");
        Files.writeString(file, String.join("\n", "# the demo, a missing folder, a nested batch, the demo's CT",
                "", "info " + demo, "  info '" + missing + "'", "batch " + file,
                "load \"" + demo.resolve(DemoPatient.CT_FOLDER) + "\"", ""));
        Run r = run("batch", file.toString());
        assertEquals(2, r.exitCode(), "the largest of the lines' exit codes (a usage mistake: 2)");
        String[] lines = r.stdout().strip().split("\n");
        assertEquals(5, lines.length, "each line's JSON as it ran, then the summary: " + r.stdout());
        JsonObject j = r.json();
        assertEquals("batch", j.get("command").getAsString());
        assertEquals(4, j.get("commands").getAsInt());
        assertEquals(2, j.get("failed").getAsInt());
        JsonArray results = j.getAsJsonArray("results");
        int[] lineNumbers = { 3, 4, 5, 6 }, codes = { 0, 2, 2, 0 };
        for (int i = 0; i < 4; i++) {
            JsonObject line = results.get(i).getAsJsonObject();
            assertEquals(lineNumbers[i], line.get("line").getAsInt());
            assertEquals(codes[i], line.get("exitCode").getAsInt(), line.toString());
            assertEquals(JsonParser.parseString(lines[i]), line.get("result"), "the summary holds what the line printed");
        }
        JsonObject info = results.get(0).getAsJsonObject().getAsJsonObject("result");
        assertEquals(14, info.get("seriesCount").getAsInt(), "the same answer as the command alone");
        JsonObject second = results.get(1).getAsJsonObject();
        assertEquals(missing.toString(), second.getAsJsonArray("args").get(1).getAsString(), "quotes keep the blanks");
        assertTrue(second.getAsJsonObject("result").get("error").getAsString().contains("no such folder"));
        assertTrue(results.get(2).getAsJsonObject().getAsJsonObject("result").get("error").getAsString()
                .contains("does not run another batch"));
        JsonObject load = results.get(3).getAsJsonObject().getAsJsonObject("result");
        assertEquals("load", load.get("command").getAsString());
        assertEquals(100, load.getAsJsonArray("shape").get(2).getAsInt(), "the demo CT's 100 slices");
        assertTrue(r.stderr().contains("[batch line 6] load"), "each line is named on stderr before it runs");
    }

    @Test
    void aBatchFileThatCannotBeSplitRunsNothing() throws Exception {
        Path file = tmp.resolve("unclosed.txt");
        Files.writeString(file, "info " + demo + "\ninfo 'unclosed\n");
        Run r = run("batch", file.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.stdout().strip().split("\n").length, "nothing ran: " + r.stdout());
        assertTrue(r.json().get("error").getAsString().contains("line 2: the quote ' is not closed"), r.json().toString());
        Run none = run("batch", tmp.resolve("absent.txt").toString());
        assertEquals(2, none.exitCode());
        assertTrue(none.json().get("error").getAsString().startsWith("cannot read "), none.json().toString());
        Run help = run("help");
        assertTrue(help.json().getAsJsonArray("commands").toString().contains("\"batch\""), "help lists it");
    }

}
