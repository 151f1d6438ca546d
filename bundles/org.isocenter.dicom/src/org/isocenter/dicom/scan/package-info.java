/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Scanning folders for DICOM: patients, studies, series and instances ({@link
 * org.isocenter.dicom.scan.DicomIndex}), the references between RT objects, and every file that could not be read or
 * is not DICOM, by name and reason.
 */
package org.isocenter.dicom.scan;
