/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.util.Locale;

/** What the final match of an IGRT {@link MatchProtocol} aligns: the bones, or a soft-tissue structure. */
public enum MatchOn {
    /** The bony match in a box around the target decides. */
    BONE("bone"),
    /** A translation-only match on a structure plus a margin, started from the bony match, decides. */
    SOFT_TISSUE("soft-tissue");

    private final String id;

    MatchOn(String id) {
        this.id = id;
    }

    /** "bone" or "soft-tissue": command line, preferences and records. */
    public String id() {
        return id;
    }

    /** Parses {@link #id()} (case and "_" / "-" ignored). */
    public static MatchOn parse(String s) {
        String n = s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (MatchOn m : values()) {
            if (m.id.equals(n) || m.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("match on 'bone' or 'soft-tissue', not '" + s + "'");
    }
}
