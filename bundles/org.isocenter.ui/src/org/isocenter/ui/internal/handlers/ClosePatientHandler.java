/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.isocenter.ui.internal.LoadedPatient;
import org.isocenter.ui.internal.contouring.EditableStructures;

/**
 * File ▸ Close Patient: unloads the loaded patient so that another patient's data can be loaded (asking first when
 * structure edits are not saved).
 */
public final class ClosePatientHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (!EditableStructures.get().confirmDiscard(Messages.ClosePatientHandler_action)) {
            return null;
        }
        LoadedPatient.close();
        return null;
    }
}
