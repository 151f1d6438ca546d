/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless Equinox application {@code org.isocenter.cli.app}: the built-in commands and those installed plug-ins
 * contribute as OSGi services; the exit code becomes the process's.
 */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        int code = CliRunner.withContributedCommands(ContributedCommands.list(), System.err)
                .execute(args == null ? new String[0] : args, System.out, System.err);
        System.out.flush();
        return code == 0 ? IApplication.EXIT_OK : Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // commands are short-lived and not interruptible from outside
    }
}
