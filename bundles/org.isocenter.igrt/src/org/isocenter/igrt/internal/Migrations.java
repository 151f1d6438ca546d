/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.isocenter.igrt.RecordStoreException;

/**
 * Creates or upgrades the record store's schema with Flyway: the SQL migrations of {@link SqlMigrations}, given to
 * Flyway explicitly with this bundle's class loader; history in table {@value #HISTORY_TABLE}. No frame or unit.
 */
public final class Migrations {

    /** Flyway's progress lines stay out of the command line's stderr (problems still show as warnings). */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    public static final String HISTORY_TABLE = "igrt_schema_history";

    private Migrations() {
    }

    /** Migrates to {@code target} ("1", "2", ...; null = the latest version). */
    public static void migrate(DataSource dataSource, String description, String target) throws RecordStoreException {
        try {
            Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .resourceProvider(new SqlMigrations())
                    .javaMigrationClassProvider(() -> List.<Class<? extends JavaMigration>>of())
                    .table(HISTORY_TABLE)
                    .cleanDisabled(true)
                    .validateMigrationNaming(true)
                    .target(target == null ? MigrationVersion.LATEST : MigrationVersion.fromVersion(target))
                    .load();
            flyway.migrate();
        } catch (FlywayException e) {
            throw new RecordStoreException("cannot create or migrate the IGRT record database " + description + ": "
                    + e.getMessage(), e);
        }
    }
}
