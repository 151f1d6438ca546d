/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.isocenter.dicom.io.DicomContentDigest;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.export.internal.Hashing;

/**
 * Compares what arrived at a destination with what was sent: every DICOM file under the read-back folder is read and
 * indexed by SOP Instance UID; each item the report calls delivered must be there with the same SOP Class UID and
 * data set digest ({@link DicomContentDigest}); for items delivered as a file path ({@code deliveredAs} not empty:
 * folder exports, non-DICOM records) the file must be at that path with the original's SHA-256 too (a byte copy); a
 * network delivery ({@code deliveredAs} empty) may re-encode, so only the data set digest counts. Files that are not readable DICOM are listed as problems unless
 * they are a delivered non-DICOM item or the manifest.
 */
public final class ReadBackVerifier {

    private ReadBackVerifier() {
    }

    public static VerificationReport verify(ExportReport report, Path readBack) throws IOException {
        Path root = readBack.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IOException("cannot verify: read-back folder " + root + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        Map<String, DicomContentDigest.Content> byUid = new HashMap<>();
        java.util.Set<Path> expectedPlain = new java.util.HashSet<>();
        for (ExportReport.ItemResult r : report.items()) {
            if (!r.item().isDicom() && r.delivered()) {
                expectedPlain.add(root.resolve(r.deliveredAs()).normalize());
            }
        }
        for (Path f : files) {
            if (expectedPlain.contains(f) || f.getFileName().toString().equals(FolderManifest.FILE_NAME)) {
                continue;
            }
            try {
                DicomContentDigest.Content c = DicomContentDigest.of(f);
                DicomContentDigest.Content before = byUid.putIfAbsent(c.sopInstanceUid(), c);
                if (before != null) {
                    problems.add("SOP Instance UID " + c.sopInstanceUid() + " found twice: " + before.file() + " and " + f);
                }
            } catch (DicomReadException e) {
                problems.add("unreadable at the destination: " + e.getMessage());
            }
        }
        List<VerificationReport.ItemCheck> checks = new ArrayList<>();
        for (ExportReport.ItemResult r : report.items()) {
            PackageItem item = r.item();
            if (!r.delivered()) {
                checks.add(new VerificationReport.ItemCheck(item, VerificationReport.Check.NOT_CHECKED,
                        item.name() + ": " + r.outcome() + ", not checked"));
                continue;
            }
            if (!item.isDicom()) {
                Path f = root.resolve(r.deliveredAs()).normalize();
                if (!Files.isRegularFile(f)) {
                    checks.add(new VerificationReport.ItemCheck(item, VerificationReport.Check.MISSING,
                            item.name() + " reported delivered as " + r.deliveredAs() + " but not found"));
                } else {
                    String sha = Hashing.sha256(f);
                    checks.add(sha.equals(item.sha256())
                            ? new VerificationReport.ItemCheck(item, VerificationReport.Check.MATCH, item.name() + ": SHA-256 " + sha)
                            : new VerificationReport.ItemCheck(item, VerificationReport.Check.CONTENT_MISMATCH,
                                    item.name() + ": SHA-256 " + sha + " at the destination, " + item.sha256() + " sent"));
                }
                continue;
            }
            DicomContentDigest.Content c = byUid.get(item.sopInstanceUid());
            if (c == null) {
                checks.add(new VerificationReport.ItemCheck(item, VerificationReport.Check.MISSING,
                        item.name() + " (SOP Instance UID " + item.sopInstanceUid() + ") reported delivered but not found"));
            } else if (!c.sopClassUid().equals(item.sopClassUid())) {
                checks.add(new VerificationReport.ItemCheck(item, VerificationReport.Check.UID_MISMATCH, item.name()
                        + ": SOP Class UID " + c.sopClassUid() + " at the destination, " + item.sopClassUid() + " sent"));
            } else if (!c.datasetSha256().equals(item.datasetSha256())) {
                checks.add(new VerificationReport.ItemCheck(item, VerificationReport.Check.CONTENT_MISMATCH,
                        item.name() + ": data set differs at the destination (" + c.file() + ")"));
            } else if (!r.deliveredAs().isEmpty() && !c.file().equals(root.resolve(r.deliveredAs()).normalize())) {
                checks.add(new VerificationReport.ItemCheck(item, VerificationReport.Check.MISSING, item.name()
                        + " reported delivered as " + r.deliveredAs() + " but found as " + root.relativize(c.file())));
            } else if (!r.deliveredAs().isEmpty() && !Hashing.sha256(c.file()).equals(item.sha256())) {
                checks.add(new VerificationReport.ItemCheck(item, VerificationReport.Check.CONTENT_MISMATCH,
                        item.name() + ": file bytes differ at the destination (" + c.file() + ")"));
            } else {
                checks.add(new VerificationReport.ItemCheck(item, VerificationReport.Check.MATCH,
                        item.name() + ": found as " + root.relativize(c.file()) + ", UIDs and data set digest equal"));
            }
        }
        return new VerificationReport(root.toString(), checks, problems);
    }
}
