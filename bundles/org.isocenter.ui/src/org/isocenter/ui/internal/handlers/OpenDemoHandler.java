package org.isocenter.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.isocenter.ui.internal.jobs.LoadDemoJob;

/** File ▸ Open Demo Patient: writes (once) and imports the synthetic pelvis demo patient. */
public final class OpenDemoHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        new LoadDemoJob().schedule();
        return null;
    }
}
