/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.List;
import java.util.Optional;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.registration.CouchCorrection;

/**
 * What a {@link MatchProtocol} found on one daily image. {@code planningToDaily} is the deciding match's transform
 * (planning CT frame → daily frame, LPS mm) and {@code correction} its couch correction (IEC 61217 table-top, mm and
 * degrees, about the treatment isocenter) with every warning the protocol raised. For a 3-DOF couch
 * {@code residual} is the translation-only correction of the 6-DOF bony check and says what the rotation leaves at
 * the corners of a 10 cm box around the target. After a soft-tissue match {@code bonyCorrection} is the bony
 * match's correction and {@code softMinusBonyMm} where the soft-tissue match puts the target centre minus where the
 * bony match puts it (daily frame, LPS mm).
 */
public record MatchOutcome(MatchProtocol protocol, MatchGeometry geometry, List<MatchStep> steps,
        RigidTransform planningToDaily, CouchCorrection correction, Optional<CouchCorrection> residual,
        Optional<CouchCorrection> bonyCorrection, Optional<Vector3> softMinusBonyMm) {

    public MatchOutcome {
        steps = List.copyOf(steps);
    }

    /** The match that decides (the soft-tissue match when one ran, else the bony match). */
    public MatchStep decidingStep() {
        return step(MatchStep.SOFT_TISSUE).orElseGet(() -> step(MatchStep.BONY).orElseThrow());
    }

    /** The step of this name, if it ran. */
    public Optional<MatchStep> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The record store's name of the deciding match: "soft-tissue", "bone-6dof" or "bone-3dof". */
    public String matchName() {
        return step(MatchStep.SOFT_TISSUE).isPresent() ? "soft-tissue" : protocol.sixDofCouch() ? "bone-6dof" : "bone-3dof";
    }

    /** One line for people: which match decided, on what region, and how long the matching took. */
    public String describe() {
        MatchStep d = decidingStep();
        long ms = steps.stream().mapToLong(s -> s.result().wallTimeMs()).sum();
        return String.format(java.util.Locale.ROOT, "auto match on %s (%s, %s, %.1f s)",
                d.name().equals(MatchStep.SOFT_TISSUE) ? "soft tissue" : "bone", d.region().description(),
                d.name().equals(MatchStep.SOFT_TISSUE) ? "translations after bone" : protocol.sixDofCouch() ? "6 DOF"
                        : "translations only", ms / 1000.0);
    }
}
