package org.isocenter.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.isocenter.ui.internal.LoadedPatient;

/** File ▸ Close Patient: unloads the loaded patient so that another patient's data can be loaded. */
public final class ClosePatientHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        LoadedPatient.close();
        return null;
    }
}
