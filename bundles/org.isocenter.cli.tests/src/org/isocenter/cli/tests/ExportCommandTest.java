package org.isocenter.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.isocenter.demo.DemoPatient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./isocenter export} on the demo patient: into a folder with DRRs (manifest, read-back verified, audit log),
 * to dcmtk's storescp with read-back from its folder, to a node where nothing listens (every file NOT_SENT after the
 * retries, exit 1, nothing claimed), and the usage errors.
 */
class ExportCommandTest {

    @TempDir
    static Path tmp;
    static final int CT_SLICES = DemoPatient.PLANNING_GRID.sizeZ();

    static String plan() {
        return DemoFiles.path(DemoPatient.RTPLAN_FILE);
    }

    @Test
    void exportToAFolderWithDrrs() throws Exception {
        Path out = tmp.resolve("to-folder");
        Path audit = tmp.resolve("audit-folder");
        CliRunnerTest.Run r = CliRunnerTest.run("export", "--plan", plan(), "--to-folder", out.toString(), "--drr",
                "--drr-size", "128", "--drr-spacing", "2", "--audit", audit.toString(), "--user", "cli-test");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonObject j = r.json();
        assertTrue(j.get("ok").getAsBoolean());
        assertEquals(CT_SLICES + 2 + 6, j.get("delivered").getAsInt(), "CT, structure set, plan and 6 DRRs");
        assertTrue(j.getAsJsonObject("verification").get("passed").getAsBoolean());
        assertEquals(CT_SLICES + 8, j.getAsJsonObject("verification").get("matched").getAsInt());
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
        try (Stream<Path> s = Files.list(out.resolve("RTIMAGE"))) {
            assertEquals(6, s.count());
        }
        for (JsonElement f : j.getAsJsonArray("files")) {
            assertEquals("DELIVERED", f.getAsJsonObject().get("outcome").getAsString());
            assertEquals("MATCH", f.getAsJsonObject().get("check").getAsString());
        }
        String log = Files.readString(audit.resolve("export-audit.jsonl"));
        assertEquals(1, log.lines().count());
        assertTrue(log.contains("\"user\":\"cli-test\"") && log.contains("\"result\":\"SUCCESS\""), log);
    }

    @Test
    void exportToStorescpIsVerifiedFromItsFolder() throws Exception {
        Path received = Files.createDirectories(tmp.resolve("scp"));
        int port = freePort();
        Process scp = new ProcessBuilder("storescp", "-aet", "RV", "-od", received.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("scp.log").toFile()).start();
        try {
            waitListening(port, scp);
            CliRunnerTest.Run r = CliRunnerTest.run("export", "--plan", plan(), "--to", "127.0.0.1:" + port, "--aet", "RV",
                    "--read-back", received.toString(), "--audit", tmp.resolve("audit-scp").toString());
            assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
            assertEquals(CT_SLICES + 2, r.json().get("delivered").getAsInt());
            assertTrue(r.json().getAsJsonObject("verification").get("passed").getAsBoolean());
            try (Stream<Path> s = Files.list(received)) {
                assertEquals(CT_SLICES + 2, s.count());
            }
        } finally {
            scp.destroyForcibly();
            scp.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void nothingListeningMeansNothingClaimed() throws Exception {
        int port = freePort();
        CliRunnerTest.Run r = CliRunnerTest.run("export", "--plan", plan(), "--to", "RV@127.0.0.1:" + port, "--retries", "1",
                "--retry-delay-ms", "10", "--timeout-ms", "2000", "--audit", tmp.resolve("audit-none").toString());
        assertEquals(1, r.exitCode(), r.stdout());
        JsonObject j = r.json();
        assertFalse(j.get("ok").getAsBoolean());
        assertEquals(0, j.get("delivered").getAsInt());
        assertEquals(CT_SLICES + 2, j.get("notSent").getAsInt());
        assertEquals("FAILED", j.get("result").getAsString());
        assertTrue(j.getAsJsonArray("messages").toString().contains("attempt 2"), j.toString());
    }

    @Test
    void usageErrors() {
        assertEquals(2, CliRunnerTest.run("export", "--plan", plan()).exitCode(), "no destination");
        assertEquals(2, CliRunnerTest.run("export", "--plan", plan(), "--to", "127.0.0.1:104").exitCode(), "no AE title");
        assertEquals(2, CliRunnerTest.run("export", "--plan", plan(), "--to", "A@h:1", "--to-folder", "x").exitCode());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void waitListening(int port, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("storescp not listening on " + port);
                }
                Thread.sleep(50);
            }
        }
    }
}
