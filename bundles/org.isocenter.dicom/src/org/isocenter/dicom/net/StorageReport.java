/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

import java.util.List;

/**
 * The result of one {@link StorageClient#send C-STORE send}: one status per input file, in input order.
 *
 * @param files     per-file statuses, same order and size as the file list given to {@code send}
 * @param elapsedMs wall-clock milliseconds for the whole send, including reading the file headers
 */
public record StorageReport(List<FileStatus> files, long elapsedMs) {

    public StorageReport {
        files = List.copyOf(files);
    }

    /** Files the peer confirmed with status Success. */
    public long stored() {
        return count(FileStatus.Outcome.STORED);
    }

    /** Files the peer stored with a warning status. */
    public long warnings() {
        return count(FileStatus.Outcome.WARNING);
    }

    /** Files refused locally or by the peer, or broken off during transfer. */
    public long failed() {
        return count(FileStatus.Outcome.FAILED);
    }

    /** Files not attempted because the association ended earlier. */
    public long notSent() {
        return count(FileStatus.Outcome.NOT_SENT);
    }

    /** Whether every file is stored (with or without warning). */
    public boolean allStored() {
        return files.stream().allMatch(FileStatus::isStored);
    }

    private long count(FileStatus.Outcome outcome) {
        return files.stream().filter(f -> f.outcome() == outcome).count();
    }
}
