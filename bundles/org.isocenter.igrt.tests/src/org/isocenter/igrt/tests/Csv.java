/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.tests;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for checking exports (independent of the exporter's code). */
final class Csv {

    private Csv() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
                i++;
                continue;
            }
            if (ch == '"') {
                if (field.length() > 0) {
                    throw new IllegalArgumentException("quote inside an unquoted field at " + i);
                }
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (ch == '\n' || ch == '\r') {
                throw new IllegalArgumentException("bare line break outside quotes at " + i + " (RFC 4180 needs CRLF)");
            } else {
                field.append(ch);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        if (field.length() > 0 || !row.isEmpty()) {
            throw new IllegalArgumentException("last record not terminated by CRLF");
        }
        return rows;
    }
}
