/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.RtDoseReader;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.session.PlanObjects;
import org.isocenter.session.PlanResolver;

/**
 * One image series decoded in the background before it is asked for (the start-up series, while the workbench
 * window is still being built), with the RT Structure Set, plan and dose its load is expected to choose.
 * {@link ViewerLoader} takes it on the series' first load, once; nothing else is read or changed, and the objects join
 * the working session only then, as objects read there would. What was read is handed out only while its files have
 * the size and modification time they had when the read began. The volume keeps its own frame (patient LPS mm) and
 * stored values; the RT objects are what their readers return.
 */
public final class ImagePrefetch {

    /** Reads one DICOM file into an object (a reader's {@code read}). */
    @FunctionalInterface
    public interface FileReader<T> {
        T read(Path file) throws DicomReadException;
    }

    /**
     * What a prefetch read for one series: its volume (empty when decoding failed) and RT objects by file. Each object
     * is handed out once; a file it did not read, or could not, is read by the caller's reader.
     */
    public static final class Prefetched {

        /** Nothing prefetched: every read goes to the reader. */
        public static final Prefetched NONE = new Prefetched(new Read<>(CompletableFuture.failedFuture(
                new CancellationException()), Stamp.of(List.of())), Map.of());

        private final Read<ImageVolume> image;
        private final Map<Path, Read<Object>> objects;

        private Prefetched(Read<ImageVolume> image, Map<Path, Read<Object>> objects) {
            this.image = image;
            this.objects = new ConcurrentHashMap<>(objects);
        }

        /**
         * The decoded volume (waiting for its decoding to end); empty when decoding failed or was cancelled, or when
         * one of the series' files changed since it was read.
         */
        public Optional<ImageVolume> image() {
            return done(image).map(ImageVolume.class::cast);
        }

        /**
         * The object prefetched from {@code file} when there is one of that type (waiting for its read to end) and the
         * file is unchanged since, else {@code reader}'s read of the file now: a read that failed in the background is
         * done again, so that the caller reports its own error.
         */
        public <T> T object(Path file, Class<T> type, FileReader<T> reader) throws DicomReadException {
            Read<Object> r = objects.remove(key(file));
            Optional<Object> read = r == null ? Optional.empty() : done(r);
            return read.isPresent() && type.isInstance(read.get()) ? type.cast(read.get()) : reader.read(file);
        }

        private void cancel() {
            image.result().cancel(false);
            objects.values().forEach(r -> r.result().cancel(false));
        }

        private static Optional<Object> done(Read<?> r) {
            try {
                Object result = r.result().join();
                return r.stamp().unchanged() ? Optional.of(result) : Optional.empty();
            } catch (CompletionException | CancellationException e) {
                return Optional.empty();
            }
        }
    }

    private record Pending(SeriesRecord series, Prefetched read) {
    }

    /**
     * The size and modification time of files, taken before they are read: what was read from them is handed out
     * only while every one is unchanged (a file written again in between is read again by the caller).
     */
    private record Stamp(List<Path> files, List<String> states) {

        static Stamp of(List<Path> files) {
            return new Stamp(List.copyOf(files), files.stream().map(Stamp::state).toList());
        }

        boolean unchanged() {
            return files.stream().map(Stamp::state).toList().equals(states);
        }

        private static String state(Path file) {
            try {
                var a = Files.readAttributes(file, BasicFileAttributes.class);
                return a.size() + "/" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            } catch (IOException e) {
                return "unreadable";
            }
        }
    }

    /** A background read and the stamp of its files. */
    private record Read<T>(CompletableFuture<T> result, Stamp stamp) {
    }

    private static final AtomicReference<Pending> PENDING = new AtomicReference<>();

    private ImagePrefetch() {
    }

    /** Starts decoding {@code series} alone on the common pool; replaces a prefetch not taken yet. */
    public static void start(SeriesRecord series) {
        start(series, List.of());
    }

    /**
     * Starts decoding {@code series} on the common pool, then reading the RT Structure Set, plan and dose that
     * {@link PlanResolver} chooses for it among {@code patientSeries} (as {@link ViewerLoader} will, by the series'
     * Frame of Reference from the index; the first of several that nothing tells apart); replaces a prefetch not
     * taken yet.
     */
    public static void start(SeriesRecord series, List<SeriesRecord> patientSeries) {
        Stamp files = Stamp.of(series.instances().stream().map(InstanceRecord::file).toList());
        Read<ImageVolume> image = new Read<>(CompletableFuture.supplyAsync(() -> {
            try {
                return decode(series, ProgressMonitor.NONE);
            } catch (DicomReadException e) {
                throw new CompletionException(e);
            }
        }), files);
        Map<Path, Read<Object>> objects = new LinkedHashMap<>();
        if (!patientSeries.isEmpty() && series.frameOfReferenceUid() != null) {
            PlanObjects found = PlanResolver.resolve(patientSeries, series.seriesInstanceUid(),
                    series.frameOfReferenceUid(), null);
            readLater(found.structureSet(), new StructureSetReader()::read, objects);
            readLater(found.plan(), new RtPlanReader()::read, objects);
            readLater(found.dose(), new RtDoseReader()::read, objects);
        }
        Pending old = PENDING.getAndSet(new Pending(series, new Prefetched(image, objects)));
        if (old != null) {
            old.read().cancel();
        }
    }

    private static void readLater(PlanObjects.Choice choice, FileReader<?> reader, Map<Path, Read<Object>> objects) {
        Optional<PlanObjects.Found> file = choice.ambiguous() ? Optional.of(choice.candidates().get(0))
                : choice.chosen();
        file.map(f -> f.instance().file()).ifPresent(path -> {
            Stamp stamp = Stamp.of(List.of(path));
            objects.put(key(path), new Read<>(CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.read(path);
                } catch (DicomReadException e) {
                    throw new CompletionException(e);
                }
            }), stamp));
        });
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** Decodes the series' files now: what a prefetch does, and what a load does without one. */
    static ImageVolume decode(SeriesRecord series, ProgressMonitor monitor) throws DicomReadException {
        List<Path> files = series.instances().stream().map(InstanceRecord::file).toList();
        return new ImageSeriesReader().read(files, monitor);
    }

    /** Drops a prefetch not taken (the start-up series is not shown after all); its reads end unused. */
    public static void discard() {
        Pending p = PENDING.getAndSet(null);
        if (p != null) {
            p.read().cancel();
        }
    }

    /**
     * What was prefetched when {@code series} is the series prefetched; empty when another series or none was
     * prefetched (the caller then reads everything itself). The prefetch is gone afterwards in every case.
     */
    public static Optional<Prefetched> take(SeriesRecord series) {
        Pending p = PENDING.getAndSet(null);
        if (p == null || !p.series().equals(series)) {
            if (p != null) {
                p.read().cancel();
            }
            return Optional.empty();
        }
        return Optional.of(p.read());
    }
}
