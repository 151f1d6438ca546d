/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.session.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.session.PatientSession;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.PatientRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.session.PlanContext;
import org.isocenter.session.SessionListener;
import org.isocenter.session.SessionListener.Change;
import org.isocenter.session.WorkingSession;

/**
 * The {@link WorkingSession} implementation, registered as a Declarative Services component
 * (OSGI-INF/org.isocenter.session.xml); every instance is the one session of the process. Not for direct use:
 * {@code WorkingSessions.current()}.
 */
public final class SessionComponent implements WorkingSession {

    /*
     * One session per process: the state is shared by the DS component and the instance WorkingSessions hands out
     * (which may be asked for before Declarative Services has started the component).
     */
    private static final List<DicomIndex> indexes = new CopyOnWriteArrayList<>();
    private static final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private static final PatientSession loaded = new PatientSession();
    private static volatile PlanContext context;
    private static final SessionComponent CURRENT = new SessionComponent();

    /** The process's session. */
    public static SessionComponent current() {
        return CURRENT;
    }

    @Override
    public List<DicomIndex> indexes() {
        return List.copyOf(indexes);
    }

    @Override
    public void addIndex(DicomIndex index) {
        indexes.removeIf(i -> i.root().equals(index.root()));
        indexes.add(index);
        fire(Change.IMPORTED);
    }

    @Override
    public void removeIndex(Path root) {
        if (indexes.removeIf(i -> i.root().equals(root))) {
            fire(Change.IMPORTED);
        }
    }

    @Override
    public List<SeriesRecord> patientSeries(String seriesInstanceUid) {
        // the patient of the record holding the series, then that patient's series in every imported folder
        PatientRecord holder = null;
        for (DicomIndex index : indexes) {
            for (PatientRecord p : index.patients()) {
                if (p.studies().stream().flatMap(st -> st.series().stream())
                        .anyMatch(s -> s.seriesInstanceUid().equals(seriesInstanceUid))) {
                    holder = p;
                }
            }
        }
        if (holder == null) {
            return List.of();
        }
        String patientId = holder.identity().patientId();
        Map<String, SeriesRecord> all = new LinkedHashMap<>();
        holder.studies().stream().flatMap(st -> st.series().stream())
                .forEach(s -> all.putIfAbsent(s.seriesInstanceUid(), s));
        if (patientId != null && !patientId.isBlank()) { // an empty Patient ID never joins records of other folders
            for (DicomIndex index : indexes) {
                for (PatientRecord p : index.patients()) {
                    if (patientId.equals(p.identity().patientId())) {
                        p.studies().stream().flatMap(st -> st.series().stream())
                                .forEach(s -> all.putIfAbsent(s.seriesInstanceUid(), s));
                    }
                }
            }
        }
        return List.copyOf(all.values());
    }

    @Override
    public PatientSession loaded() {
        return loaded;
    }

    @Override
    public Optional<PlanContext> planContext() {
        return Optional.ofNullable(context);
    }

    @Override
    public void setPlanContext(PlanContext c) {
        PatientIdentity patient = loaded.patient();
        if (c != null && (patient == null || !patient.isSamePatient(c.image().patient()))) {
            throw new IllegalArgumentException("the plan context's image (" + c.image().patient().displayLabel()
                    + ") is not of the loaded patient" + (patient == null ? " (none is loaded)" : " "
                            + patient.displayLabel()));
        }
        context = c;
        fire(Change.CONTEXT);
    }

    @Override
    public void close() {
        loaded.clear();
        context = null;
        fire(Change.CLOSED);
    }

    @Override
    public void clear() {
        indexes.clear();
        loaded.clear();
        context = null;
        fire(Change.IMPORTED);
        fire(Change.CLOSED);
    }

    @Override
    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    private void fire(Change change) {
        listeners.forEach(l -> l.sessionChanged(change));
    }
}
