/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import org.isocenter.cli.CliCommand;
import org.isocenter.core.services.ClassPathComponents;

/**
 * The plain-Java entry point of the headless commands: {@code java -cp <the CLI's bundle jars> CliMain <command>}.
 * The {@code ./isocenter} launcher uses it instead of starting Equinox with the whole product (the
 * framework's start-up was most of a short command's time). Nothing of the built-in commands needs the OSGi
 * framework: the few service look-ups ({@code RegistrationAlgorithms}, {@code LinacExporters}, {@code MarginRecipes},
 * {@code CorrectionProtocols}) fall back to the built-in implementations when no framework runs, and those are all
 * the product ships. The Equinox application {@link CliApplication} ({@code org.isocenter.cli.app}) runs the commands
 * inside OSGi, where installed plug-ins contribute services and commands: the launcher hands it every command this
 * class does not know ({@link #HANDOVER_PROPERTY}), and {@code ISOCENTER_CLI=osgi ./isocenter ...} runs any command
 * there (e.g. so that a plug-in's registration algorithm is offered to {@code register}).
 * <p>
 * Same contract as {@link CliApplication}: one JSON object as the last stdout line, exit code 0, 1 or 2.
 * <p>
 * With the system property {@code isocenter.cli.training} set to an empty scratch folder, it runs instead a fixed
 * sequence of commands on the demo patient written there, output discarded: the launcher runs it once per build
 * with {@code -XX:AOTCacheOutput} so that the JDK's AOT cache holds what real commands load and link.
 */
public final class CliMain {

    /**
     * The system property the launcher sets to an exit code: a command that is not built in ends the process with it,
     * silently, and the launcher runs the command in the Equinox application, where plug-ins contribute commands.
     */
    static final String HANDOVER_PROPERTY = "isocenter.cli.handover";

    /** The system property that selects the training run (its value: the scratch folder). */
    static final String TRAINING_PROPERTY = "isocenter.cli.training";


    private CliMain() {
    }

    public static void main(String[] args) {
        String training = System.getProperty(TRAINING_PROPERTY);
        if (training != null) {
            System.exit(train(Path.of(training)));
        }
        CliRunner runner;
        try {
            runner = commands();
        } catch (IllegalStateException e) { // a component descriptor this launch cannot start: said in one line
            if (java.util.Arrays.asList(args).contains("--debug")) {
                e.printStackTrace();
            }
            System.err.println("isocenter: " + e.getMessage());
            com.google.gson.JsonObject error = new com.google.gson.JsonObject();
            error.addProperty("error", e.getMessage());
            System.out.println(error);
            System.out.flush();
            System.exit(1);
            return;
        }
        String handover = System.getProperty(HANDOVER_PROPERTY);
        String command = java.util.Arrays.stream(args).filter(a -> !a.equals("--debug")).findFirst().orElse("help");
        if (handover != null && !command.startsWith("-") && !command.equals("help") && !runner.knows(command)) {
            System.exit(Integer.parseInt(handover)); // not built in: perhaps a plug-in's, for the Equinox application
        }
        int code = runner.execute(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code); // also ends any non-daemon thread a command left behind, as Equinox's exit does
    }

    /**
     * The commands: the {@link CliCommand} components of the bundles on the class path, started from their generated
     * descriptors with the catalogues they use.
     *
     * @throws IllegalStateException naming the descriptor when one cannot be started here
     */
    private static CliRunner commands() {
        ClassPathComponents components = ClassPathComponents.start(CliMain.class.getClassLoader());
        return CliRunner.lazy(components.offers(CliCommand.class), System.err);
    }

    /** The training run: what the commands people run most load, on the demo patient; 0 when all of it worked. */
    private static int train(Path dir) {
        String d = dir.resolve("demo").toString();
        String ct = d + "/CT_planning";
        String[][] runs = {
            { "help" },
            { "demo", d },
            { "info", d },
            { "load", ct },
            { "register", "--planning", ct, "--daily", d + "/CBCT_fx01" },
            { "dvh", "--rtdose", d + "/RTDOSE_planning.dcm", "--rtstruct", d + "/RTSTRUCT_planning.dcm" },
            { "info", dir.resolve("missing").toString() }, // the error path
        };
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        int failed = 0;
        CliRunner runner = commands();
        for (String[] run : runs) {
            int code = runner.execute(run, nowhere, nowhere);
            boolean expectedFailure = run[0].equals("info") && run[1].endsWith("missing");
            if ((code != 0) != expectedFailure) {
                System.err.println("training run: '" + String.join(" ", run) + "' exited " + code);
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
