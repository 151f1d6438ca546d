/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The export audit trail: one JSON object per line ({@link AuditEntry}) in {@value #FILE_NAME} of a folder
 * (default {@code ~/.isocenter/audit}). Lines are only ever appended — one write per entry under an exclusive file
 * lock, opened in append mode — never rewritten; {@link #read()} gives them back in order for a viewer.
 */
public final class AuditLog {

    public static final String FILE_NAME = "export-audit.jsonl";

    private final Path file;

    public AuditLog(Path folder) {
        this.file = folder.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    /** The log in {@code ~/.isocenter/audit}. */
    public static AuditLog inUserHome() {
        return new AuditLog(Path.of(System.getProperty("user.home"), ".isocenter", "audit"));
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /** Appends one entry as one line. */
    public synchronized void append(AuditEntry e) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] line = (toJson(e).toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); FileLock lock = c.lock()) {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) {
                c.write(b);
            }
            c.force(false);
        }
    }

    /** Every entry, oldest first; empty when there is no log yet. A malformed line fails naming its number. */
    public List<AuditEntry> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<AuditEntry> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            try {
                out.add(fromJson(JsonParser.parseString(lines.get(n)).getAsJsonObject()));
            } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
                throw new IOException(file + " line " + (n + 1) + " is not an audit entry: " + e.getMessage(), e);
            }
        }
        return out;
    }

    static JsonObject toJson(AuditEntry e) {
        JsonObject j = new JsonObject();
        j.addProperty("time", e.time());
        j.addProperty("user", e.user());
        j.addProperty("host", e.host());
        j.addProperty("action", e.action());
        j.addProperty("patientId", e.patientId());
        j.addProperty("patientName", e.patientName());
        j.addProperty("planLabel", e.planLabel());
        j.addProperty("planSopInstanceUid", e.planSopInstanceUid());
        j.addProperty("exporter", e.exporter());
        j.addProperty("destination", e.destination());
        j.addProperty("result", e.result());
        j.addProperty("verification", e.verification());
        j.addProperty("filesTotal", e.filesTotal());
        j.addProperty("filesDelivered", e.filesDelivered());
        JsonArray files = new JsonArray();
        for (AuditEntry.FileOutcome f : e.files()) {
            JsonObject o = new JsonObject();
            o.addProperty("role", f.role());
            o.addProperty("sopInstanceUid", f.sopInstanceUid());
            o.addProperty("name", f.name());
            o.addProperty("outcome", f.outcome());
            files.add(o);
        }
        j.add("files", files);
        j.addProperty("detail", e.detail());
        return j;
    }

    static AuditEntry fromJson(JsonObject j) {
        List<AuditEntry.FileOutcome> files = new ArrayList<>();
        for (JsonElement f : j.getAsJsonArray("files")) {
            JsonObject o = f.getAsJsonObject();
            files.add(new AuditEntry.FileOutcome(s(o, "role"), s(o, "sopInstanceUid"), s(o, "name"), s(o, "outcome")));
        }
        return new AuditEntry(s(j, "time"), s(j, "user"), s(j, "host"), s(j, "action"), s(j, "patientId"),
                s(j, "patientName"), s(j, "planLabel"), s(j, "planSopInstanceUid"), s(j, "exporter"), s(j, "destination"),
                s(j, "result"), s(j, "verification"), j.get("filesTotal").getAsInt(), j.get("filesDelivered").getAsInt(), files,
                s(j, "detail"));
    }

    private static String s(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }
}
