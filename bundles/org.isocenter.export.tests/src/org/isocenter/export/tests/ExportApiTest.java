/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.isocenter.core.patient.PatientPosition;
import org.isocenter.dicom.net.DicomNode;
import org.isocenter.export.AuditEntry;
import org.isocenter.export.AuditLog;
import org.isocenter.export.DrrGeometry;
import org.isocenter.export.ExportDestination;
import org.isocenter.export.ExportReport;
import org.isocenter.export.LinacExporter;
import org.isocenter.export.LinacExporters;
import org.isocenter.export.PackageItem;
import org.isocenter.export.RetryPolicy;
import org.isocenter.core.geometry.Vector3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export API's contracts: the shipped exporters and which destination each takes, the back-off sequence, a retry's
 * results replacing the first attempt's, the audit log only ever growing (earlier bytes untouched) and read back in
 * order, and decubitus positions refused for DRRs with a clear message.
 */
class ExportApiTest {

    @TempDir
    Path tmp;

    @Test
    void shippedExportersAndTheirDestinations() {
        List<String> ids = service(LinacExporters.class).available().stream().map(LinacExporter::id).toList();
        assertTrue(ids.containsAll(List.of("dicom", "folder")), ids.toString());
        ExportDestination folder = new ExportDestination.Folder(tmp);
        ExportDestination node = new ExportDestination.DicomStore(new DicomNode("RV", "127.0.0.1", 104), "ME", 1000, null);
        assertEquals("folder", service(LinacExporters.class).forDestination(folder).orElseThrow().id());
        assertEquals("dicom", service(LinacExporters.class).forDestination(node).orElseThrow().id());
        assertFalse(service(LinacExporters.class).byId("dicom").orElseThrow().supports(folder));
        assertEquals(RetryPolicy.DEFAULT, ((ExportDestination.DicomStore) node).retry());
    }

    @Test
    void backOffDoubles() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertEquals(List.of(500L, 1000L, 2000L), List.of(p.delayBeforeRetryMs(1), p.delayBeforeRetryMs(2),
                p.delayBeforeRetryMs(3)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(-1, 0, 1));
    }

    @Test
    void aRetryReplacesTheResultsOfTheItemsItSent() {
        PackageItem a = item(1), b = item(2);
        Instant t = Instant.now();
        ExportReport first = new ExportReport("dicom", "x", t, t, List.of(
                new ExportReport.ItemResult(a, ExportReport.Outcome.DELIVERED, 0, 1, "", ""),
                new ExportReport.ItemResult(b, ExportReport.Outcome.NOT_SENT, -1, 2, "", "")), List.of("one"));
        assertFalse(first.success());
        assertEquals(List.of(b), first.undelivered());
        ExportReport later = new ExportReport("dicom", "x", t, t.plusSeconds(1),
                List.of(new ExportReport.ItemResult(b, ExportReport.Outcome.DELIVERED, 0, 1, "", "")), List.of("two"));
        ExportReport merged = first.mergedWith(later);
        assertTrue(merged.success());
        assertEquals(3, merged.items().get(1).attempts());
        assertEquals(List.of("one", "two"), merged.messages());
    }

    @Test
    void auditLogOnlyGrows() throws IOException {
        AuditLog log = new AuditLog(tmp.resolve("audit"));
        assertEquals(List.of(), log.read());
        AuditEntry e1 = entry("SUCCESS", "first");
        log.append(e1);
        byte[] before = Files.readAllBytes(log.file());
        AuditEntry e2 = entry("INCOMPLETE", "second, with \"quotes\"\nand a newline");
        log.append(e2);
        byte[] after = Files.readAllBytes(log.file());
        assertTrue(after.length > before.length);
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i], after[i], "byte " + i + " of the earlier entries changed");
        }
        assertEquals(2, Files.readString(log.file(), StandardCharsets.UTF_8).lines().count(), "one line per entry");
        assertEquals(List.of(e1, e2), log.read());
    }

    @Test
    void decubitusIsRefusedForDrrs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DrrGeometry.of(Vector3.ZERO, 0, 0, 0, 1000, 1500, PatientPosition.HFDL));
        assertTrue(e.getMessage().contains("HFDL"), e.getMessage());
    }

    static PackageItem item(int n) {
        return new PackageItem(PackageItem.Role.PLANNING_IMAGE, Path.of("CT_" + n + ".dcm"), "1.2.840.10008.5.1.4.1.1.2",
                "2.25." + n, "CT", "", 1, "00", "00");
    }

    static AuditEntry entry(String result, String detail) {
        return new AuditEntry(Instant.now().toString(), "u", "h", "EXPORT", "P1", "DOE^J", "PLAN", "1.2", "dicom", "DICOM RV",
                result, "PASSED", 2, 1, List.of(new AuditEntry.FileOutcome("PLAN", "1.2", "rp.dcm", "DELIVERED")), detail);
    }

    /** The OSGi service of this type, as SCR registers it (asynchronously: waits up to 10 s). */
    static <T> T service(Class<T> type) {
        return org.isocenter.core.services.TrackedServices.await(ExportApiTest.class, type, java.time.Duration.ofSeconds(10));
    }
}
