/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.cli.CliUsageException;
import org.isocenter.dicom.net.DicomNode;

/**
 * Arguments shared by the network commands: the remote {@code AE@host:port}, {@code --aet <calling AE title>}
 * (default ISOCENTER), {@code --timeout-ms <ms>} (default 10000) and the remaining operands.
 */
record NetworkOptions(DicomNode remote, String callingAeTitle, int timeoutMs, List<String> operands) {

    static NetworkOptions parse(List<String> args) throws CliUsageException {
        String calling = "ISOCENTER";
        int timeout = 10_000;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--aet") || a.equals("--timeout-ms")) {
                if (i + 1 == args.size()) {
                    throw new CliUsageException(a + " needs a value");
                }
                String v = args.get(++i);
                if (a.equals("--aet")) {
                    calling = v;
                } else {
                    try {
                        timeout = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new CliUsageException("--timeout-ms '" + v + "' is not a number of milliseconds");
                    }
                    if (timeout <= 0) {
                        throw new CliUsageException("--timeout-ms must be positive");
                    }
                }
            } else {
                rest.add(a);
            }
        }
        if (rest.isEmpty()) {
            throw new CliUsageException("give the remote node as AE@host:port");
        }
        try {
            return new NetworkOptions(DicomNode.parse(rest.get(0)), calling, timeout, List.copyOf(rest.subList(1, rest.size())));
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(e.getMessage());
        }
    }
}
