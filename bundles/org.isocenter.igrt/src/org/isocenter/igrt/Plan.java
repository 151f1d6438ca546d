/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.Objects;

/**
 * The treatment plan a course delivers: its RT Plan SOP Instance UID and a label (RT Plan Label (300A,0002)).
 * No frame or unit: identification only; the plan's geometry is in the course's reference Frame of Reference.
 */
public record Plan(String sopInstanceUid, String label) {

    public Plan {
        Objects.requireNonNull(sopInstanceUid, "plan SOP Instance UID");
        if (sopInstanceUid.isBlank()) {
            throw new IllegalArgumentException("a plan needs a non-blank RT Plan SOP Instance UID");
        }
        label = label == null ? "" : label;
    }
}
