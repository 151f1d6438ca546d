/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-image dose estimate of each imaging protocol (mGy at the imaged region, one image set: a CBCT scan, a kV
 * pair, one MV portal image), recorded with each fraction's decision. The built-in values are round figures inside
 * the ranges the AAPM task group reports give (each entry names its source); a clinic replaces them with its own
 * measurements in {@value #FILE_NAME} in the Isocenter home: CSV lines {@code id,dose_mGy,description,source}, '#'
 * starting a comment.
 */
public record ImagingDoseTable(List<Entry> entries, String source) {

    /** One imaging protocol: id, dose per image set (mGy), what it is, and where the figure comes from. */
    public record Entry(String id, double doseMGy, String description, String source) {
        public Entry {
            if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("an imaging protocol id is lower-case letters, digits and '-', not '"
                        + id + "'");
            }
            if (!Double.isFinite(doseMGy) || doseMGy < 0) {
                throw new IllegalArgumentException("the dose of imaging protocol " + id + " must be a finite, "
                        + "non-negative number of mGy, not " + doseMGy);
            }
        }
    }

    public static final String FILE_NAME = "imaging-dose.csv";

    private static final String TG180 = "AAPM TG-180 (Ding et al. 2018): kV CBCT 10-90 mGy to soft tissue per scan, "
            + "depending on site, size and system";
    private static final String TG75 = "AAPM TG-75 (Murphy et al. 2007)";

    /** The built-in table (illustrative round values inside the published ranges; a clinic sets measured ones). */
    public static final ImagingDoseTable BUILT_IN = new ImagingDoseTable(List.of(
            new Entry("kv-cbct-pelvis", 30, "kV CBCT, pelvis", TG180),
            new Entry("kv-cbct-thorax", 20, "kV CBCT, thorax", TG180),
            new Entry("kv-cbct-headneck", 5, "kV CBCT, head and neck", TG180 + "; head scans at the low end"),
            new Entry("kv-planar-pair", 1, "kV planar pair (AP + lateral)", TG75 + ": about 0.1-3 mGy per kV radiograph"),
            new Entry("mv-portal", 30, "MV portal image (one field)", TG75 + ": about 10-50 mGy per MV portal image")),
            "built-in (published ranges)");

    public ImagingDoseTable {
        entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The protocol of this id, or a refusal naming the table and the protocols it has. */
    public Entry require(String id) {
        return entry(id == null ? null : id.strip()).orElseThrow(() -> new IllegalArgumentException("unknown imaging "
                + "protocol '" + id + "' in " + source + "; one of "
                + String.join(", ", entries.stream().map(Entry::id).toList())));
    }

    /** The clinic's table in {@code home} when it has one, else {@link #BUILT_IN}. */
    public static ImagingDoseTable forHome(Path home) throws IOException {
        Path file = home.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? read(file) : BUILT_IN;
    }

    /** Reads a clinic table; a malformed line is refused with the file and line named. */
    public static ImagingDoseTable read(Path file) throws IOException {
        Map<String, Entry> byId = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase().startsWith("id,"))) {
                continue;
            }
            String[] f = line.split(",", 4);
            String where = file + " line " + (i + 1);
            if (f.length < 2) {
                throw new IOException(where + ": expected id,dose_mGy,description,source");
            }
            try {
                Entry e = new Entry(f[0].strip(), Double.parseDouble(f[1].strip()), f.length > 2 ? f[2].strip() : "",
                        f.length > 3 ? f[3].strip() : file.getFileName().toString());
                if (byId.put(e.id(), e) != null) {
                    throw new IOException(where + ": imaging protocol " + e.id() + " is listed twice");
                }
            } catch (NumberFormatException e) {
                throw new IOException(where + ": the dose '" + f[1].strip() + "' is not a number of mGy");
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": " + e.getMessage());
            }
        }
        if (byId.isEmpty()) {
            throw new IOException(file + ": no imaging protocol listed");
        }
        return new ImagingDoseTable(new ArrayList<>(byId.values()), file.toString());
    }
}
