/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.jobs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.SeriesRecord;

/**
 * What is wrong with a scanned series before it is opened: the folder scan's warnings plus, for a single-frame image
 * series, gaps in the slice positions (missing slices) and slices at the same position, found from the Image Position
 * (Patient) of the headers alone.
 */
public final class SeriesWarnings {

    /** Relative tolerance on the slice spacing (as the image reader's). */
    private static final double TOLERANCE = 0.01;

    private SeriesWarnings() {
    }

    /** Every warning on the series, the scan's first; empty when there is none. */
    public static List<String> of(SeriesRecord series) {
        List<String> all = new ArrayList<>(series.warnings());
        String gap = sliceGaps(series);
        if (gap != null) {
            all.add(0, gap);
        }
        return all;
    }

    /**
     * The slice-spacing problem of an image series (missing or duplicate slices), or null when the spacing is even or
     * cannot be told (fewer than three positioned slices, multi-frame).
     */
    public static String sliceGaps(SeriesRecord series) {
        if (!series.isImageSeries()) {
            return null;
        }
        List<InstanceRecord> slices = series.instances().stream()
                .filter(i -> i.imagePositionMm() != null && i.imagePositionMm().length == 3).toList();
        if (slices.size() < 3 || slices.size() != series.instances().size()) {
            return null;
        }
        // the stacking direction: from the first to the farthest position (no orientation in the scan's records)
        double[] p0 = slices.get(0).imagePositionMm();
        double[] far = slices.stream().map(InstanceRecord::imagePositionMm)
                .max(Comparator.comparingDouble(p -> dist(p, p0))).orElseThrow();
        double length = dist(far, p0);
        if (length < 1e-6) {
            return NLS.bind(Messages.SeriesWarnings_samePosition, slices.size());
        }
        double[] dir = { (far[0] - p0[0]) / length, (far[1] - p0[1]) / length, (far[2] - p0[2]) / length };
        double[] along = slices.stream().mapToDouble(i -> dot(i.imagePositionMm(), dir)).sorted().toArray();
        double[] gaps = new double[along.length - 1];
        int duplicates = 0;
        for (int k = 1; k < along.length; k++) {
            gaps[k - 1] = along[k] - along[k - 1];
            if (gaps[k - 1] < 1e-3) {
                duplicates++;
            }
        }
        if (duplicates > 0) {
            return NLS.bind(duplicates == 1 ? Messages.SeriesWarnings_duplicateOne : Messages.SeriesWarnings_duplicateMany,
                    duplicates);
        }
        double[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        int missing = 0;
        List<String> where = new ArrayList<>();
        for (int k = 0; k < gaps.length; k++) {
            if (Math.abs(gaps[k] - median) > TOLERANCE * median) {
                missing += Math.max(1, (int) Math.round(gaps[k] / median) - 1);
                if (where.size() < 3) {
                    where.add(NLS.bind(Messages.SeriesWarnings_gapAt, String.format(Locale.ROOT, "%.1f", gaps[k]),
                            String.format(Locale.ROOT, "%.1f", along[k])));
                }
            }
        }
        if (missing == 0) {
            return null;
        }
        return NLS.bind(missing == 1 ? Messages.SeriesWarnings_unevenOne : Messages.SeriesWarnings_unevenMany,
                new Object[] { missing, String.format(Locale.ROOT, "%.2f", median), String.join(", ", where) });
    }

    private static double dist(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
