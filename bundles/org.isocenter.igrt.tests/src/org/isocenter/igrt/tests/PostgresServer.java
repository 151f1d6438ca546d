/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.isocenter.igrt.RecordStores;

/**
 * A throwaway PostgreSQL server for tests: initdb into a temporary folder, started on a free loopback port with
 * trust authentication for user {@value #USER}, deleted on {@link #close}. Runs the server binaries as user
 * "postgres" when the tests run as root (PostgreSQL refuses root). Fails (never skips) without the binaries.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "isocenter";
    private static final Path INSTALL = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;
    private int databases;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Creates and starts a server; fails with a message naming what is missing. */
    static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("isocenter-pg");
        PostgresServer server = new PostgresServer(bin, dir, freePort(), root);
        try {
            if (root) {
                run(List.of("chown", "postgres", dir.toString()), "give the server folder to user postgres");
            }
            server.exec(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                    "-U", USER, "-E", "UTF8"), "initdb");
            server.startServer();
            return server;
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.deleteFolder();
            throw e;
        }
    }

    /** The newest /usr/lib/postgresql/N/bin with initdb and pg_ctl (or $ISOCENTER_PG_BIN). */
    static Path binaries() throws IOException {
        String env = System.getenv("ISOCENTER_PG_BIN");
        List<Path> candidates = new ArrayList<>();
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        } else if (Files.isDirectory(INSTALL)) {
            try (Stream<Path> s = Files.list(INSTALL)) {
                s.map(p -> p.resolve("bin")).sorted(Comparator.reverseOrder()).forEach(candidates::add);
            }
        }
        for (Path b : candidates) {
            if (Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl"))) {
                return b;
            }
        }
        throw new IllegalStateException("the PostgreSQL tests need the PostgreSQL server binaries (initdb, pg_ctl) in "
                + (env != null && !env.isBlank() ? env : INSTALL + "/<version>/bin")
                + ", found none: install them (Debian/Ubuntu: apt-get install postgresql-15) or set ISOCENTER_PG_BIN");
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    /** Creates a new empty database and returns its JDBC URL. */
    String createDatabase() throws Exception {
        String name = "igrt_test_" + ++databases;
        try (Connection c = RecordStores.dataSource(url("postgres"), null, null).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name);
        }
        return url(name);
    }

    void startServer() throws IOException, InterruptedException {
        exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
                "start", "-w"), "start the server");
    }

    /** Stops the server immediately (open sessions are cut, as in a crash). */
    void stopServer() throws IOException, InterruptedException {
        exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "stop", "-m", "immediate"),
                "stop the server");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "stop", "-m", "fast"),
                    "stop the server");
        } finally {
            deleteFolder();
        }
    }

    private void deleteFolder() throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void exec(List<String> command, String what) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, what);
    }

    private static void run(List<String> command, String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("PostgreSQL test server: could not " + what + " within 120 s: " + command);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("PostgreSQL test server: could not " + what + " (exit " + p.exitValue() + "): "
                    + String.join(" ", command) + "\n" + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
