/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import org.isocenter.registration.RegistrationRegion;
import org.isocenter.registration.RegistrationRequest.DegreesOfFreedom;
import org.isocenter.registration.RegistrationResult;

/**
 * One registration a {@link MatchProtocol} ran: its name ({@value #BONY}, {@value #BONY_6DOF_CHECK},
 * {@value #SOFT_TISSUE}), the region it looked at (planning CT frame, LPS mm), its degrees of freedom, what it
 * started from, and its result (planning → daily transform).
 */
public record MatchStep(String name, RegistrationRegion region, DegreesOfFreedom dof, String startedFrom,
        RegistrationResult result) {

    public static final String BONY = "bony";
    public static final String BONY_6DOF_CHECK = "bony6Dof";
    public static final String SOFT_TISSUE = "softTissue";
}
