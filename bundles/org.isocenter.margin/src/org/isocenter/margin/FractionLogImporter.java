/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a set-up log of some IGRT system (a vendor console's export, a clinic's spreadsheet) into fraction decisions:
 * the plug-in point for importers. Offered as an OSGi Declarative Services component with the service property
 * {@value #ID_PROPERTY}; the {@link FractionLogImporters} catalogue binds them all and picks one per file. Entries are
 * in Isocenter's terms: times local, table-top corrections IEC 61217 in mm and degrees (an importer converts the
 * file's units), the patient position of the daily image.
 */
public interface FractionLogImporter {

    /** The service property that carries {@link #id()}. */
    String ID_PROPERTY = "importer.id";

    /** Stable id, e.g. {@code isocenter}, {@code acme-xvi-csv}. */
    String id();

    /** One line for lists and messages, naming the format. */
    String label();

    /** Whether {@code file} is in this importer's format (from a look at its start; never throws for another format). */
    boolean recognises(Path file) throws IOException;

    /**
     * Every decision in the file, in file order.
     *
     * @throws IOException naming the file and the line when it is not readable in this format (never a partial list)
     */
    List<FractionLog.Entry> read(Path file) throws IOException;
}
