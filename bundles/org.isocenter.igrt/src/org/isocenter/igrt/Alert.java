/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

/**
 * An adaptive alert raised when a fraction was recorded: the fraction, the rule's id (e.g.
 * "external-contour-change"), the measured value and the threshold it reached, both in {@code unit} ("mm", "deg",
 * "%", "mGy"), and a message for the physicist. Alerts of a superseded decision are no longer the course's.
 */
public record Alert(int fraction, String rule, double value, double threshold, String unit, String message) {
}
