/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.List;

/**
 * What an {@link AdaptiveRule} sees when a fraction is recorded: the course, the decision just recorded, the
 * current decision of every fraction in fraction order (the new one included; superseded ones left out), every
 * decision ever recorded (for what happened once per image, like its dose), the reference corrections applied so
 * far, the rule's settings for the course's site, and the clinic's couch (whether it corrects rotations, and its
 * largest rotation in degrees).
 */
public record RuleInput(Course course, FractionDecision recorded, List<FractionDecision> current,
        List<FractionDecision> history, List<ReferenceCorrection> referenceCorrections, AlertSettings.Rule settings,
        boolean sixDofCouch, double couchMaxRotationDeg) {

    public RuleInput {
        current = List.copyOf(current);
        history = List.copyOf(history);
        referenceCorrections = List.copyOf(referenceCorrections);
    }

    /** The current decisions up to and including the recorded fraction, in fraction order. */
    public List<FractionDecision> upToRecorded() {
        return current.stream().filter(d -> d.fraction() <= recorded.fraction()).toList();
    }
}
