/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.util.List;
import java.util.Objects;

/**
 * The read-back check of an export: per item whether what arrived matches the package ({@link Check}), and files
 * found at the destination that could not be read. {@link #passed()} holds when every item reported delivered
 * matched.
 */
public record VerificationReport(String readBack, List<ItemCheck> items, List<String> problems) {

    /** The result of comparing one item. */
    public enum Check {
        /** Found with the same UIDs and content digest. */
        MATCH,
        /** Reported delivered but not found. */
        MISSING,
        /** Found with another SOP Class UID. */
        UID_MISMATCH,
        /** Found, but the data set (or the file bytes, for a folder) differs. */
        CONTENT_MISMATCH,
        /** Not delivered, so not checked (it may or may not be at the destination). */
        NOT_CHECKED
    }

    /** One item: its check and a sentence naming the file. */
    public record ItemCheck(PackageItem item, Check check, String detail) {
        public ItemCheck {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(check, "check");
            detail = Objects.requireNonNullElse(detail, "");
        }
    }

    public VerificationReport {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    /** Whether every delivered item was found intact (and at least one was checked). */
    public boolean passed() {
        return items.stream().anyMatch(i -> i.check() == Check.MATCH)
                && items.stream().allMatch(i -> i.check() == Check.MATCH || i.check() == Check.NOT_CHECKED);
    }

    public long count(Check check) {
        return items.stream().filter(i -> i.check() == check).count();
    }
}
