/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.export;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.isocenter.export.AuditLog;

/**
 * The export audit log the workbench appends to and the Export Audit view reads: the CLI's
 * {@code ~/.isocenter/audit/export-audit.jsonl}, or the folder named by the system property
 * {@value #AUDIT_DIR_PROPERTY} (tests, sites that keep it elsewhere). Listeners hear of every entry the workbench
 * appended (on the thread that appended it).
 */
public final class ExportAudit {

    /** System property naming the audit folder instead of {@code ~/.isocenter/audit}. */
    public static final String AUDIT_DIR_PROPERTY = "isocenter.auditDir";

    private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();

    private ExportAudit() {
    }

    /** The audit log in use. */
    public static AuditLog log() {
        String dir = System.getProperty(AUDIT_DIR_PROPERTY, "");
        return dir.isBlank() ? AuditLog.inUserHome() : new AuditLog(Path.of(dir));
    }

    /** Who exports: the login name. */
    public static String user() {
        return System.getProperty("user.name", "");
    }

    /** Tells the listeners that an entry was appended. */
    public static void changed() {
        LISTENERS.forEach(Runnable::run);
    }

    public static void addListener(Runnable listener) {
        LISTENERS.add(listener);
    }

    public static void removeListener(Runnable listener) {
        LISTENERS.remove(listener);
    }
}
