/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/**
 * The workbench application {@code org.isocenter.ui.application} started by {@code ./isocenter workbench [FOLDER]}: with
 * a folder ({@code --open FOLDER} on the application's command line), that folder is imported at start-up and its
 * main image series shown (instead of the demo patient).
 */
public final class IsocenterApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Display display = PlatformUI.createDisplay();
        try {
            IsocenterWorkbenchAdvisor advisor = new IsocenterWorkbenchAdvisor(folderArgument(context));
            advisor.startImport(); // the folder's headers are read while the workbench and its window are built
            int code = PlatformUI.createAndRunWorkbench(display, advisor);
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    /**
     * The folder after the application argument {@code --open} (the launcher turns {@code ./isocenter workbench FOLDER}
     * into {@code --open FOLDER}); null without one.
     */
    private static java.nio.file.Path folderArgument(IApplicationContext context) {
        if (context.getArguments().get(IApplicationContext.APPLICATION_ARGS) instanceof String[] args) {
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("--open")) {
                    return java.nio.file.Path.of(args[i + 1]);
                }
            }
        }
        return null;
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
