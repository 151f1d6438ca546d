/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

import java.util.Objects;

/**
 * A remote DICOM application entity: the AE title it answers to and the TCP address it listens on.
 * Leading and trailing spaces of the AE title are not significant in DICOM and are removed; the host is
 * a host name or IP address literal.
 *
 * @param aeTitle the called AE title, 1 to 16 printable ASCII characters, no backslash, not only spaces
 * @param host    host name or IP address
 * @param port    TCP port, 1 to 65535
 */
public record DicomNode(String aeTitle, String host, int port) {

    /** The longest AE title DICOM allows (PS3.5 VR "AE"). */
    public static final int MAX_AE_TITLE_LENGTH = 16;

    /**
     * Checks and normalises the fields.
     *
     * @throws IllegalArgumentException when the AE title, host or port is not valid
     */
    public DicomNode {
        aeTitle = checkAeTitle(aeTitle, "AE title");
        Objects.requireNonNull(host, "host");
        host = host.strip();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
    }

    /** "AE@host:port", with an IPv6 literal host in brackets. */
    /**
     * Parses the {@code AE@host:port} form that {@link #toString()} prints (the command line uses it); fails
     * with a message naming the expected form.
     */
    public static DicomNode parse(String text) {
        int at = text.indexOf('@'), colon = text.lastIndexOf(':');
        if (at < 1 || colon < at + 2 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not AE@host:port (e.g. STORESCP@127.0.0.1:11112)");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': port '" + text.substring(colon + 1) + "' is not a number");
        }
        return new DicomNode(text.substring(0, at), text.substring(at + 1, colon), port);
    }

    @Override
    public String toString() {
        return aeTitle + "@" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Returns the AE title without leading and trailing spaces, or throws when it is not a valid DICOM AE
     * title; {@code what} names it in the message (e.g. "calling AE title").
     */
    static String checkAeTitle(String aeTitle, String what) {
        if (aeTitle == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        String s = aeTitle.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty or only spaces");
        }
        if (s.length() > MAX_AE_TITLE_LENGTH) {
            throw new IllegalArgumentException(what + " '" + s + "' is longer than " + MAX_AE_TITLE_LENGTH
                    + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                throw new IllegalArgumentException(what + " '" + s + "' contains a backslash");
            }
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(what + " contains a control or non-ASCII character at position "
                        + (i + 1));
            }
        }
        return s;
    }
}
