package org.isocenter.dicom.io;

import java.util.List;

import org.isocenter.core.geometry.Vector3;

/**
 * Enough of an image series for RT objects to reference it: study, series and Frame of Reference UIDs,
 * the slice normal (LPS) and its instances with their positions along that normal (mm).
 */
public record ImageSeriesReference(String studyInstanceUid, String seriesInstanceUid, String frameOfReferenceUid,
        Vector3 sliceNormal, List<InstanceReference> instances) {

    public ImageSeriesReference {
        instances = List.copyOf(instances);
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
