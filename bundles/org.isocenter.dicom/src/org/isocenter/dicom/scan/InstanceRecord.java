/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.scan;

import java.nio.file.Path;

/**
 * One DICOM instance found by a folder scan (header only): its file, SOP class and instance UIDs,
 * instance number and, for images, the Image Position (Patient) in LPS mm (empty array when absent).
 */
public record InstanceRecord(Path file, String sopClassUid, String sopInstanceUid, int instanceNumber,
        double[] imagePositionMm) {
}
