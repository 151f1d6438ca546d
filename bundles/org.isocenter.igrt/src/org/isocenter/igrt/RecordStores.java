/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import org.isocenter.igrt.internal.DataSources;
import org.isocenter.igrt.internal.JdbcRecordStore;
import org.isocenter.igrt.internal.Migrations;

/**
 * Opens record stores. The default database is {@value #ENV_DB} if set, else an embedded H2 file database
 * {@code <home>/records/isocenter} where home is {@value #ENV_HOME} or {@code ~/.isocenter}; a shared one is a
 * {@code jdbc:postgresql:} URL. Opening creates or migrates the schema (Flyway). No frame or unit.
 */
public final class RecordStores {

    public static final String ENV_DB = "ISOCENTER_DB";
    public static final String ENV_HOME = "ISOCENTER_HOME";
    /** H2 options of the default database: several processes of one user (workbench, CLI) may open it. */
    public static final String H2_OPTIONS = ";AUTO_SERVER=TRUE";

    private RecordStores() {
    }

    /** The default JDBC URL from the process environment and {@code user.home}. */
    public static String defaultUrl() {
        return defaultUrl(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The default JDBC URL for an environment and a user home folder. */
    public static String defaultUrl(Map<String, String> env, Path userHome) {
        String db = env.get(ENV_DB);
        if (db != null && !db.isBlank()) {
            return db.strip();
        }
        return h2FileUrl(home(env, userHome).resolve("records").resolve("isocenter"));
    }

    /** This process's Isocenter home folder: {@value #ENV_HOME} if set, else {@code ~/.isocenter}. */
    public static Path home() {
        return home(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The Isocenter home folder: {@value #ENV_HOME} if set, else {@code <userHome>/.isocenter}. */
    public static Path home(Map<String, String> env, Path userHome) {
        String home = env.get(ENV_HOME);
        return (home != null && !home.isBlank() ? Path.of(home.strip()) : userHome.resolve(".isocenter")).toAbsolutePath();
    }

    /** The URL of an embedded H2 database stored in {@code base}{@code .mv.db}. */
    public static String h2FileUrl(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath().toString().replace('\\', '/') + H2_OPTIONS;
    }

    /**
     * Opens the default store ({@link #defaultUrl()}), creating the database on first use; {@code rules} are evaluated
     * on each fraction recorded.
     */
    public static RecordStore openDefault(AdaptiveRules rules) throws RecordStoreException {
        return open(defaultUrl(), rules);
    }

    /** Opens a store from a JDBC URL (H2 or PostgreSQL; credentials, if any, in the URL). */
    public static RecordStore open(String jdbcUrl, AdaptiveRules rules) throws RecordStoreException {
        return open(jdbcUrl, null, null, rules);
    }

    /** Opens a store from a JDBC URL with a user and password (either may be null). */
    public static RecordStore open(String jdbcUrl, String user, String password, AdaptiveRules rules)
            throws RecordStoreException {
        return open(DataSources.of(jdbcUrl, user, password), jdbcUrl, rules);
    }

    /** A data source for an H2 or PostgreSQL JDBC URL (user and password may be null: from the URL). */
    public static DataSource dataSource(String jdbcUrl, String user, String password) throws RecordStoreException {
        return DataSources.of(jdbcUrl, user, password);
    }

    /**
     * Opens a store on a data source; {@code description} names it in messages (e.g. its URL); {@code rules} (the
     * {@link AdaptiveRules} service, or a fixed catalogue) are evaluated on each fraction recorded or imported.
     */
    public static RecordStore open(DataSource dataSource, String description, AdaptiveRules rules)
            throws RecordStoreException {
        java.util.Objects.requireNonNull(rules, "rules");
        Migrations.migrate(dataSource, description, null);
        return new JdbcRecordStore(dataSource, description, rules.all());
    }

    /**
     * Migrates the schema of a database to {@code targetVersion} ("1", "2", ...; null: the latest) without opening
     * a store: for administration and for testing upgrades from an earlier schema.
     */
    public static void migrate(DataSource dataSource, String description, String targetVersion)
            throws RecordStoreException {
        Migrations.migrate(dataSource, description, targetVersion);
    }
}
