/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.progress;

/**
 * How long-running headless work (import, generation, registration) reports progress and learns that it
 * was cancelled, without depending on Eclipse: the workbench adapts its job monitor to this, the CLI prints
 * to stderr.
 */
public interface ProgressMonitor {

    /** A monitor that reports nothing and is never cancelled. */
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void begin(String task, int totalWork) {
        }

        @Override
        public void worked(int work) {
        }

        @Override
        public void subTask(String name) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Starts a task of {@code totalWork} units (or -1 when unknown). */
    void begin(String task, int totalWork);

    /** Reports {@code work} more units done. */
    void worked(int work);

    /** Names the current step. */
    void subTask(String name);

    /** Whether the user asked to stop; the work should then throw {@link CancelledException}. */
    boolean isCancelled();

    /** Throws {@link CancelledException} when cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
