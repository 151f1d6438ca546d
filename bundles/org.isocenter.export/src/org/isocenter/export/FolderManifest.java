/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.isocenter.core.geometry.Vector3;

/**
 * The {@value #FILE_NAME} of a folder export, written last (a folder with it is complete): format version, patient,
 * plan (label, SOP Instance UID, Frame of Reference, isocenters in patient LPS mm), and every file with its path
 * relative to the folder, role, SOP Class and Instance UIDs, size, SHA-256 of the bytes and of the data set.
 */
public final class FolderManifest {

    public static final String FILE_NAME = "manifest.json";
    public static final int FORMAT_VERSION = 1;

    /** One file as the manifest lists it (hashes lower-case hex; UIDs empty for non-DICOM files). */
    public record Entry(String path, String role, String sopClassUid, String sopInstanceUid, long sizeBytes, String sha256,
            String datasetSha256) {
    }

    private FolderManifest() {
    }

    /** Writes the manifest of the delivered items (relative paths from the report) into {@code folder}. */
    public static Path write(Path folder, ExportPackage pkg, ExportReport report) throws IOException {
        JsonObject m = new JsonObject();
        m.addProperty("format", "isocenter-linac-export");
        m.addProperty("formatVersion", FORMAT_VERSION);
        m.addProperty("created", report.finished().toString());
        m.addProperty("exporter", report.exporterId());
        JsonObject patient = new JsonObject();
        patient.addProperty("patientId", pkg.patient().patientId());
        patient.addProperty("patientName", pkg.patient().patientName());
        patient.addProperty("birthDate", pkg.patient().birthDate());
        m.add("patient", patient);
        JsonObject plan = new JsonObject();
        plan.addProperty("label", pkg.planLabel());
        plan.addProperty("sopInstanceUid", pkg.planSopInstanceUid());
        plan.addProperty("frameOfReferenceUid", pkg.frameOfReferenceUid());
        JsonArray isos = new JsonArray();
        for (Vector3 v : pkg.isocentersMm()) {
            JsonArray a = new JsonArray();
            a.add(v.x());
            a.add(v.y());
            a.add(v.z());
            isos.add(a);
        }
        plan.add("isocentersMm", isos);
        m.add("plan", plan);
        JsonArray files = new JsonArray();
        for (ExportReport.ItemResult r : report.items()) {
            if (!r.delivered()) {
                continue;
            }
            PackageItem i = r.item();
            JsonObject f = new JsonObject();
            f.addProperty("path", r.deliveredAs());
            f.addProperty("role", i.role().name());
            f.addProperty("sopClassUid", i.sopClassUid());
            f.addProperty("sopInstanceUid", i.sopInstanceUid());
            f.addProperty("sizeBytes", i.sizeBytes());
            f.addProperty("sha256", i.sha256());
            f.addProperty("datasetSha256", i.datasetSha256());
            files.add(f);
        }
        m.add("files", files);
        m.addProperty("complete", report.success());
        Path target = folder.resolve(FILE_NAME);
        Path tmp = folder.resolve(FILE_NAME + ".part");
        Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(m),
                StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** The files a manifest lists; fails naming the file when it is not a manifest. */
    public static List<Entry> read(Path manifest) throws IOException {
        try {
            JsonObject m = JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8)).getAsJsonObject();
            if (!"isocenter-linac-export".equals(m.get("format").getAsString())) {
                throw new IOException(manifest + " is not an Isocenter linac export manifest");
            }
            List<Entry> out = new ArrayList<>();
            for (JsonElement e : m.getAsJsonArray("files")) {
                JsonObject f = e.getAsJsonObject();
                out.add(new Entry(f.get("path").getAsString(), f.get("role").getAsString(), f.get("sopClassUid").getAsString(),
                        f.get("sopInstanceUid").getAsString(), f.get("sizeBytes").getAsLong(), f.get("sha256").getAsString(),
                        f.get("datasetSha256").getAsString()));
            }
            return out;
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new IOException(manifest + " is not a readable manifest: " + e.getMessage(), e);
        }
    }
}
