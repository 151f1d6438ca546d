/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.preferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.preference.IPreferenceStore;
import org.isocenter.dicom.net.DicomNode;
import org.isocenter.dicom.net.EchoResult;
import org.isocenter.dicom.net.VerificationClient;
import org.isocenter.ui.internal.IsocenterUiPlugin;

/**
 * The address book of DICOM nodes the workbench sends to (record-and-verify systems, treatment consoles, PACS): a
 * name and the node's AE title, host and port, kept in the workbench preference store (one node a line, fields
 * separated by tabs) and edited in Window ▸ Preferences ▸ Isocenter ▸ DICOM Nodes. {@link #echo} checks one with a
 * C-ECHO.
 */
public final class DicomNodes {

    /** Preference key of the node list. */
    public static final String KEY = "dicom.nodes";
    /** Preference key of our own (calling) AE title, shared with the Export wizard. */
    public static final String CALLING_AE = "export.dicom.callingAe";

    /** One entry of the address book. */
    public record Entry(String name, String aeTitle, String host, int port) {

        /** Checks the fields (AE title, host and port as DICOM wants them; a name without tabs or line breaks). */
        public Entry {
            name = name == null ? "" : name.strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException(Messages.DicomNodes_noName);
            }
            if (name.contains("\t") || name.contains("\n")) {
                throw new IllegalArgumentException(Messages.DicomNodes_nameTabs);
            }
            DicomNode n = new DicomNode(aeTitle, host, port); // validates
            aeTitle = n.aeTitle();
            host = n.host();
        }

        public DicomNode node() {
            return new DicomNode(aeTitle, host, port);
        }

        /** "Name (AE@host:port)". */
        public String label() {
            return name + " (" + node() + ")";
        }
    }

    private DicomNodes() {
    }

    private static IPreferenceStore store() {
        IPreferenceStore s = IsocenterUiPlugin.get().getPreferenceStore();
        s.setDefault(KEY, "");
        s.setDefault(CALLING_AE, "ISOCENTER");
        return s;
    }

    /** The stored nodes, in their order; lines that no longer parse are skipped. */
    public static List<Entry> load() {
        return parse(store().getString(KEY));
    }

    /** Replaces the stored nodes. */
    public static void save(List<Entry> nodes) {
        store().setValue(KEY, format(nodes));
    }

    /** The stored node with this name. */
    public static Optional<Entry> byName(String name) {
        return load().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Our own AE title (calling AE title), as the Export wizard last used it. */
    public static String callingAeTitle() {
        String s = store().getString(CALLING_AE);
        return s.isBlank() ? "ISOCENTER" : s;
    }

    /** The node list's stored text. */
    static String format(List<Entry> nodes) {
        StringBuilder b = new StringBuilder();
        for (Entry e : nodes) {
            b.append(e.name()).append('\t').append(e.aeTitle()).append('\t').append(e.host()).append('\t').append(e.port())
                    .append('\n');
        }
        return b.toString();
    }

    static List<Entry> parse(String text) {
        List<Entry> list = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t");
            if (f.length != 4) {
                continue;
            }
            try {
                list.add(new Entry(f[0], f[1], f[2], Integer.parseInt(f[3].strip())));
            } catch (IllegalArgumentException e) {
                // a line edited by hand into something invalid: skipped
            }
        }
        return list;
    }

    /** A C-ECHO ("DICOM ping") to the node, as {@code callingAe}; never throws for network problems. */
    public static EchoResult echo(String callingAe, DicomNode node, int timeoutMs) {
        return new VerificationClient().echo(callingAe, node, timeoutMs);
    }
}
