/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Progress and cancellation of long work: {@link org.isocenter.core.progress.ProgressMonitor}, reported as Eclipse
 * Jobs in the workbench and on standard error on the command line.
 */
package org.isocenter.core.progress;
