/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.util.List;
import java.util.Map;

import org.isocenter.cli.CliCommand;
import org.isocenter.core.services.Contributions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The headless commands plug-ins contribute: every {@link CliCommand} registered as an OSGi service (a Declarative
 * Services {@code @Component}), bound as they come and go, ranked by {@code service.ranking}. The Equinox application
 * offers them beside the built-in commands; the plain class-path launch ({@link CliMain}) has none and hands a
 * command it does not know to the Equinox application.
 */
@Component(immediate = true)
public final class ContributedCommands {

    private static final Contributions<CliCommand> CONTRIBUTED = new Contributions<>();

    /** The contributed commands bound now, highest ranking first. */
    public static List<CliCommand> list() {
        return CONTRIBUTED.list();
    }

    @Reference(name = "commands", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void add(CliCommand command, Map<String, Object> properties) {
        CONTRIBUTED.add(command, properties);
    }

    public void remove(CliCommand command) {
        CONTRIBUTED.remove(command);
    }
}
