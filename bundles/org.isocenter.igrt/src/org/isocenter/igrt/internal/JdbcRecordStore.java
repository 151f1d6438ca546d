/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.isocenter.core.patient.PatientPosition;
import org.isocenter.igrt.AdaptiveRule;
import org.isocenter.igrt.Alert;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.ReferenceCorrection;
import org.isocenter.igrt.internal.rules.ImagingDoseLimit;
import org.isocenter.igrt.CourseView;
import org.isocenter.igrt.Decision;
import org.isocenter.igrt.DecisionRequest;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.ImportResult;
import org.isocenter.igrt.RecordConflictException;
import org.isocenter.igrt.RecordRefusedException;
import org.isocenter.igrt.RecordStore;
import org.isocenter.igrt.RecordStoreException;
import org.isocenter.igrt.SetupError;
import org.isocenter.igrt.TableTopCorrection;
import org.isocenter.margin.AxisValues;
import org.isocenter.margin.FractionLog;
import org.isocenter.margin.ShiftRecord;

/**
 * The JDBC record store: one connection (re-opened after a failure), every call one transaction that commits or
 * rolls back as a whole. Couch corrections IEC 61217 table-top (mm, degrees), set-up errors patient axes (mm).
 */
public final class JdbcRecordStore implements RecordStore {

    /** Work inside one transaction. */
    private interface Work<T> {
        T run(Connection c) throws SQLException, RecordStoreException;
    }

    private final DataSource dataSource;
    private final String description;
    private Connection connection;
    private boolean closed;
    private final List<AdaptiveRule> rules;

    /** A store on this data source; {@code rules} are evaluated on each fraction recorded or imported. */
    public JdbcRecordStore(DataSource dataSource, String description, List<AdaptiveRule> rules) {
        this.dataSource = dataSource;
        this.description = description;
        this.rules = List.copyOf(rules);
    }

    @Override
    public Course createCourse(Course draft) throws RecordStoreException {
        return transaction("create the course of plan " + draft.plan().sopInstanceUid(), c -> {
            Optional<Course> existing = CourseRows.byPlan(c, draft.plan().sopInstanceUid());
            if (existing.isPresent()) {
                throw new RecordRefusedException("plan " + draft.plan().sopInstanceUid() + " already has course "
                        + existing.get().id() + " (patient '" + existing.get().patient().id() + "')");
            }
            return CourseRows.insert(c, draft);
        });
    }

    @Override
    public Optional<Course> course(long courseId) throws RecordStoreException {
        return transaction("read course " + courseId, c -> CourseRows.byId(c, courseId));
    }

    @Override
    public List<Course> courses(String patientId) throws RecordStoreException {
        return transaction("read the courses of patient '" + patientId + "'", c -> CourseRows.byPatient(c, patientId));
    }

    @Override
    public List<Course> courses() throws RecordStoreException {
        return transaction("read the courses", CourseRows::all);
    }

    @Override
    public Optional<Course> courseForPlan(String planSopInstanceUid) throws RecordStoreException {
        return transaction("read the course of plan " + planSopInstanceUid, c -> CourseRows.byPlan(c, planSopInstanceUid));
    }

    @Override
    public FractionDecision record(DecisionRequest r) throws RecordStoreException {
        Course course = course(r.courseId()).orElseThrow(() -> new RecordRefusedException(
                "refused: there is no course " + r.courseId() + " in " + description + "; nothing was recorded"));
        try {
            return transaction("record the decision on fraction " + r.fraction() + " of patient '"
                    + course.patient().id() + "'", c -> Recorder.record(c, course, r, true, FractionDecision.RECORDED, null,
                            AlertEnvironment.forCourse(course, rules)));
        } catch (LostRace e) {
            throw new RecordConflictException(Recorder.conflictMessage(course, r.fraction(),
                    current(course.id(), r.fraction())), e.getCause());
        }
    }

    @Override
    public Optional<FractionDecision> current(long courseId, int fraction) throws RecordStoreException {
        return transaction("read fraction " + fraction + " of course " + courseId,
                c -> DecisionRows.head(c, courseId, fraction));
    }

    @Override
    public List<FractionDecision> current(long courseId) throws RecordStoreException {
        return transaction("read course " + courseId, c -> DecisionRows.heads(c, courseId));
    }

    @Override
    public List<FractionDecision> history(long courseId) throws RecordStoreException {
        return transaction("read course " + courseId, c -> DecisionRows.history(c, courseId));
    }

    @Override
    public CourseView view(long courseId) throws RecordStoreException {
        return transaction("read course " + courseId, c -> {
            Course course = existing(c, courseId);
            List<FractionDecision> heads = DecisionRows.heads(c, courseId);
            return new CourseView(course, heads, setupError(course.patient().id(), heads), AlertRows.current(c, courseId),
                    ReferenceRows.list(c, courseId), ImagingDoseLimit.cumulativeMGy(DecisionRows.history(c, courseId)));
        });
    }

    @Override
    public List<Alert> alerts(long courseId) throws RecordStoreException {
        return transaction("read the alerts of course " + courseId, c -> AlertRows.current(c, courseId));
    }

    @Override
    public ReferenceCorrection applyReferenceCorrection(ReferenceCorrection draft) throws RecordStoreException {
        return transaction("apply a reference correction to course " + draft.courseId(), c -> {
            Course course = existing(c, draft.courseId());
            int last = DecisionRows.heads(c, course.id()).stream().mapToInt(FractionDecision::fraction).max().orElse(0);
            if (draft.fromFraction() <= last) {
                throw new RecordRefusedException("refused: a reference correction applies to fractions not treated yet; "
                        + "fraction " + last + " of patient '" + course.patient().id() + "' is recorded, so it can start "
                        + "at fraction " + (last + 1) + " at the earliest, not " + draft.fromFraction());
            }
            if (draft.user() == null || draft.user().isBlank()) {
                throw new RecordRefusedException("refused: a reference correction needs the user who applies it");
            }
            return ReferenceRows.insert(c, draft);
        });
    }

    @Override
    public List<ReferenceCorrection> referenceCorrections(long courseId) throws RecordStoreException {
        return transaction("read the reference corrections of course " + courseId, c -> ReferenceRows.list(c, courseId));
    }

    @Override
    public SetupError setupError(long courseId) throws RecordStoreException {
        return view(courseId).setupError();
    }

    /** Statistics over the accepted, matched decisions (an unmatched accept has no measured set-up error). */
    private static SetupError setupError(String patientId, List<FractionDecision> heads) {
        List<AxisValues> errors = new ArrayList<>();
        for (FractionDecision d : heads) {
            if (d.decision() == Decision.ACCEPTED && !d.unmatched()) {
                errors.add(d.correction().setupErrorMm(d.position()));
            }
        }
        return SetupErrors.of(patientId, errors);
    }

    @Override
    public List<SetupError> population() throws RecordStoreException {
        Map<String, List<AxisValues>> byPatient = acceptedErrors();
        List<SetupError> out = new ArrayList<>(byPatient.size());
        byPatient.forEach((patient, errors) -> out.add(SetupErrors.of(patient, errors)));
        return out;
    }

    @Override
    public List<ShiftRecord> populationShifts() throws RecordStoreException {
        return populationShifts(null, null, null);
    }

    @Override
    public List<ShiftRecord> populationShifts(String site, Instant from, Instant to) throws RecordStoreException {
        List<ShiftRecord> out = new ArrayList<>();
        acceptedErrors(site, from, to).forEach((patient, errors) -> {
            for (int i = 0; i < errors.size(); i++) {
                out.add(new ShiftRecord(patient, i + 1, errors.get(i)));
            }
        });
        return out;
    }

    private Map<String, List<AxisValues>> acceptedErrors() throws RecordStoreException {
        return acceptedErrors(null, null, null);
    }

    /**
     * Every patient's current accepted, matched set-up errors in decision time order, by patient id; only courses of
     * {@code site} and decisions within [{@code from}, {@code to}) when given.
     */
    private Map<String, List<AxisValues>> acceptedErrors(String site, Instant from, Instant to)
            throws RecordStoreException {
        record Row(long id, OffsetDateTime time, AxisValues error) {
        }
        return transaction("read the population's accepted decisions", c -> {
            // sorted here rather than by the database: cheaper than an SQL sort on the text patient id
            Map<String, List<Row>> rows = new TreeMap<>();
            StringBuilder sql = new StringBuilder("SELECT c.patient_id, d.patient_position, d.lateral_mm, "
                    + "d.longitudinal_mm, d.vertical_mm, d.decided_at, d.id FROM igrt_fraction_head h "
                    + "JOIN igrt_decision d ON d.id = h.decision_id JOIN igrt_course c ON c.id = h.course_id "
                    + "WHERE d.decision = 'ACCEPTED' AND d.unmatched = FALSE");
            List<Object> args = new ArrayList<>();
            if (site != null) {
                sql.append(" AND c.site = ?");
                args.add(site);
            }
            if (from != null) {
                sql.append(" AND d.decided_at >= ?");
                args.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            }
            if (to != null) {
                sql.append(" AND d.decided_at < ?");
                args.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            }
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        TableTopCorrection k = new TableTopCorrection(rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                                0, 0, 0);
                        rows.computeIfAbsent(rs.getString(1), p -> new ArrayList<>()).add(new Row(rs.getLong(7),
                                rs.getObject(6, OffsetDateTime.class),
                                k.setupErrorMm(PatientPosition.valueOf(rs.getString(2)))));
                    }
                }
            }
            Map<String, List<AxisValues>> byPatient = new LinkedHashMap<>();
            rows.forEach((patient, list) -> byPatient.put(patient, list.stream()
                    .sorted(Comparator.comparing(Row::time).thenComparingLong(Row::id)).map(Row::error).toList()));
            return byPatient;
        });
    }

    @Override
    public ImportResult importLog(long courseId, Path log, ZoneId zone) throws RecordStoreException {
        List<FractionLog.Entry> entries;
        try {
            entries = FractionLog.read(log);
        } catch (IOException e) {
            throw new RecordStoreException("cannot import " + log + ": " + e.getMessage(), e);
        }
        return importEntries(courseId, entries, log, zone);
    }

    @Override
    public ImportResult importEntries(long courseId, List<FractionLog.Entry> entries, Path log, ZoneId zone)
            throws RecordStoreException {
        try {
            return transaction("import " + log, c -> {
                Course course = existing(c, courseId);
                return LogImport.run(c, course, entries, log, zone, AlertEnvironment.forCourse(course, rules));
            });
        } catch (LostRace e) {
            throw new RecordConflictException("not imported: another workstation recorded or imported decisions of course "
                    + courseId + " while " + log + " was imported; import it again to add what is missing", e.getCause());
        }
    }

    @Override
    public void exportCsv(long courseId, Writer out) throws RecordStoreException {
        record Export(Course course, List<FractionDecision> history, List<FractionDecision> heads) {
        }
        Export e = transaction("read course " + courseId, c -> new Export(existing(c, courseId),
                DecisionRows.history(c, courseId), DecisionRows.heads(c, courseId)));
        try {
            CourseCsv.write(e.course(), e.history(), e.heads(), out);
        } catch (IOException x) {
            throw new RecordStoreException("cannot write the CSV export of course " + courseId + ": " + x.getMessage(), x);
        }
    }

    @Override
    public String url() {
        return description;
    }

    @Override
    public synchronized void close() throws RecordStoreException {
        closed = true;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new RecordStoreException("cannot close the IGRT record database " + description + ": "
                        + e.getMessage(), e);
            } finally {
                connection = null;
            }
        }
    }

    private Course existing(Connection c, long courseId) throws SQLException, RecordRefusedException {
        return CourseRows.byId(c, courseId).orElseThrow(
                () -> new RecordRefusedException("there is no course " + courseId + " in " + description));
    }

    /** A transaction lost a race (duplicate key or a moved head); it was rolled back. */
    private static final class LostRace extends RecordStoreException {
        private static final long serialVersionUID = 1L;

        LostRace(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private synchronized <T> T transaction(String what, Work<T> work) throws RecordStoreException {
        if (closed) {
            throw new RecordStoreException("cannot " + what + ": the record store " + description + " is closed");
        }
        Connection c;
        try {
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
            }
            c = connection;
        } catch (SQLException e) {
            connection = null;
            throw new RecordStoreException("cannot " + what + ": cannot connect to the IGRT record database "
                    + description + ": " + e.getMessage(), e);
        }
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            rollback(c);
            if (isLostRace(e)) {
                throw new LostRace(e);
            }
            discard(c);
            throw new RecordStoreException("cannot " + what + " (nothing was changed): the IGRT record database "
                    + description + " failed: " + e.getMessage(), e);
        } catch (RecordStoreException | RuntimeException e) {
            rollback(c);
            throw e;
        }
    }

    /** Unique key violated (23505), serialization failure or moved head (40001), H2 concurrent update (90131). */
    private static boolean isLostRace(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || Recorder.CONFLICT_STATE.equals(state)
                || state != null && state.startsWith("90") && e.getErrorCode() == 90131;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the database discards the open transaction
        }
    }

    /** Drops a connection that failed, so the next call connects again. */
    private void discard(Connection c) {
        try {
            if (!c.isValid(2)) {
                c.close();
                connection = null;
            }
        } catch (SQLException e) {
            connection = null;
        }
    }
}
