/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link LinacExporter} did with every item of a package: delivered (the peer confirmed it, or the file was
 * written and synced), delivered with a warning status, failed, not sent, or not applicable to this destination (a
 * DICOM node does not take the non-DICOM couch correction record). {@link #success()} holds only when every
 * applicable item was delivered. {@code messages} tells the attempts and retries.
 */
public record ExportReport(String exporterId, String destination, Instant started, Instant finished,
        List<ItemResult> items, List<String> messages) {

    /** The fate of one item. */
    public enum Outcome {
        DELIVERED, DELIVERED_WITH_WARNING, FAILED, NOT_SENT, NOT_APPLICABLE
    }

    /**
     * One item's result: outcome, the peer's DIMSE status (-1 when none), the attempts made, a sentence naming the
     * file, and where it was delivered (relative path in a folder export, SOP Instance UID at a DICOM node).
     */
    public record ItemResult(PackageItem item, Outcome outcome, int dimseStatus, int attempts, String detail,
            String deliveredAs) {
        public ItemResult {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(outcome, "outcome");
            detail = Objects.requireNonNullElse(detail, "");
            deliveredAs = Objects.requireNonNullElse(deliveredAs, "");
        }

        public boolean delivered() {
            return outcome == Outcome.DELIVERED || outcome == Outcome.DELIVERED_WITH_WARNING;
        }
    }

    public ExportReport {
        items = List.copyOf(items);
        messages = List.copyOf(messages);
    }

    /** Whether every applicable item was delivered (and there was at least one). */
    public boolean success() {
        return items.stream().anyMatch(ItemResult::delivered)
                && items.stream().allMatch(i -> i.delivered() || i.outcome() == Outcome.NOT_APPLICABLE);
    }

    /** Items delivered. */
    public List<ItemResult> delivered() {
        return items.stream().filter(ItemResult::delivered).toList();
    }

    /** Items that still have to be delivered (failed or not sent), in package order. */
    public List<PackageItem> undelivered() {
        return items.stream().filter(i -> i.outcome() == Outcome.FAILED || i.outcome() == Outcome.NOT_SENT)
                .map(ItemResult::item).toList();
    }

    public long count(Outcome outcome) {
        return items.stream().filter(i -> i.outcome() == outcome).count();
    }

    /**
     * This report updated by a later one (a retry of some items): their results replace these, the rest stay;
     * messages are concatenated, the start is this report's and the end the later one's.
     */
    public ExportReport mergedWith(ExportReport later) {
        Map<PackageItem, ItemResult> byItem = new LinkedHashMap<>();
        items.forEach(i -> byItem.put(i.item(), i));
        for (ItemResult r : later.items()) {
            ItemResult before = byItem.get(r.item());
            int attempts = (before == null ? 0 : before.attempts()) + r.attempts();
            byItem.put(r.item(), new ItemResult(r.item(), r.outcome(), r.dimseStatus(), attempts, r.detail(), r.deliveredAs()));
        }
        List<String> m = new ArrayList<>(messages);
        m.addAll(later.messages());
        return new ExportReport(exporterId, destination, started, later.finished(), new ArrayList<>(byItem.values()), m);
    }
}
