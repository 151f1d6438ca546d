/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.viewer;

import java.nio.file.Path;
import java.util.List;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.scan.SeriesRecord;

/**
 * What the image viewer loaded for one primary image series: the image, and when found for the same patient and
 * Frame of Reference the structure set referencing it (and its file, null when none), the plan and its dose; the other image series of the
 * patient that can be fused as secondary; warnings to show (objects left out and why).
 */
public record ViewerContent(ImageVolume primary, StructureSet structures, Path structureFile, RtPlan plan, DoseGrid dose,
        List<SeriesRecord> secondaryCandidates, List<String> warnings) {
}
