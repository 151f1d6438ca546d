/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.jobs;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of this package (NLS); the English text is in messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.isocenter.ui.internal.jobs.messages"; //$NON-NLS-1$

    public static String ImportReport_kindNotImported;
    public static String ImportReport_kindNotDicom;
    public static String ImportReport_kindWarning;
    public static String ImportReport_notDicomReason;
    public static String ImportReport_seriesNumber;
    public static String ImportReport_nothingImported;
    public static String ImportReport_imported;
    public static String ImportReport_dicomObject;
    public static String ImportReport_dicomObjects;
    public static String ImportReport_patient;
    public static String ImportReport_patients;
    public static String ImportReport_file;
    public static String ImportReport_files;
    public static String ImportReport_notImportedOne;
    public static String ImportReport_notImportedMany;
    public static String ImportReport_notDicomOne;
    public static String ImportReport_notDicomMany;
    public static String ImportReport_warningOne;
    public static String ImportReport_warningMany;
    public static String ImportReportDialog_titleWarnings;
    public static String ImportReportDialog_titleProblems;
    public static String ImportReportDialog_headline;
    public static String ImportReportDialog_headlineListed;
    public static String ImportReportDialog_columnKind;
    public static String ImportReportDialog_columnWhat;
    public static String ImportReportDialog_columnReason;
    public static String ImportReportDialog_rowTooltip;
    public static String ImportReportDialog_copyReport;
    public static String LoadDemoJob_name;
    public static String LoadDemoJob_notWritten;
    public static String ScanFolderJob_name;
    public static String ScanFolderJob_notAFolder;
    public static String ScanFolderJob_importOf;
    public static String ScanFolderJob_seeBrowser;
    public static String ScanFolderJob_failed;
    public static String SeriesWarnings_samePosition;
    public static String SeriesWarnings_duplicateOne;
    public static String SeriesWarnings_duplicateMany;
    public static String SeriesWarnings_gapAt;
    public static String SeriesWarnings_unevenOne;
    public static String SeriesWarnings_unevenMany;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
