/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.isocenter.core.session.PatientSession;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.SeriesRecord;

/**
 * The workstation's working session, an OSGi service (get it with {@link WorkingSessions#current()}): the imported
 * folders' indexes, the one loaded patient ({@link PatientSession}: images, structure sets, plans, doses and
 * registrations; another patient's objects are refused until {@link #close()}), and the plan context the views show.
 * Views take what they show from here, never from another view; listeners hear every change.
 */
public interface WorkingSession {

    /** The indexes of the imported folders. */
    List<DicomIndex> indexes();

    /** Adds a scanned folder; a folder scanned again replaces its earlier index. */
    void addIndex(DicomIndex index);

    /** Forgets the index of {@code root}; nothing happens when it was not imported. */
    void removeIndex(Path root);

    /**
     * All series of the patient (by Patient ID) whose record holds the series, from every imported folder, each once
     * (empty when the series is not imported).
     */
    List<SeriesRecord> patientSeries(String seriesInstanceUid);

    /** The objects loaded for the one patient. */
    PatientSession loaded();

    /** The plan context shown (empty before a planning image is loaded and after {@link #close()}). */
    Optional<PlanContext> planContext();

    /** Shows a plan context; its image must be loaded (same patient). */
    void setPlanContext(PlanContext context);

    /** Unloads the patient and the plan context (imported indexes stay). */
    void close();

    /** Forgets everything, the imports too. */
    void clear();

    void addListener(SessionListener listener);

    void removeListener(SessionListener listener);
}
