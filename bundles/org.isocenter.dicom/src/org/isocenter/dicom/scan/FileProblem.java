/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.scan;

import java.nio.file.Path;

/** A file that could not be indexed (or was indexed with a defect), with a message for the user. */
public record FileProblem(Path file, String problem) {
}
