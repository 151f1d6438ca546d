package org.isocenter.dicom.scan;

import java.util.List;

/**
 * One series found by a folder scan: modality (CT, MR, PT, RTSTRUCT, RTPLAN, RTDOSE, REG, RTIMAGE, ...),
 * Frame of Reference, its instances, and for RT objects what they reference (series and frames) and, for
 * structure sets, the ROI names. {@code warnings} lists inconsistencies found (missing references,
 * Frame of Reference mismatches, duplicate instances).
 */
public record SeriesRecord(String seriesInstanceUid, String modality, int seriesNumber, String description,
        String frameOfReferenceUid, List<InstanceRecord> instances, List<String> referencedSeriesUids,
        List<String> referencedFrameOfReferenceUids, List<String> roiNames, List<String> warnings) {

    public SeriesRecord {
        instances = List.copyOf(instances);
        referencedSeriesUids = List.copyOf(referencedSeriesUids);
        referencedFrameOfReferenceUids = List.copyOf(referencedFrameOfReferenceUids);
        roiNames = List.copyOf(roiNames);
        warnings = List.copyOf(warnings);
    }

    /** Whether this is an image series (CT, MR, PT, ...) rather than an RT object. */
    public boolean isImageSeries() {
        return !modality.startsWith("RT") && !modality.equals("REG") && !modality.equals("SR");
    }
}
