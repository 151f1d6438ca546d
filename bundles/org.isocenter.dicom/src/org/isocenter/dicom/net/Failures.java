/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

import java.util.Locale;

/**
 * Turns the exceptions PixelMed throws into sentences for the user. PixelMed reports most network problems
 * as a DicomNetworkException whose message embeds the original exception's class and text (e.g.
 * "A-P-ABORT indication - (host:port) - java.net.ConnectException: Connection refused"), so the text is
 * inspected rather than the cause chain.
 */
final class Failures {

    private static final String REJECT_PREFIX = "A-ASSOCIATE-RJ indication - ";

    private Failures() {
    }

    /** A sentence naming {@code remote} and what went wrong while talking to it. */
    static String describe(Throwable e, DicomNode remote) {
        String text = fullText(e);
        String lower = text.toLowerCase(Locale.ROOT);
        int reject = text.indexOf(REJECT_PREFIX);
        if (reject >= 0) {
            return "association rejected by " + remote + ": " + rejectReason(text.substring(reject + REJECT_PREFIX.length()));
        }
        if (lower.contains("connectexception") || lower.contains("connection refused")) {
            return "connection refused by " + remote + " (nothing listening on that port?)";
        }
        if (lower.contains("unknownhostexception")) {
            return "unknown host '" + remote.host() + "' for " + remote;
        }
        if (lower.contains("noroutetohostexception") || lower.contains("no route to host")) {
            return "no route to host " + remote.host() + " for " + remote;
        }
        if (lower.contains("a-abort")) {
            return "association aborted by " + remote;
        }
        if (lower.contains("c-echo reports failure status")) {
            int i = lower.indexOf("status");
            return remote + " answered the C-ECHO with failure " + text.substring(i).strip();
        }
        if (lower.contains("no presentation context") || lower.contains("no suitable presentation context")) {
            return remote + " accepted no presentation context for the request (" + text.strip() + ")";
        }
        if (lower.contains("connection reset") || lower.contains("broken pipe") || lower.contains("socket closed")
                || lower.contains("eofexception") || lower.contains("end of stream")
                || lower.contains("connection closed")) {
            return "connection to " + remote + " was closed unexpectedly";
        }
        return "DICOM communication with " + remote + " failed: " + text.strip();
    }

    /** "rejected-permanent by DICOM UL Service User, called AE Title not recognized" → reason first. */
    private static String rejectReason(String detail) {
        String d = detail.strip();
        int comma = d.indexOf(", ");
        if (comma < 0) {
            return d;
        }
        String who = d.substring(0, comma).strip();
        String reason = d.substring(comma + 2).strip();
        return reason + " (" + who + ")";
    }

    /** The messages of the exception and its causes, or the class names where there is no message. */
    static String fullText(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
            if (b.length() > 0) {
                b.append(" / ");
            }
            String m = t.getMessage();
            b.append(m == null || m.isBlank() ? t.getClass().getName() : m.strip());
        }
        return b.toString();
    }

    /** A short explanation of a C-STORE response status (PS3.4 B.2.3, PS3.7 C). */
    static String storeStatusText(int status) {
        return switch (status) {
            case 0x0000 -> "success";
            case 0xB000 -> "coercion of data elements";
            case 0xB006 -> "elements discarded";
            case 0xB007 -> "data set does not match SOP class";
            case 0x0001 -> "requested optional attributes are not supported";
            case 0x0107 -> "attribute list error";
            case 0x0116 -> "attribute value out of range";
            case 0x0110 -> "processing failure";
            case 0x0117 -> "invalid SOP instance";
            case 0x0122 -> "SOP class not supported";
            case 0x0124 -> "not authorized";
            case 0x0210 -> "duplicate invocation";
            case 0x0211 -> "unrecognized operation";
            case 0x0212 -> "mistyped argument";
            case 0x0213 -> "resource limitation";
            default -> {
                if ((status & 0xFF00) == 0xA700) {
                    yield "refused: out of resources";
                }
                if ((status & 0xFF00) == 0xA900) {
                    yield "error: data set does not match SOP class";
                }
                if ((status & 0xF000) == 0xC000) {
                    yield "error: cannot understand";
                }
                yield "unknown status";
            }
        };
    }

    /** Whether a C-STORE status means "stored, with a warning". */
    static boolean isWarning(int status) {
        return (status & 0xF000) == 0xB000 || status == 0x0001 || status == 0x0107 || status == 0x0116;
    }

    static String hex(int status) {
        return String.format(Locale.ROOT, "0x%04X", status & 0xFFFF);
    }
}
