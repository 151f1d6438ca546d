/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isocenter.cli.CliUsageException;
import org.isocenter.igrt.Decision;
import org.isocenter.igrt.RecordStores;

/**
 * {@code --record [--db JDBC_URL] [--user NAME] [--fraction N] [--decision accepted|rejected|reimage] [--reason TEXT]
 * [--site SITE] [--imaging-protocol ID]} of {@code register}: whether and how the fraction's decision goes into the
 * IGRT record store; the site (its protocol's alert thresholds) is set when the course is created, the imaging
 * protocol's dose (mGy) is recorded with the fraction.
 */
record RecordOptions(boolean record, String db, String user, Integer fraction, Decision decision, String reason,
        String site, String imagingProtocol) {

    static final List<String> USAGE = List.of("--record", "--db JDBC_URL", "--user NAME", "--fraction N",
            "--decision accepted|rejected|reimage", "--reason TEXT", "--site SITE", "--imaging-protocol ID");

    /** Takes the recording options out of {@code args} (the rest stays for the command). */
    static RecordOptions extract(List<String> args) throws CliUsageException {
        List<String> rest = new ArrayList<>();
        boolean record = false;
        String db = null, user = null, reason = "", site = null, imaging = null;
        Integer fraction = null;
        Decision decision = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--record")) {
                record = true;
                continue;
            }
            if (!List.of("--db", "--user", "--fraction", "--decision", "--reason", "--site", "--imaging-protocol")
                    .contains(a)) {
                rest.add(a);
                continue;
            }
            if (i + 1 == args.size()) {
                throw new CliUsageException(a + " needs a value");
            }
            String v = args.get(++i);
            switch (a) {
                case "--db" -> db = v;
                case "--user" -> user = v;
                case "--reason" -> reason = v;
                case "--site" -> site = v;
                case "--imaging-protocol" -> imaging = v;
                case "--fraction" -> {
                    try {
                        fraction = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new CliUsageException("--fraction '" + v + "' is not a whole number");
                    }
                    if (fraction < 1) {
                        throw new CliUsageException("--fraction starts at 1, not " + v);
                    }
                }
                default -> {
                    try {
                        decision = Decision.valueOf(v.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new CliUsageException("--decision is accepted, rejected or reimage, not '" + v + "'");
                    }
                }
            }
        }
        if (!record && (db != null || user != null || fraction != null || decision != null || !reason.isEmpty()
                || site != null || imaging != null)) {
            throw new CliUsageException("--db, --user, --fraction, --decision, --reason, --site and --imaging-protocol "
                    + "go with --record");
        }
        args.clear();
        args.addAll(rest);
        return new RecordOptions(record, db == null ? RecordStores.defaultUrl() : db,
                user == null || user.isBlank() ? System.getProperty("user.name", "unknown") : user, fraction, decision, reason,
                site, imaging);
    }
}
