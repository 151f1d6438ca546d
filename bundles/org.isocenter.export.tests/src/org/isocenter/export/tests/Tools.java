/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export.tests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The independent peers: dicom3tools' dciodvfy, pydicom (Debian's python3) and dcmtk's storescp. */
final class Tools {

    static final String PYTHON = "/usr/bin/python3";

    record Output(int exitCode, String text) {
    }

    private Tools() {
    }

    static Output run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** dciodvfy's error lines for a file (empty when the object is valid for its IOD). */
    static List<String> dciodvfyErrors(Path file) throws IOException, InterruptedException {
        Output o = run(List.of("dciodvfy", "-new", file.toString()));
        List<String> errors = new ArrayList<>();
        for (String line : o.text().split("\n")) {
            if (line.startsWith("Error")) {
                errors.add(line);
            }
        }
        return errors;
    }

    /** Runs a python script (pydicom available) with the arguments; returns stdout, fails on a non-zero exit. */
    static String python(String script, String... args) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of(PYTHON, "-c", script));
        c.addAll(List.of(args));
        Output o = run(c);
        if (o.exitCode() != 0) {
            throw new AssertionError("python failed:\n" + o.text());
        }
        return o.text().strip();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts dcmtk's storescp as {@code ae} on 127.0.0.1:{@code port} writing into {@code out}; waits until it listens. */
    static Process storescp(String ae, int port, Path out, Path log, String... options) throws Exception {
        Files.createDirectories(out);
        List<String> command = new ArrayList<>(List.of("storescp", "-aet", ae, "-od", out.toString()));
        command.addAll(List.of(options));
        command.add(Integer.toString(port));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return p;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new AssertionError("storescp exited with " + p.exitValue() + ": " + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new AssertionError("storescp did not listen on " + port + ": " + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
    }

    /** Kills a process and waits for it to be gone. */
    static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }
}
