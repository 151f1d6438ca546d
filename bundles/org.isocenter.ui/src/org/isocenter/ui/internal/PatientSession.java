/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.session.PlanResolver;
import org.isocenter.session.SessionListener;
import org.isocenter.session.WorkingSession;
import org.isocenter.session.WorkingSessions;

/**
 * The workbench's view of what is imported: the indexes of scanned folders, kept by the working session service
 * ({@link WorkingSession}). Listeners hear imports and are called on the thread that changed the session (views hop
 * to the UI thread themselves).
 */
public final class PatientSession {

    private static final PatientSession INSTANCE = new PatientSession();

    private final Map<Runnable, SessionListener> listeners = new ConcurrentHashMap<>();

    public static PatientSession get() {
        return INSTANCE;
    }

    private static WorkingSession session() {
        return WorkingSessions.current();
    }

    /** Adds a scanned folder; a folder scanned again replaces its earlier index. */
    public void add(DicomIndex index) {
        session().addIndex(index);
    }

    public List<DicomIndex> indexes() {
        return session().indexes();
    }

    /** RT Structure Sets that reference the given image series. */
    public List<SeriesRecord> structureSetsFor(SeriesRecord imageSeries) {
        List<SeriesRecord> result = new ArrayList<>();
        for (DicomIndex index : indexes()) {
            for (SeriesRecord s : index.allSeries()) {
                if (s.modality().equals("RTSTRUCT") && s.referencedSeriesUids().contains(imageSeries.seriesInstanceUid())) {
                    result.add(s);
                }
            }
        }
        return result;
    }

    /**
     * The imported image series of an RT Structure Set: the series it references, else the one image series in its
     * Frame of Reference ({@link PlanResolver#planningImages}); empty when none or several.
     */
    public Optional<SeriesRecord> imageSeriesFor(SeriesRecord structureSet) {
        List<SeriesRecord> all = indexes().stream().flatMap(i -> i.allSeries().stream()).toList();
        List<SeriesRecord> images = PlanResolver.planningImages(all, structureSet.frameOfReferenceUid(),
                structureSet.referencedSeriesUids());
        return images.size() == 1 ? Optional.of(images.get(0)) : Optional.empty();
    }

    /** Forgets a scanned folder (the index of {@code root}); nothing happens when it was not imported. */
    public void remove(java.nio.file.Path root) {
        session().removeIndex(root);
    }

    public void addListener(Runnable listener) {
        SessionListener l = change -> {
            if (change == SessionListener.Change.IMPORTED) {
                listener.run();
            }
        };
        listeners.put(listener, l);
        session().addListener(l);
    }

    public void removeListener(Runnable listener) {
        SessionListener l = listeners.remove(listener);
        if (l != null) {
            session().removeListener(l);
        }
    }

    /** Forgets every imported folder (the loaded patient stays loaded). */
    public void clear() {
        indexes().forEach(i -> session().removeIndex(i.root()));
    }
}
