/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The schema's SQL migrations, listed explicitly and read from this bundle with {@link Class#getResourceAsStream}
 * (no classpath scanning, which does not work across OSGi class loaders). No frame or unit.
 */
final class SqlMigrations implements ResourceProvider {

    /** Every migration, oldest first; a new schema version is a new file here and in {@code db/}. */
    static final List<String> FILES = List.of("V1__initial_schema.sql", "V2__provenance_and_indexes.sql",
            "V3__observations_alerts_reference_corrections.sql");
    private static final String FOLDER = "db/";

    private final List<LoadableResource> resources = FILES.stream().map(Sql::new).map(LoadableResource.class::cast)
            .toList();

    @Override
    public LoadableResource getResource(String name) {
        return resources.stream().filter(r -> r.getFilename().equals(name) || r.getRelativePath().equals(name))
                .findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return resources.stream().filter(r -> r.getFilename().startsWith(prefix)
                && Arrays.stream(suffixes).anyMatch(s -> r.getFilename().endsWith(s))).toList();
    }

    /** One migration file's text. */
    private static final class Sql extends LoadableResource {

        private final String name;
        private final String text;

        Sql(String name) {
            this.name = name;
            try (InputStream in = SqlMigrations.class.getResourceAsStream(FOLDER + name)) {
                if (in == null) {
                    throw new IllegalStateException("the schema migration " + FOLDER + name
                            + " is missing from the org.isocenter.igrt bundle");
                }
                this.text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the schema migration " + FOLDER + name, e);
            }
        }

        @Override
        public Reader read() {
            return new StringReader(text);
        }

        @Override
        public String getAbsolutePath() {
            return "org/isocenter/igrt/internal/" + FOLDER + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
