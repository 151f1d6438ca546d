/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.isocenter.igrt.Course;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.TableTopCorrection;

/**
 * A course's decisions as RFC 4180 CSV (comma separated, CRLF line ends, fields with comma, quote or line break
 * quoted, quotes doubled): couch corrections IEC 61217 table-top (mm, degrees), times UTC ISO-8601.
 */
final class CourseCsv {

    static final List<String> HEADER = List.of("courseId", "patientId", "patientName", "planUid", "fraction",
            "decisionId", "supersedesId", "current", "decision", "time", "user", "dailySeriesUid",
            "dailyFrameOfReferenceUid", "match", "unmatched", "patientPosition", "lateralMm", "longitudinalMm",
            "verticalMm", "pitchDeg", "rollDeg", "yawDeg", "status", "reason", "source", "registrationFile");

    private CourseCsv() {
    }

    static void write(Course course, List<FractionDecision> history, List<FractionDecision> current, Writer out)
            throws IOException {
        Set<Long> heads = current.stream().map(FractionDecision::id).collect(Collectors.toSet());
        line(out, HEADER);
        for (FractionDecision d : history) {
            TableTopCorrection c = d.correction();
            line(out, List.of(Long.toString(course.id()), course.patient().id(), course.patient().name(),
                    course.plan().sopInstanceUid(), Integer.toString(d.fraction()), Long.toString(d.id()),
                    d.supersedesId() == null ? "" : d.supersedesId().toString(), Boolean.toString(heads.contains(d.id())),
                    d.decision().name(), d.time().toString(), d.user(), d.dailySeriesUid(),
                    nz(d.dailyFrameOfReferenceUid()), d.match(), Boolean.toString(d.unmatched()), d.position().name(),
                    num(c.lateralMm()), num(c.longitudinalMm()), num(c.verticalMm()), num(c.pitchDeg()), num(c.rollDeg()),
                    num(c.yawDeg()), d.status(), d.reason(), d.source(), nz(d.registrationFile())));
        }
        out.flush();
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        out.write(fields.stream().map(CourseCsv::quote).collect(Collectors.joining(",")));
        out.write("\r\n");
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
