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

import org.isocenter.cli.internal.CliRunner;
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

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = CliRunner.withBuiltInCommands().execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
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
        assertEquals(7, r.json().get("seriesCount").getAsInt());
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
            assertEquals(7, j.get("seriesCount").getAsInt());
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
        assertEquals(1, missing.exitCode());
        assertTrue(missing.json().get("error").getAsString().contains("nope"));
        Run unknown = run("frobnicate");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.json().get("error").getAsString().contains("frobnicate"));
        Run noArgs = run("info");
        assertEquals(2, noArgs.exitCode());
        assertTrue(noArgs.json().has("error"));
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
}
