/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.session.PatientSession;
import org.isocenter.session.SessionListener;
import org.isocenter.session.WorkingSessions;

/**
 * The workbench's access to the loaded patient of the working session service: the one patient whose images,
 * structures, plans and doses are loaded into viewers (the Patient Browser may list many patients; only one is
 * loaded at a time). Objects of another patient are refused until File ▸ Close Patient. Close listeners run on the
 * thread that closed the patient.
 */
public final class LoadedPatient {

    private static final Map<Runnable, SessionListener> LISTENERS = new ConcurrentHashMap<>();

    private LoadedPatient() {
    }

    public static PatientSession session() {
        return WorkingSessions.current().loaded();
    }

    /** The already loaded volume of this series, if any (no second decode, no second copy in memory). */
    public static Optional<ImageVolume> image(String seriesInstanceUid) {
        return session().images().stream().filter(v -> v.info().seriesInstanceUid().equals(seriesInstanceUid)).findFirst();
    }

    /** Unloads the patient (viewers clear themselves through their listeners). */
    public static void close() {
        WorkingSessions.current().close();
    }

    /** Runs {@code listener} whenever the patient is closed. */
    public static void addListener(Runnable listener) {
        SessionListener l = change -> {
            if (change == SessionListener.Change.CLOSED) {
                listener.run();
            }
        };
        LISTENERS.put(listener, l);
        WorkingSessions.current().addListener(l);
    }

    public static void removeListener(Runnable listener) {
        SessionListener l = LISTENERS.remove(listener);
        if (l != null) {
            WorkingSessions.current().removeListener(l);
        }
    }
}
