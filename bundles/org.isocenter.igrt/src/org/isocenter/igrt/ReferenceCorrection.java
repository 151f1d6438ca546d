/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.time.Instant;

import org.isocenter.margin.AxisValues;

/**
 * An offline protocol's correction of the reference (set-up) position, applied explicitly by a user and recorded
 * like a decision: from fraction {@code fromFraction} on, the set-up reference is moved to remove
 * {@code correctionMm}, the systematic set-up error estimated by {@code protocol} ("nal:3", "enal:3:5", "sal:9:4")
 * from {@code basedOnFractions} imaged fractions (patient axes LR/AP/SI of DICOM LPS, mm; the total from the planned
 * reference, not an increment). Set-up errors measured from then on are relative to the moved reference. {@code time}
 * is a UTC instant.
 */
public record ReferenceCorrection(long id, long courseId, int fromFraction, String protocol, AxisValues correctionMm,
        int basedOnFractions, String user, Instant time, String reason) {
}
