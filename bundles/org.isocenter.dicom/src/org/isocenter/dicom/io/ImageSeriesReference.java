/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.util.List;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.dicom.scan.SeriesRecord;

/**
 * Enough of an image series for RT objects to reference it: study, series and Frame of Reference UIDs,
 * the slice normal (LPS) and its instances with their positions along that normal (mm).
 */
public record ImageSeriesReference(String studyInstanceUid, String seriesInstanceUid, String frameOfReferenceUid,
        Vector3 sliceNormal, List<InstanceReference> instances) {

    public ImageSeriesReference {
        instances = List.copyOf(instances);
    }

    /** The reference to a loaded image series, from the volume (UIDs, slice normal) and its scanned files. */
    public static ImageSeriesReference of(ImageVolume volume, SeriesRecord series) {
        Vector3 normal = volume.geometry().sliceDirection();
        List<InstanceReference> instances = series.instances().stream().map(i -> new InstanceReference(i.file(),
                i.sopClassUid(), i.sopInstanceUid(), i.imagePositionMm() == null || i.imagePositionMm().length != 3 ? 0
                        : new Vector3(i.imagePositionMm()[0], i.imagePositionMm()[1], i.imagePositionMm()[2]).dot(normal)))
                .toList();
        return new ImageSeriesReference(volume.info().studyInstanceUid(), volume.info().seriesInstanceUid(),
                volume.frameOfReferenceUid(), normal, instances);
    }

    /** The instance whose slice contains {@code positionAlongNormalMm} (within half a spacing), or null. */
    public InstanceReference sliceAt(double positionAlongNormalMm, double toleranceMm) {
        InstanceReference best = null;
        double bestDistance = toleranceMm;
        for (InstanceReference i : instances) {
            double d = Math.abs(i.positionAlongNormalMm() - positionAlongNormalMm);
            if (d <= bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }
}
