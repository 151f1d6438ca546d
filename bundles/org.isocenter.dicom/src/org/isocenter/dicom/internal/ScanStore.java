/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.isocenter.core.io.AtomicFiles;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.dicom.internal.HeaderReader.Header;
import org.isocenter.dicom.internal.HeaderReader.NotDicom;
import org.isocenter.dicom.internal.HeaderReader.Problem;
import org.isocenter.dicom.internal.HeaderReader.Result;

/**
 * What a folder scan read from each file ({@link HeaderReader.Result}), kept on disk so that scanning the same
 * folder again reads only the files that changed. One file per scanned folder in the store's folder; an entry is
 * used only while its file has the same size and modification time (nanoseconds, as the file system gives them),
 * and a store made by another build of this bundle's header reader is ignored. A store that cannot be read (absent,
 * truncated, damaged: a CRC-32 covers it) is ignored as if empty; it is replaced atomically after a scan that read
 * any file. At most {@value #MAX_FOLDERS} folders are kept (the least recently scanned go first). No frame or unit.
 */
public final class ScanStore {

    /** Folders remembered at most; older stores are deleted after a scan. */
    public static final int MAX_FOLDERS = 200;
    private static final int MAGIC = 0x49534F53; // "ISOS"
    private static final int FORMAT = 1;

    /** A file's size and modification time when it was read, and what reading it gave. */
    record Entry(long size, long modifiedNanos, Result result) {
    }

    private final Path folder;
    private final Path root;
    private final Path file;
    private final Map<Path, Entry> remembered;
    private final Map<Path, Entry> seen = new HashMap<>();
    private boolean changed;

    private ScanStore(Path folder, Path root, Path file, Map<Path, Entry> remembered) {
        this.folder = folder;
        this.root = root;
        this.file = file;
        this.remembered = remembered;
    }

    /** The store of {@code root} (a scanned folder or file) in {@code folder}; empty when there is none yet. */
    public static ScanStore open(Path folder, Path root) {
        Path r = root.toAbsolutePath().normalize();
        Path f = folder.resolve(name(r));
        Map<Path, Entry> entries;
        try {
            entries = Files.isRegularFile(f) ? read(Files.readAllBytes(f), r) : Map.of();
        } catch (IOException | RuntimeException e) {
            entries = Map.of(); // damaged, another build's, or unreadable: scanned again
        }
        return new ScanStore(folder, r, f, entries);
    }

    /**
     * What reading {@code path} gave, from the store when the file is unchanged since, else read now (and
     * remembered for the next scan). Thread-safe for distinct paths.
     */
    public Result read(Path path) {
        Path p = path.toAbsolutePath().normalize();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            return HeaderReader.read(path);
        }
        long size = a.size(), modified = nanos(a.lastModifiedTime());
        Entry e = remembered.get(p);
        Result result;
        if (e != null && e.size() == size && e.modifiedNanos() == modified) {
            result = e.result() instanceof Header h ? withFile(h, path) : e.result();
        } else {
            result = HeaderReader.read(path);
            synchronized (this) {
                changed = true;
            }
        }
        synchronized (this) {
            seen.put(p, new Entry(size, modified, result));
        }
        return result;
    }

    /**
     * Saves what this scan saw (only when a file was read or one went away), then deletes the stores of the
     * folders scanned least recently beyond {@link #MAX_FOLDERS}. A store that cannot be written is left out: the
     * next scan reads the files again.
     */
    public synchronized void save() {
        if (!changed && seen.size() == remembered.size()) {
            try { // scanned again, nothing changed: it counts as recently scanned
                Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            } catch (IOException e) {
                // pruned a little earlier, then
            }
            return;
        }
        try {
            byte[] bytes = write(seen);
            AtomicFiles.replace(file, t -> Files.write(t, bytes), t -> {
                if (!Arrays.equals(Files.readAllBytes(t), bytes)) {
                    throw new IOException("the scan store read back differs from what was written");
                }
            });
            prune();
        } catch (IOException | RuntimeException e) {
            // a cache: the files are read again next time
        }
    }

    private void prune() throws IOException {
        try (Stream<Path> stores = Files.list(folder)) {
            List<Path> all = stores.filter(p -> p.getFileName().toString().endsWith(".scan")).sorted(Comparator
                    .comparing((Path p) -> p.toFile().lastModified()).reversed()).toList();
            for (Path old : all.subList(Math.min(all.size(), MAX_FOLDERS), all.size())) {
                Files.deleteIfExists(old);
            }
        }
    }

    /** The store's file name: a hash of the scanned folder's absolute path. */
    private static String name(Path root) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(root.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16) + ".scan";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }

    /**
     * The build of the header reader the store was made with: where its class came from and when that was made.
     * A store made by another build is ignored (the reader's checks may have changed).
     */
    static String readerBuild() {
        URL u = HeaderReader.class.getResource("HeaderReader.class");
        long made = 0;
        try {
            made = u == null ? 0 : u.openConnection().getLastModified();
        } catch (IOException e) {
            made = -1;
        }
        var source = HeaderReader.class.getProtectionDomain().getCodeSource();
        return FORMAT + "|" + (source == null ? "" : source.getLocation()) + "|" + made;
    }

    private byte[] write(Map<Path, Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024 + entries.size() * 512);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeUTF(readerBuild());
            out.writeUTF(root.toString());
            out.writeInt(entries.size());
            for (var e : entries.entrySet()) {
                out.writeUTF(e.getKey().toString());
                out.writeLong(e.getValue().size());
                out.writeLong(e.getValue().modifiedNanos());
                writeResult(out, e.getValue().result());
            }
        }
        byte[] body = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] all = Arrays.copyOf(body, body.length + 8);
        for (int i = 0; i < 8; i++) {
            all[body.length + i] = (byte) (crc.getValue() >>> (56 - 8 * i));
        }
        return all;
    }

    private static Map<Path, Entry> read(byte[] all, Path root) throws IOException {
        if (all.length < 8) {
            throw new IOException("truncated");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = 0;
        for (int i = 0; i < 8; i++) {
            stored = (stored << 8) | (all[all.length - 8 + i] & 0xff);
        }
        if (stored != crc.getValue()) {
            throw new IOException("damaged");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new ByteArrayInputStream(all, 0,
                all.length - 8)))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(readerBuild()) || !in.readUTF().equals(root.toString())) {
                throw new IOException("another build's or another folder's store");
            }
            int n = in.readInt();
            Map<Path, Entry> entries = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                Path p = Path.of(in.readUTF());
                long size = in.readLong(), modified = in.readLong();
                entries.put(p, new Entry(size, modified, readResult(in, p)));
            }
            return entries;
        }
    }

    private static void writeResult(DataOutputStream out, Result r) throws IOException {
        switch (r) {
            case NotDicom n -> out.writeByte(0);
            case Problem p -> {
                out.writeByte(1);
                text(out, p.message());
            }
            case Header h -> {
                out.writeByte(2);
                PatientIdentity id = h.patient();
                for (String s : new String[] { id.patientId(), id.patientName(), id.birthDate(), id.sex(),
                        h.studyInstanceUid(), h.studyDate(), h.studyDescription(), h.seriesInstanceUid() }) {
                    text(out, s);
                }
                out.writeInt(h.seriesNumber());
                for (String s : new String[] { h.seriesDescription(), h.modality(), h.frameOfReferenceUid(),
                        h.sopClassUid(), h.sopInstanceUid() }) {
                    text(out, s);
                }
                out.writeInt(h.instanceNumber());
                double[] position = h.imagePositionMm();
                out.writeInt(position == null ? -1 : position.length);
                for (int i = 0; position != null && i < position.length; i++) {
                    out.writeDouble(position[i]);
                }
                for (List<String> l : List.of(h.referencedSeriesUids(), h.referencedFrameUids(), h.roiNames(),
                        h.referencedInstanceUids())) {
                    list(out, l);
                }
                text(out, h.summary());
                text(out, h.defect());
                list(out, h.warnings());
                text(out, h.imageGeometry());
            }
        }
    }

    private static Result readResult(DataInputStream in, Path file) throws IOException {
        int kind = in.readByte();
        return switch (kind) {
            case 0 -> new NotDicom();
            case 1 -> new Problem(text(in));
            case 2 -> {
                PatientIdentity id = new PatientIdentity(text(in), text(in), text(in), text(in));
                String study = text(in), date = text(in), studyDescription = text(in), series = text(in);
                int seriesNumber = in.readInt();
                String seriesDescription = text(in), modality = text(in), frame = text(in), sopClass = text(in),
                        sop = text(in);
                int instance = in.readInt();
                int n = in.readInt();
                double[] position = n < 0 ? null : new double[n];
                for (int i = 0; i < n; i++) {
                    position[i] = in.readDouble();
                }
                List<String> refSeries = list(in), refFrames = list(in), rois = list(in), refInstances = list(in);
                String summary = text(in), defect = text(in);
                List<String> warnings = list(in);
                String geometry = text(in);
                yield new Header(file, id, study, date, studyDescription, series, seriesNumber, seriesDescription,
                        modality, frame, sopClass, sop, instance, position, refSeries, refFrames, rois, refInstances,
                        summary, defect, warnings, geometry);
            }
            default -> throw new IOException("unknown entry kind " + kind);
        };
    }

    /** The header as read from the same file reached by another spelling of its path (the scan's own). */
    private static Header withFile(Header h, Path file) {
        return h.file().equals(file) ? h
                : new Header(file, h.patient(), h.studyInstanceUid(), h.studyDate(), h.studyDescription(),
                        h.seriesInstanceUid(), h.seriesNumber(), h.seriesDescription(), h.modality(),
                        h.frameOfReferenceUid(), h.sopClassUid(), h.sopInstanceUid(), h.instanceNumber(),
                        h.imagePositionMm(), h.referencedSeriesUids(), h.referencedFrameUids(), h.roiNames(),
                        h.referencedInstanceUids(), h.summary(), h.defect(), h.warnings(), h.imageGeometry());
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int n = in.readInt();
        if (n < 0 || n > 1 << 24) {
            throw new IOException("implausible text length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static void list(DataOutputStream out, List<String> l) throws IOException {
        out.writeInt(l == null ? -1 : l.size());
        for (int i = 0; l != null && i < l.size(); i++) {
            text(out, l.get(i));
        }
    }

    private static List<String> list(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        if (n > 1 << 20) {
            throw new IOException("implausible list length " + n);
        }
        List<String> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(text(in));
        }
        return java.util.Collections.unmodifiableList(l);
    }
}
