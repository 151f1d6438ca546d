/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.scan;

import java.util.List;

/**
 * One series found by a folder scan: modality (CT, MR, PT, RTSTRUCT, RTPLAN, RTDOSE, REG, RTIMAGE, ...),
 * Frame of Reference, its instances, and for RT objects what they reference (series, frames and SOP instances:
 * a plan's structure set, a dose's or RT Image's plan), a one-line summary of their content and, for
 * structure sets, the ROI names. {@code warnings} lists inconsistencies found (missing references,
 * Frame of Reference mismatches, duplicate instances).
 */
public record SeriesRecord(String seriesInstanceUid, String modality, int seriesNumber, String description,
        String frameOfReferenceUid, List<InstanceRecord> instances, List<String> referencedSeriesUids,
        List<String> referencedFrameOfReferenceUids, List<String> referencedInstanceUids, List<String> roiNames,
        String summary, List<String> warnings) {

    public SeriesRecord {
        instances = List.copyOf(instances);
        referencedSeriesUids = List.copyOf(referencedSeriesUids);
        referencedFrameOfReferenceUids = List.copyOf(referencedFrameOfReferenceUids);
        referencedInstanceUids = List.copyOf(referencedInstanceUids);
        summary = summary == null ? "" : summary;
        roiNames = List.copyOf(roiNames);
        warnings = List.copyOf(warnings);
    }

    /** Whether this is an image series (CT, MR, PT, ...) rather than an RT object. */
    public boolean isImageSeries() {
        return !modality.startsWith("RT") && !modality.equals("REG") && !modality.equals("SR");
    }
}
