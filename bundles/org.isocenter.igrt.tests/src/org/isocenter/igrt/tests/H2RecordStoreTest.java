/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.isocenter.igrt.Course;
import org.isocenter.igrt.RecordStore;
import org.isocenter.igrt.RecordStoreException;
import org.isocenter.igrt.RecordStores;
import org.junit.jupiter.api.Test;

/** The record store on embedded H2 file databases in a temporary folder, and the default database location. */
class H2RecordStoreTest extends RecordStoreContract {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Override
    DataSource freshDatabase() throws Exception {
        return RecordStores.dataSource(RecordStores.h2FileUrl(tmp.resolve("db" + NEXT.incrementAndGet())), null, null);
    }

    @Override
    KillingDataSource.KillSql killSql() {
        return KillingDataSource.KillSql.H2;
    }

    @Test
    void defaultUrlFollowsTheEnvironment() {
        Path home = Path.of("/home/u");
        assertEquals("jdbc:postgresql://db/isocenter", RecordStores.defaultUrl(
                Map.of("ISOCENTER_DB", "jdbc:postgresql://db/isocenter", "ISOCENTER_HOME", "/x"), home));
        assertEquals("jdbc:h2:file:/x/records/isocenter" + RecordStores.H2_OPTIONS,
                RecordStores.defaultUrl(Map.of("ISOCENTER_HOME", "/x"), home));
        assertEquals("jdbc:h2:file:/home/u/.isocenter/records/isocenter" + RecordStores.H2_OPTIONS,
                RecordStores.defaultUrl(Map.of(), home));
    }

    @Test
    void theDefaultDatabaseIsCreatedOnFirstUse() throws Exception {
        String url = RecordStores.defaultUrl(Map.of("ISOCENTER_HOME", tmp.resolve("home").toString()), tmp);
        Path file = tmp.resolve("home/records/isocenter.mv.db");
        assertFalse(Files.exists(file));
        Course course;
        try (RecordStore store = RecordStores.open(url, org.isocenter.igrt.AdaptiveRules.of())) {
            course = store.createCourse(Requests.draft("P1", "1.2.3.1"));
            store.record(Requests.on(course, 1).build());
        }
        assertTrue(Files.isRegularFile(file), "created " + file);
        try (RecordStore store = RecordStores.open(url, org.isocenter.igrt.AdaptiveRules.of())) { // reopened: the data is there
            assertEquals(1, store.current(course.id()).size());
        }
    }

    @Test
    void anUnsupportedUrlIsRefusedWithAMessage() {
        RecordStoreException e = assertThrows(RecordStoreException.class, () -> RecordStores.open("jdbc:mysql://x/db", org.isocenter.igrt.AdaptiveRules.of()));
        assertTrue(e.getMessage().contains("jdbc:mysql://x/db") && e.getMessage().contains("jdbc:postgresql"),
                e.getMessage());
    }
}
