/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.isocenter.igrt.RecordStoreException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Data sources for the supported JDBC URLs, built on the drivers' own data source classes (no DriverManager, so
 * it works across OSGi class loaders): embedded H2 ({@code jdbc:h2:}) and PostgreSQL ({@code jdbc:postgresql:}).
 * No frame or unit.
 */
public final class DataSources {

    private DataSources() {
    }

    /** A data source for {@code url}; null user and password: from the URL (H2: user "sa", no password). */
    public static DataSource of(String url, String user, String password) throws RecordStoreException {
        if (url == null || url.isBlank()) {
            throw new RecordStoreException("no JDBC URL for the IGRT record database");
        }
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user == null ? "sa" : user);
            h2.setPassword(password == null ? "" : password);
            return h2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            try {
                pg.setUrl(url);
            } catch (IllegalArgumentException e) {
                throw new RecordStoreException("not a valid PostgreSQL JDBC URL: " + url + " (" + e.getMessage() + ")");
            }
            if (user != null) {
                pg.setUser(user);
            }
            if (password != null) {
                pg.setPassword(password);
            }
            return pg;
        }
        throw new RecordStoreException("unsupported JDBC URL for the IGRT record database: " + url
                + " (supported: jdbc:h2:... for an embedded database, jdbc:postgresql://host:port/database for a shared one)");
    }
}
