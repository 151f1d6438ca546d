/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.isocenter.margin.SiteProtocols;

/**
 * Where a treatment site's protocol file is read from, the one rule for every reader: {@code sites/<site>.json} in
 * the Isocenter home when the clinic has one, else the built-in protocol of that name. No frame or unit.
 */
public final class SiteFiles {

    /** A protocol file's text and where it came from (for messages). */
    public record SiteText(String json, String source) {
    }

    private SiteFiles() {
    }

    /** The site's protocol file; empty when neither the clinic nor the built-in set has it. */
    public static Optional<SiteText> read(String site, Path home) throws IOException {
        Path clinic = home.resolve("sites").resolve(site + ".json");
        if (Files.isRegularFile(clinic)) {
            return Optional.of(new SiteText(Files.readString(clinic, StandardCharsets.UTF_8), clinic.toString()));
        }
        return SiteProtocols.builtInJson(site).map(json -> new SiteText(json, "built-in site protocol " + site));
    }
}
