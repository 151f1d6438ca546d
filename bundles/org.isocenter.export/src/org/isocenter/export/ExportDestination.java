/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.export;

import java.nio.file.Path;
import java.util.Objects;

import org.isocenter.dicom.net.DicomNode;

/**
 * Where a {@link LinacExporter} delivers a package. The two shipped kinds are {@link Folder} and {@link DicomStore};
 * vendors may define their own and accept them in {@link LinacExporter#supports}.
 */
public interface ExportDestination {

    /** One line for reports and the audit log, e.g. "folder /data/out" or "DICOM RV@10.0.0.5:104". */
    String describe();

    /** A local or mounted folder, written into (created when missing; must be empty). */
    record Folder(Path folder) implements ExportDestination {
        public Folder {
            folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        }

        @Override
        public String describe() {
            return "folder " + folder;
        }
    }

    /**
     * A DICOM Storage SCP (record-and-verify or treatment console): the node (called AE title, host, port), our
     * calling AE title, the time allowed per network step (ms) and the retry policy on network failure.
     */
    record DicomStore(DicomNode node, String callingAeTitle, int timeoutMs, RetryPolicy retry) implements ExportDestination {
        public DicomStore {
            Objects.requireNonNull(node, "node");
            callingAeTitle = Objects.requireNonNullElse(callingAeTitle, "ISOCENTER");
            if (timeoutMs <= 0) {
                throw new IllegalArgumentException("timeout must be positive (ms)");
            }
            retry = Objects.requireNonNullElse(retry, RetryPolicy.DEFAULT);
        }

        @Override
        public String describe() {
            return "DICOM " + node + " as " + callingAeTitle;
        }
    }
}
