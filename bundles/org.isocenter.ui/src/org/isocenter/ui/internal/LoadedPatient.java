package org.isocenter.ui.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.session.PatientSession;

/**
 * The workbench's working session: the one patient whose images, structures, plans and doses are loaded into
 * viewers (the Patient Browser may list many patients; only one is loaded at a time). Objects of another
 * patient are refused until File ▸ Close Patient. Listeners run on the thread that changed the session.
 */
public final class LoadedPatient {

    private static final PatientSession SESSION = new PatientSession();
    private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();

    private LoadedPatient() {
    }

    public static PatientSession session() {
        return SESSION;
    }

    /** The already loaded volume of this series, if any (no second decode, no second copy in memory). */
    public static Optional<ImageVolume> image(String seriesInstanceUid) {
        return SESSION.images().stream().filter(v -> v.info().seriesInstanceUid().equals(seriesInstanceUid)).findFirst();
    }

    /** Unloads the patient (viewers clear themselves through their listeners). */
    public static void close() {
        SESSION.clear();
        LISTENERS.forEach(Runnable::run);
    }

    public static void addListener(Runnable listener) {
        LISTENERS.add(listener);
    }

    public static void removeListener(Runnable listener) {
        LISTENERS.remove(listener);
    }
}
