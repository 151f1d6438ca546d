/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.tests;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * A data source whose connections, once armed, have their database session killed by the server (H2
 * ABORT_SESSION, PostgreSQL pg_terminate_backend) just before the fraction-head write of a decision: the decision row
 * is already inserted in the open transaction, so this is a failure in the middle of a recording. Or, with
 * {@link #beforeHeadWrite}, lets another recording happen at that moment (a race lost at the database).
 */
final class KillingDataSource {

    /** The SQL of the database's own session id and of killing a session by id (one parameter). */
    record KillSql(String sessionId, String kill) {
        static final KillSql H2 = new KillSql("SELECT SESSION_ID()", "SELECT ABORT_SESSION(?)");
        static final KillSql POSTGRES = new KillSql("SELECT pg_backend_pid()", "SELECT pg_terminate_backend(?)");
    }

    /** Work run once just before the next fraction-head write (e.g. another workstation's recording). */
    interface Interloper {
        void run() throws Exception;
    }

    volatile boolean armed;
    volatile Interloper beforeHeadWrite;
    volatile int kills;
    private final DataSource target;
    private final KillSql sql;

    KillingDataSource(DataSource target, KillSql sql) {
        this.target = target;
        this.sql = sql;
    }

    DataSource dataSource() {
        InvocationHandler h = (proxy, m, args) -> {
            Object r = invoke(target, m, args);
            return m.getName().equals("getConnection") ? wrap((Connection) r) : r;
        };
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class }, h);
    }

    private Connection wrap(Connection c) {
        InvocationHandler h = (proxy, m, args) -> {
            if (armed && m.getName().equals("prepareStatement") && args[0] instanceof String s
                    && s.contains("igrt_fraction_head") && (s.startsWith("INSERT") || s.startsWith("UPDATE"))) {
                armed = false;
                kill(c);
            } else if (beforeHeadWrite != null && m.getName().equals("prepareStatement") && args[0] instanceof String s
                    && s.contains("igrt_fraction_head") && s.startsWith("INSERT")) {
                Interloper i = beforeHeadWrite;
                beforeHeadWrite = null;
                i.run();
            }
            return invoke(c, m, args);
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class }, h);
    }

    private void kill(Connection victim) throws Exception {
        long id;
        try (Statement s = victim.createStatement(); ResultSet rs = s.executeQuery(sql.sessionId())) {
            rs.next();
            id = rs.getLong(1);
        }
        try (Connection other = target.getConnection(); PreparedStatement p = other.prepareStatement(sql.kill())) {
            p.setObject(1, (int) id);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new IllegalStateException("the database did not kill session " + id);
                }
            }
        }
        kills++;
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
