/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.nio.file.Path;

/** A DICOM object that was written: its file, SOP class and instance UID, and series UID. */
public record WrittenObject(Path file, String sopClassUid, String sopInstanceUid, String seriesInstanceUid) {
}
