/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

/**
 * How often delivery is retried after a network failure and how long to wait: {@code retries} more attempts after the
 * first, the first wait {@code initialDelayMs}, each next wait multiplied by {@code backoffFactor}. Only files that
 * were not stored because of the network (connection refused or lost, timeout) are retried; a file the peer refused
 * with an error status is not.
 */
public record RetryPolicy(int retries, long initialDelayMs, double backoffFactor) {

    /** Three retries after 0.5 s, 1 s and 2 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, 500, 2);

    /** No retry. */
    public static final RetryPolicy NONE = new RetryPolicy(0, 0, 1);

    public RetryPolicy {
        if (retries < 0 || retries > 20) {
            throw new IllegalArgumentException("retries must be within 0..20, not " + retries);
        }
        if (initialDelayMs < 0 || !(backoffFactor >= 1)) {
            throw new IllegalArgumentException("retry delay must be >= 0 ms and the back-off factor >= 1");
        }
    }

    /** The wait (ms) before retry number {@code retry} (1 = the first retry). */
    public long delayBeforeRetryMs(int retry) {
        return Math.round(initialDelayMs * Math.pow(backoffFactor, retry - 1));
    }
}
