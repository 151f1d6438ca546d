/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.io;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Creates DICOM UIDs under the root {@code 2.25}, which ISO/IEC 9834-8 and DICOM PS3.5 §B.2 reserve for
 * UIDs derived from a UUID: no registration is needed and they are at most 44 characters. Random UIDs
 * come from random (version 4) UUIDs; derived UIDs come from name-based (version 3) UUIDs of the given
 * parts, so the same inputs always give the same UID (the demo patient is reproducible).
 */
public final class DicomUids {

    /** The documented UID root of every UID Isocenter creates. */
    public static final String ROOT = "2.25";

    private DicomUids() {
    }

    /** A new, globally unique UID. */
    public static String random() {
        return fromUuid(UUID.randomUUID());
    }

    /** A UID that depends only on {@code parts} (joined with '/'), e.g. a slice UID from a series UID and index. */
    public static String derived(String... parts) {
        return fromUuid(UUID.nameUUIDFromBytes(String.join("/", parts).getBytes(StandardCharsets.UTF_8)));
    }

    private static String fromUuid(UUID uuid) {
        ByteBuffer b = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return ROOT + "." + new BigInteger(1, b.array());
    }

    /** Whether {@code uid} is a syntactically valid DICOM UID (PS3.5 §9.1). */
    public static boolean isValid(String uid) {
        return uid != null && uid.length() <= 64 && uid.matches("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");
    }
}
