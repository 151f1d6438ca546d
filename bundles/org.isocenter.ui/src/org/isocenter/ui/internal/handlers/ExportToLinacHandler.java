/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.isocenter.ui.internal.LoadedPatient;
import org.isocenter.ui.internal.export.ExportSource;
import org.isocenter.ui.internal.export.ExportWizard;

/** File ▸ Export to Linac…: the Export wizard for the loaded patient's plan; enabled while a plan is loaded. */
public final class ExportToLinacHandler extends AbstractHandler {

    @Override
    public boolean isEnabled() {
        return !LoadedPatient.session().plans().isEmpty();
    }

    @Override
    public void setEnabled(Object evaluationContext) {
        setBaseEnabled(isEnabled());
    }

    @Override
    public Object execute(ExecutionEvent event) {
        List<ExportSource> sources = ExportSource.fromSession();
        if (sources.isEmpty()) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), Messages.ExportToLinacHandler_title,
                    Messages.ExportToLinacHandler_noPlan);
            return null;
        }
        new WizardDialog(HandlerUtil.getActiveShell(event), new ExportWizard(sources)).open();
        return null;
    }
}
