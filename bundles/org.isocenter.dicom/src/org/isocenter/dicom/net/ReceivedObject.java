/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

import java.nio.file.Path;

/**
 * One object a {@link StorageServer} received and stored.
 *
 * @param file           the stored Part 10 file, {@code <storage folder>/<SOP Instance UID>.dcm}
 * @param callingAeTitle the AE title of the sender
 * @param sopClassUid    the SOP Class UID the sender gave in the C-STORE request
 * @param sopInstanceUid the SOP Instance UID the sender gave in the C-STORE request
 */
public record ReceivedObject(Path file, String callingAeTitle, String sopClassUid, String sopInstanceUid) {
}
