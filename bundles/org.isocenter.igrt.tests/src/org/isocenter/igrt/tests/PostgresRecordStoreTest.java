/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.isocenter.igrt.Course;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.RecordConflictException;
import org.isocenter.igrt.RecordStore;
import org.isocenter.igrt.RecordStoreException;
import org.isocenter.igrt.RecordStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The record store on a real PostgreSQL server (a throwaway one per test class, a new database per test). Fails
 * when the PostgreSQL binaries are missing: CI installs them.
 */
class PostgresRecordStoreTest extends RecordStoreContract {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    DataSource freshDatabase() throws Exception {
        return RecordStores.dataSource(server.createDatabase(), null, null);
    }

    @Override
    KillingDataSource.KillSql killSql() {
        return KillingDataSource.KillSql.POSTGRES;
    }

    @Test
    void aStoppedServerFailsTheRecordingAndLosesNothing() throws Exception {
        String url = server.createDatabase();
        RecordStore store = open(RecordStores.dataSource(url, null, null));
        Course course = store.createCourse(Requests.draft("P1", "1.2.3.1"));
        List<FractionDecision> recorded = new ArrayList<>();
        for (int f = 1; f <= 3; f++) {
            recorded.add(store.record(Requests.on(course, f).build()));
        }
        server.stopServer();
        try {
            RecordStoreException e = assertThrows(RecordStoreException.class,
                    () -> store.record(Requests.on(course, 4).build()));
            assertFalse(e instanceof RecordConflictException, e.toString());
            assertTrue(e.getMessage().contains("P1") || e.getMessage().contains("course"), e.getMessage());
        } finally {
            server.startServer();
        }
        RecordStore check = open(RecordStores.dataSource(url, null, null));
        assertEquals(recorded, check.history(course.id()));
        // the store reconnects once the server is back
        FractionDecision again = store.record(Requests.on(course, 4).build());
        assertEquals(again, check.current(course.id(), 4).orElseThrow());
    }
}
