/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.export;

import org.eclipse.jface.preference.IPreferenceStore;
import org.isocenter.export.RetryPolicy;
import org.isocenter.ui.internal.IsocenterUiPlugin;

/**
 * What the Export wizard remembers between exports (workbench preferences): the exporter, the DICOM node (host,
 * port, called and calling AE titles, timeout per network step in ms, retries on network failure), the last export
 * folder and the verification folder, and whether DRRs and IGRT objects are included.
 */
public final class ExportPreferences {

    public static final String EXPORTER = "export.exporter";
    public static final String HOST = "export.dicom.host";
    public static final String PORT = "export.dicom.port";
    public static final String CALLED_AE = "export.dicom.calledAe";
    public static final String CALLING_AE = "export.dicom.callingAe";
    public static final String TIMEOUT_MS = "export.dicom.timeoutMs";
    public static final String RETRIES = "export.dicom.retries";
    public static final String READ_BACK = "export.dicom.readBackFolder";
    public static final String FOLDER = "export.folder";
    public static final String DRRS = "export.drrs";
    public static final String IGRT = "export.igrt";

    private ExportPreferences() {
    }

    /** The workbench preference store with the export defaults set (dicom, port 104, ISOCENTER, 10 s, 3 retries). */
    public static IPreferenceStore store() {
        IPreferenceStore s = IsocenterUiPlugin.get().getPreferenceStore();
        s.setDefault(EXPORTER, "dicom");
        s.setDefault(HOST, "");
        s.setDefault(PORT, 104);
        s.setDefault(CALLED_AE, "");
        s.setDefault(CALLING_AE, "ISOCENTER");
        s.setDefault(TIMEOUT_MS, 10_000);
        s.setDefault(RETRIES, RetryPolicy.DEFAULT.retries());
        s.setDefault(READ_BACK, "");
        s.setDefault(FOLDER, "");
        s.setDefault(DRRS, false);
        s.setDefault(IGRT, true);
        return s;
    }
}
