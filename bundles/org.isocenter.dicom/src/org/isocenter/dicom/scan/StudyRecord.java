/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.scan;

import java.util.List;

/** One study found by a folder scan, with its series ordered by modality then series number. */
public record StudyRecord(String studyInstanceUid, String studyDate, String description, List<SeriesRecord> series) {

    public StudyRecord {
        series = List.copyOf(series);
    }
}
