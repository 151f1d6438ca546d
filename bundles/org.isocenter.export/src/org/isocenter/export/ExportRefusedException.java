/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.util.List;

/**
 * An export that must not happen: the pieces belong to different patients or Frames of Reference, the plan has no
 * isocenter, a referenced object is missing or unreadable. Each reason is a sentence naming the file.
 */
public final class ExportRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> reasons;

    public ExportRefusedException(List<String> reasons) {
        super("export refused: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public ExportRefusedException(String reason) {
        this(List.of(reason));
    }

    /** Why, one sentence per problem. */
    public List<String> reasons() {
        return reasons;
    }
}
