/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.io.PrintStream;

import org.isocenter.core.progress.ProgressMonitor;

/** Prints progress as lines on stderr ("[task] 40% step"), at most one line per 10 %, never on stdout. */
final class StderrProgress implements ProgressMonitor {

    private final PrintStream err;
    private String task = "";
    private int total;
    private int done;
    private int lastDecile = -1;

    StderrProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void begin(String taskName, int totalWork) {
        task = taskName;
        total = totalWork;
        done = 0;
        lastDecile = -1;
        err.println("[" + task + "]");
    }

    @Override
    public void worked(int work) {
        done += work;
        if (total > 0) {
            int decile = Math.min(10, done * 10 / total);
            if (decile != lastDecile) {
                lastDecile = decile;
                err.println("[" + task + "] " + decile * 10 + "%");
            }
        }
    }

    @Override
    public void subTask(String name) {
        err.println("[" + task + "] " + name);
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
