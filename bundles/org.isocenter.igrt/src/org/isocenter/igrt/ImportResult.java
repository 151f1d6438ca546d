/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.List;

/**
 * What importing a fraction log did: decisions added, entries skipped because they were imported before, entries
 * refused (another patient's, or older than the fraction's recorded decision) with one message each. No frame or unit.
 */
public record ImportResult(int added, int skipped, int refused, List<String> messages) {

    public ImportResult {
        messages = List.copyOf(messages);
    }
}
