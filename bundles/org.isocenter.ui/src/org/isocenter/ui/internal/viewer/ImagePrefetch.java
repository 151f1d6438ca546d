/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.viewer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.SeriesRecord;

/**
 * One image series decoded in the background before it is asked for: the start-up series, while the workbench
 * window is still being built. {@link ViewerLoader} takes it on the series' first load, once; nothing else is read
 * or changed, and the volume joins the working session only then, as a series read there would. The volume keeps
 * its own frame (patient LPS mm) and stored values.
 */
public final class ImagePrefetch {

    private record Pending(SeriesRecord series, CompletableFuture<ImageVolume> image) {
    }

    private static final AtomicReference<Pending> PENDING = new AtomicReference<>();

    private ImagePrefetch() {
    }

    /** Starts decoding {@code series} on the common pool; replaces a prefetch not taken yet. */
    public static void start(SeriesRecord series) {
        PENDING.set(new Pending(series, CompletableFuture.supplyAsync(() -> {
            try {
                return decode(series, ProgressMonitor.NONE);
            } catch (DicomReadException e) {
                throw new CompletionException(e);
            }
        })));
    }

    /** Decodes the series' files now: what a prefetch does, and what a load does without one. */
    static ImageVolume decode(SeriesRecord series, ProgressMonitor monitor) throws DicomReadException {
        List<Path> files = series.instances().stream().map(InstanceRecord::file).toList();
        return new ImageSeriesReader().read(files, monitor);
    }

    /** Drops a prefetch not taken (the start-up series is not shown after all); its decoding ends unused. */
    public static void discard() {
        Pending p = PENDING.getAndSet(null);
        if (p != null) {
            p.image().cancel(false);
        }
    }

    /**
     * The prefetched volume when {@code series} is the series prefetched (waiting for its decoding to end); empty
     * when another series or none was prefetched, or when decoding failed (the caller then reads the series itself
     * and reports the problem). The prefetch is gone afterwards in every case.
     */
    public static Optional<ImageVolume> take(SeriesRecord series) {
        Pending p = PENDING.getAndSet(null);
        if (p == null || !p.series().equals(series)) {
            return Optional.empty();
        }
        try {
            return Optional.of(p.image().join());
        } catch (CompletionException | CancellationException e) {
            return Optional.empty();
        }
    }
}
