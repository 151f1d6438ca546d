/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Headless commands of {@code ./isocenter}: a command implements {@link org.isocenter.cli.CliCommand}, prints
 * progress on standard error and returns one JSON object, printed as the last line of standard output; usage mistakes
 * are {@link org.isocenter.cli.CliUsageException} (exit code 2).
 */
package org.isocenter.cli;
