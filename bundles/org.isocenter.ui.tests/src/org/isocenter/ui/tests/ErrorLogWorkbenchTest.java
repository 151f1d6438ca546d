/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.UiErrors;
import org.junit.jupiter.api.Test;

/** A problem the workbench reports to the user reaches the platform log too, with its plug-in, message and cause. */
class ErrorLogWorkbenchTest {

    @Test
    void aReportedProblemIsInThePlatformLogWithItsCause() {
        List<IStatus> logged = new CopyOnWriteArrayList<>();
        ILogListener listener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(listener);
        IOException cause = new IOException("disk full");
        try {
            IStatus s = UiErrors.log("Apply to Reference", "The reference correction was not recorded: disk full", cause);
            assertEquals(1, logged.stream().filter(x -> x == s).count(), "logged once: " + logged);
            assertEquals(IStatus.ERROR, s.getSeverity());
            assertEquals(IsocenterUi.PLUGIN_ID, s.getPlugin());
            assertTrue(s.getMessage().startsWith("Apply to Reference: The reference correction was not recorded"),
                    s.getMessage());
            assertSame(cause, s.getException());
        } finally {
            Platform.removeLogListener(listener);
        }
    }
}
