/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.util.List;
import java.util.Objects;

/**
 * One line of the export {@link AuditLog}: when (ISO-8601 UTC instant), who (user and host), what (action, patient,
 * plan, the files by role and SOP Instance UID with their outcome), where (exporter and destination) and the result
 * ({@code SUCCESS}, {@code INCOMPLETE}, {@code REFUSED}, {@code FAILED}) with the read-back verification
 * ({@code PASSED}, {@code FAILED}, {@code NOT_DONE}) and a detail sentence.
 */
public record AuditEntry(String time, String user, String host, String action, String patientId, String patientName,
        String planLabel, String planSopInstanceUid, String exporter, String destination, String result,
        String verification, int filesTotal, int filesDelivered, List<FileOutcome> files, String detail) {

    /** One file of the export as recorded. */
    public record FileOutcome(String role, String sopInstanceUid, String name, String outcome) {
    }

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        user = Objects.requireNonNullElse(user, "");
        host = Objects.requireNonNullElse(host, "");
        action = Objects.requireNonNullElse(action, "");
        patientId = Objects.requireNonNullElse(patientId, "");
        patientName = Objects.requireNonNullElse(patientName, "");
        planLabel = Objects.requireNonNullElse(planLabel, "");
        planSopInstanceUid = Objects.requireNonNullElse(planSopInstanceUid, "");
        exporter = Objects.requireNonNullElse(exporter, "");
        destination = Objects.requireNonNullElse(destination, "");
        result = Objects.requireNonNullElse(result, "");
        verification = Objects.requireNonNullElse(verification, "NOT_DONE");
        files = List.copyOf(Objects.requireNonNullElse(files, List.of()));
        detail = Objects.requireNonNullElse(detail, "");
    }
}
