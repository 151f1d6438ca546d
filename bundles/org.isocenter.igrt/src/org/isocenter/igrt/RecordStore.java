/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.isocenter.margin.ShiftRecord;

/**
 * The IGRT record store: treatment courses and their fraction decisions in an SQL database (embedded H2 or shared
 * PostgreSQL, see {@link RecordStores}). Decisions are append-only: a correction is a new decision that supersedes
 * the fraction's current one; each call is one transaction, and a call that throws recorded nothing. Couch
 * corrections are IEC 61217 table-top (mm, degrees), set-up errors patient axes (mm), times UTC instants.
 */
public interface RecordStore extends AutoCloseable {

    /** Stores a new course ({@code draft.id()} is ignored); refused if the plan already has a course. */
    Course createCourse(Course draft) throws RecordStoreException;

    Optional<Course> course(long courseId) throws RecordStoreException;

    /** Every course, by patient id, oldest first. */
    List<Course> courses() throws RecordStoreException;

    /** The course delivering this plan (RT Plan SOP Instance UID), if one was created. */
    Optional<Course> courseForPlan(String planSopInstanceUid) throws RecordStoreException;

    /** The patient's courses, oldest first. */
    List<Course> courses(String patientId) throws RecordStoreException;

    /**
     * Records one decision after the safety checks (the daily image's patient and the reference must be the
     * course's; an unmatched accept must be confirmed).
     *
     * @throws RecordRefusedException a safety check failed
     * @throws RecordConflictException another decision was recorded on the fraction since {@code supersedesId}
     * @throws RecordStoreException the database write failed (nothing recorded)
     */
    FractionDecision record(DecisionRequest request) throws RecordStoreException;

    /** The current decision of a fraction (the head of its supersede chain), if any. */
    Optional<FractionDecision> current(long courseId, int fraction) throws RecordStoreException;

    /** The current decision of every fraction, in fraction order. */
    List<FractionDecision> current(long courseId) throws RecordStoreException;

    /** Every decision ever recorded on the course (superseded ones too), by fraction then in recording order. */
    List<FractionDecision> history(long courseId) throws RecordStoreException;

    /** The course with its current decisions and set-up error. */
    CourseView view(long courseId) throws RecordStoreException;

    /** The alerts of the course's current decisions (raised by the adaptive rules when each was recorded). */
    List<Alert> alerts(long courseId) throws RecordStoreException;

    /**
     * Records an offline protocol's correction of the set-up reference, applied by a user from a fraction not yet
     * recorded on; refused for a fraction already treated.
     */
    ReferenceCorrection applyReferenceCorrection(ReferenceCorrection draft) throws RecordStoreException;

    /** The course's reference corrections, oldest first (the last one is in force). */
    List<ReferenceCorrection> referenceCorrections(long courseId) throws RecordStoreException;

    /** The set-up error of the course's patient over the course's current accepted decisions. */
    SetupError setupError(long courseId) throws RecordStoreException;

    /** The set-up error of every patient with accepted decisions (all courses), by patient id. */
    List<SetupError> population() throws RecordStoreException;

    /**
     * Every patient's current accepted set-up errors (patient axes, mm), numbered per patient in decision time
     * order, as population statistics take them.
     */
    List<ShiftRecord> populationShifts() throws RecordStoreException;

    /**
     * As {@link #populationShifts()}, only courses of treatment site {@code site} and decisions made in
     * [{@code from}, {@code to}) (UTC instants); a null bound is no bound.
     */
    List<ShiftRecord> populationShifts(String site, java.time.Instant from, java.time.Instant to)
            throws RecordStoreException;

    /**
     * Imports an {@code igrt-decisions.log} into the course in one transaction; entries imported before are
     * skipped, other patients' entries refused. The log's local times are read in {@code zone}.
     */
    ImportResult importLog(long courseId, Path log, ZoneId zone) throws RecordStoreException;

    /**
     * As {@link #importLog}, for entries a {@link org.isocenter.margin.FractionLogImporter} read from {@code source}
     * (another system's log, named in messages and kept as the import key's source).
     */
    ImportResult importEntries(long courseId, List<org.isocenter.margin.FractionLog.Entry> entries, Path source,
            ZoneId zone) throws RecordStoreException;

    /** Writes every decision of the course (superseded ones too, with a "current" column) as RFC 4180 CSV. */
    void exportCsv(long courseId, Writer out) throws RecordStoreException;

    /** The JDBC URL the store was opened from (without credentials given separately). */
    String url();

    @Override
    void close() throws RecordStoreException;
}
