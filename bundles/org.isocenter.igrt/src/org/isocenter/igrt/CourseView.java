package org.isocenter.igrt;

import java.util.List;

/**
 * A course as shown: the course, the current decision of each fraction (superseded ones left out) in fraction
 * order, and the set-up error (patient axes, mm) over the current accepted decisions.
 */
public record CourseView(Course course, List<FractionDecision> fractions, SetupError setupError) {

    public CourseView {
        fractions = List.copyOf(fractions);
    }
}
