/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dose;

/**
 * The dose metrics of one structure for a report table: doses in {@code doseUnits} ({@code GY}, or relative),
 * volumes in cm³. {@code d98} … {@code d2} are D(x %) of the volume inside the dose grid (ICRU 83 near-minimum,
 * D95, median and near-maximum doses); {@code minDose}, {@code meanDose} and {@code maxDose} come from the samples.
 */
public record DoseMetrics(String structureName, String doseUnits, double volumeCc, double structureVolumeCc,
        double outsideDoseGridCc, double minDose, double meanDose, double maxDose, double d98, double d95, double d50,
        double d2) {

    /** The metrics of a histogram. */
    public static DoseMetrics of(DoseVolumeHistogram dvh) {
        return new DoseMetrics(dvh.structureName(), dvh.doseUnits(), dvh.volumeCc(), dvh.structureVolumeCc(),
                dvh.outsideDoseGridCc(), dvh.minDose(), dvh.meanDose(), dvh.maxDose(), dvh.doseAtVolumePercent(98),
                dvh.doseAtVolumePercent(95), dvh.doseAtVolumePercent(50), dvh.doseAtVolumePercent(2));
    }
}
