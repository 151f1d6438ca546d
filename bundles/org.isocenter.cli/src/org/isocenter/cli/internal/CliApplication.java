/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.isocenter.cli.CliCommand;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The headless Equinox application {@code org.isocenter.cli.app}: runs one command line with every {@link CliCommand}
 * service registered now (the built-in ones and those installed plug-ins contribute); the exit code becomes the
 * process's.
 */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        int code = run(args == null ? new String[0] : args, System.out, System.err);
        System.out.flush();
        return code == 0 ? IApplication.EXIT_OK : Integer.valueOf(code);
    }

    /**
     * Runs one command line with the {@link CliCommand} services registered now, highest ranking first, and ungets them
     * after; the exit code of {@link CliRunner#execute}.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        BundleContext bc = FrameworkUtil.getBundle(CliApplication.class).getBundleContext();
        List<ServiceReference<CliCommand>> refs;
        try {
            refs = new ArrayList<>(bc.getServiceReferences(CliCommand.class, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        refs.sort(Collections.reverseOrder()); // a reference compares greater when ranked higher
        List<CliCommand> commands = new ArrayList<>();
        List<ServiceReference<CliCommand>> got = new ArrayList<>();
        try {
            for (ServiceReference<CliCommand> r : refs) {
                CliCommand c = bc.getService(r);
                if (c != null) {
                    commands.add(c);
                    got.add(r);
                }
            }
            return CliRunner.of(commands, err).execute(Arrays.copyOf(args, args.length), out, err);
        } finally {
            got.forEach(bc::ungetService);
        }
    }

    @Override
    public void stop() {
        // commands are short-lived and not interruptible from outside
    }
}
