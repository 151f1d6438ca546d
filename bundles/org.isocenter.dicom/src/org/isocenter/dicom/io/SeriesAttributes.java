/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.util.Objects;

/**
 * Study- and series-level values a writer puts into new objects: study date and time ({@code YYYYMMDD},
 * {@code HHMMSS}), study ID and description, series number, the manufacturer to record, and the instance
 * creation date/time.
 */
public record SeriesAttributes(String studyDate, String studyTime, String studyId, String studyDescription,
        int seriesNumber, String manufacturer) {

    public SeriesAttributes {
        Objects.requireNonNull(studyDate, "studyDate");
        Objects.requireNonNull(studyTime, "studyTime");
        studyId = Objects.requireNonNullElse(studyId, "");
        studyDescription = Objects.requireNonNullElse(studyDescription, "");
        manufacturer = Objects.requireNonNullElse(manufacturer, "Isocenter");
    }
}
