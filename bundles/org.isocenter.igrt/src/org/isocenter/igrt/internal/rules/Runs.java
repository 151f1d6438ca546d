/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal.rules;

import java.util.List;
import java.util.function.Predicate;

import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.RuleInput;

/** Helpers the built-in rules share: consecutive fractions that meet a condition. No frame or unit. */
final class Runs {

    private Runs() {
    }

    /**
     * How many fractions in a row, ending with the recorded one, meet {@code condition} (current decisions in
     * fraction order; a fraction number missing from the course breaks the run).
     */
    static int endingAtRecorded(RuleInput in, Predicate<FractionDecision> condition) {
        List<FractionDecision> upTo = in.upToRecorded();
        int run = 0;
        int expected = in.recorded().fraction();
        for (int i = upTo.size() - 1; i >= 0; i--) {
            FractionDecision d = upTo.get(i);
            if (d.fraction() != expected || !condition.test(d)) {
                break;
            }
            run++;
            expected--;
        }
        return run;
    }

    static String fractions(int n) {
        return n == 1 ? "1 fraction" : n + " fractions";
    }
}
