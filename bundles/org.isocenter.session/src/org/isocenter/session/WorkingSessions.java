/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.session;

import org.isocenter.session.internal.SessionComponent;

/**
 * The working session service: the Declarative Services component's in OSGi (workbench, command line), a process
 * wide one outside it (plain JUnit, embedding). No frame or unit.
 */
public final class WorkingSessions {

    private WorkingSessions() {
    }

    /** The workstation's working session. */
    public static WorkingSession current() {
        return SessionComponent.current();
    }
}
