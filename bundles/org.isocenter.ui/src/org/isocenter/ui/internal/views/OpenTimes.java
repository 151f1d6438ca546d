/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.views;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.dicom.scan.SeriesRecord;

/**
 * Tells how long an image series took to appear: from the moment it was opened (a selection, a double-click, the
 * start-up's demo) until the Image Viewer has painted it, and since the Java VM started (wall-clock seconds). One line
 * per opened series on standard error and in the status line; the start-up and open benchmark reads the line.
 */
final class OpenTimes {

    private long openedNanos;

    /** The series is being opened now. */
    void opened() {
        openedNanos = System.nanoTime();
    }

    /**
     * The series is painted now (called on the UI thread in the axial view's paint that draws it); returns the
     * line, also written to standard error.
     */
    String shown(SeriesRecord series, VolumeGeometry g, double loadSeconds) {
        long now = System.currentTimeMillis();
        double sinceOpen = (System.nanoTime() - openedNanos) / 1e9;
        double sinceStart = (now - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        String line = String.format(Locale.ROOT,
                "shown %s %dx%dx%d in %.2f s after opening (loading %.2f s), %.2f s after the Java VM started, at epoch ms %d",
                series.modality(), g.sizeX(), g.sizeY(), g.sizeZ(), sinceOpen, loadSeconds, sinceStart, now);
        System.err.println("[isocenter] " + line + " (" + series.description() + ")");
        return line;
    }
}
