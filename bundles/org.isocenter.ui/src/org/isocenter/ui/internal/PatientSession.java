package org.isocenter.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.SeriesRecord;

/**
 * What the workbench has imported in this session: the indexes of scanned folders. Views listen for changes;
 * listeners are called on the thread that changed the session (views hop to the UI thread themselves).
 */
public final class PatientSession {

    private static final PatientSession INSTANCE = new PatientSession();

    private final List<DicomIndex> indexes = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public static PatientSession get() {
        return INSTANCE;
    }

    /** Adds a scanned folder; a folder scanned again replaces its earlier index. */
    public void add(DicomIndex index) {
        indexes.removeIf(i -> i.root().equals(index.root()));
        indexes.add(index);
        listeners.forEach(Runnable::run);
    }

    public List<DicomIndex> indexes() {
        return List.copyOf(indexes);
    }

    /** RT Structure Sets that reference the given image series. */
    public List<SeriesRecord> structureSetsFor(SeriesRecord imageSeries) {
        List<SeriesRecord> result = new ArrayList<>();
        for (DicomIndex index : indexes) {
            for (SeriesRecord s : index.allSeries()) {
                if (s.modality().equals("RTSTRUCT") && s.referencedSeriesUids().contains(imageSeries.seriesInstanceUid())) {
                    result.add(s);
                }
            }
        }
        return result;
    }

    /** The imported image series an RT Structure Set references (its contoured series), if imported. */
    public Optional<SeriesRecord> imageSeriesFor(SeriesRecord structureSet) {
        for (DicomIndex index : indexes) {
            for (SeriesRecord s : index.allSeries()) {
                if (s.isImageSeries() && structureSet.referencedSeriesUids().contains(s.seriesInstanceUid())) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /** Forgets a scanned folder (the index of {@code root}); nothing happens when it was not imported. */
    public void remove(java.nio.file.Path root) {
        if (indexes.removeIf(i -> i.root().equals(root))) {
            listeners.forEach(Runnable::run);
        }
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Forgets everything (tests). */
    public void clear() {
        indexes.clear();
        listeners.forEach(Runnable::run);
    }
}
