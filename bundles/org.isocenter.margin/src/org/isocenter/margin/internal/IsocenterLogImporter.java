/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.isocenter.margin.FractionLog;
import org.isocenter.margin.FractionLogImporter;
import org.osgi.service.component.annotations.Component;

/** The importer of Isocenter's own fraction log ({@value FractionLog#FILE_NAME}, tab-separated, mm and degrees). */
@Component(service = FractionLogImporter.class, property = FractionLogImporter.ID_PROPERTY + "=" + IsocenterLogImporter.ID)
public final class IsocenterLogImporter implements FractionLogImporter {

    /** This importer's id. */
    public static final String ID = "isocenter";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Isocenter fraction log (" + FractionLog.FILE_NAME + ")";
    }

    @Override
    public boolean recognises(Path file) throws IOException {
        return FractionLog.recognises(file);
    }

    @Override
    public List<FractionLog.Entry> read(Path file) throws IOException {
        return FractionLog.read(file);
    }
}
