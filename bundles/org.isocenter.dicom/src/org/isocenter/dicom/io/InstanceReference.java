/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.nio.file.Path;

/** A written (or read) image instance: file, SOP class/instance UIDs and slice position along the normal (mm). */
public record InstanceReference(Path file, String sopClassUid, String sopInstanceUid, double positionAlongNormalMm) {
}
