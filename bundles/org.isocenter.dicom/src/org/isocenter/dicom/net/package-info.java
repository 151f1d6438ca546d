/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * DICOM networking: C-ECHO ({@link org.isocenter.dicom.net.VerificationClient}), sending files with
 * C-STORE ({@link org.isocenter.dicom.net.StorageClient}) and receiving them
 * ({@link org.isocenter.dicom.net.StorageServer}). Built on PixelMed's network classes, which do not
 * appear in this API: it uses plain Java types, {@link java.nio.file.Path} and records. Timeouts are in
 * milliseconds. No TLS: associations are plain TCP.
 */
package org.isocenter.dicom.net;
