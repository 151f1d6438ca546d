/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Reading and writing DICOM objects: image series (CT and CBCT in HU; MR and PET in the modality's rescale unit),
 * RT Structure Sets, RT Plans and RT Ion Plans, RT Dose (Gy), Spatial Registrations and RT Images. Malformed content
 * is a {@link org.isocenter.dicom.io.DicomReadException} naming the file; writers validate every value and save
 * atomically. PixelMed does not appear in this API.
 */
package org.isocenter.dicom.io;
