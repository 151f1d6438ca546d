/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.export;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of this package (NLS); the English text is in messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.isocenter.ui.internal.export.messages"; //$NON-NLS-1$

    public static String DestinationPage_title;
    public static String DestinationPage_description;
    public static String DestinationPage_exporter;
    public static String DestinationPage_toDicom;
    public static String DestinationPage_dicomGroup;
    public static String DestinationPage_savedNode;
    public static String DestinationPage_savedNodeTooltip;
    public static String DestinationPage_typedIn;
    public static String DestinationPage_echo;
    public static String DestinationPage_echoTooltip;
    public static String DestinationPage_host;
    public static String DestinationPage_port;
    public static String DestinationPage_calledAe;
    public static String DestinationPage_callingAe;
    public static String DestinationPage_timeout;
    public static String DestinationPage_retries;
    public static String DestinationPage_readBack;
    public static String DestinationPage_readBackBrowse;
    public static String DestinationPage_readBackTooltip;
    public static String DestinationPage_toFolder;
    public static String DestinationPage_folderGroup;
    public static String DestinationPage_folder;
    public static String DestinationPage_folderBrowse;
    public static String DestinationPage_browse;
    public static String DestinationPage_portField;
    public static String DestinationPage_timeoutField;
    public static String DestinationPage_retriesField;
    public static String DestinationPage_cannotTest;
    public static String DestinationPage_echoRunning;
    public static String DestinationPage_echoJob;
    public static String DestinationPage_echoSucceeded;
    public static String DestinationPage_echoNotSucceeded;
    public static String DestinationPage_unsupported;
    public static String DestinationPage_pageNotMade;
    public static String DestinationPage_pageIncomplete;
    public static String DestinationPage_pageTwice;
    public static String DestinationPage_contributedNote;
    public static String DestinationPage_deliverTo;
    public static String DestinationPage_noHost;
    public static String DestinationPage_noCalledAe;
    public static String DestinationPage_noVerificationFolder;
    public static String DestinationPage_noFolder;
    public static String DestinationPage_notAFolderName;
    public static String DestinationPage_notAbsolute;
    public static String DestinationPage_isAFile;
    public static String DestinationPage_notEmpty;
    public static String DestinationPage_outOfRange;
    public static String DestinationPage_notAWholeNumber;
    public static String ExportResultDialog_title;
    public static String ExportResultDialog_columnFile;
    public static String ExportResultDialog_columnRole;
    public static String ExportResultDialog_columnStatus;
    public static String ExportResultDialog_columnAttempts;
    public static String ExportResultDialog_columnVerification;
    public static String ExportResultDialog_columnDetail;
    public static String ExportResultDialog_retry;
    public static String ExportRun_exportJob;
    public static String ExportRun_retryJob;
    public static String ExportRun_cancelled;
    public static String ExportRun_exporting;
    public static String ExportRun_refused;
    public static String ExportRun_failed;
    public static String ExportRun_noResult;
    public static String ExportRun_notVerifiedByReadBack;
    public static String ExportRun_verificationFailed;
    public static String ExportRun_verificationFailedProblems;
    public static String ExportRun_verified;
    public static String ExportRun_nothingToVerify;
    public static String ExportRun_lastAttempt;
    public static String ExportRun_notMeant;
    public static String ExportRun_complete;
    public static String ExportRun_notComplete;
    public static String ExportRun_cancelledSuffix;
    public static String ExportSource_defaultPlanName;
    public static String ExportSource_label;
    public static String ExportSource_labelWithSummary;
    public static String ExportWizard_title;
    public static String PackagePage_title;
    public static String PackagePage_description;
    public static String PackagePage_planLabel;
    public static String PackagePage_igrt;
    public static String PackagePage_drrs;
    public static String PackagePage_beams;
    public static String PackagePage_columnBeam;
    public static String PackagePage_columnName;
    public static String PackagePage_columnGantry;
    public static String PackagePage_columnCouch;
    public static String PackagePage_columnSetup;
    public static String PackagePage_columnIsocenter;
    public static String PackagePage_columnDrr;
    public static String PackagePage_contents;
    public static String PackagePage_columnContent;
    public static String PackagePage_columnFiles;
    public static String PackagePage_columnSize;
    public static String PackagePage_columnDetail;
    public static String PackagePage_checking;
    public static String PackagePage_checkJob;
    public static String PackagePage_beamsUnreadable;
    public static String PackagePage_notBuilt;
    public static String PackagePage_yes;
    public static String PackagePage_no;
    public static String PackagePage_refusedLine;
    public static String PackagePage_refusedOne;
    public static String PackagePage_refusedMany;
    public static String PackagePage_planningImage;
    public static String PackagePage_structureSet;
    public static String PackagePage_planRow;
    public static String PackagePage_drrRow;
    public static String PackagePage_registrations;
    public static String PackagePage_couchRecord;
    public static String PackagePage_note;
    public static String PackagePage_checked;
    public static String SummaryPage_title;
    public static String SummaryPage_description;
    public static String SummaryPage_columnContent;
    public static String SummaryPage_columnSent;
    public static String SummaryPage_columnNotSent;
    public static String SummaryPage_columnWhyNot;
    public static String SummaryPage_incomplete;
    public static String SummaryPage_notDicom;
    public static String SummaryPage_drrs;
    public static String SummaryPage_headlineDicom;
    public static String SummaryPage_headlineFiles;
    public static String SummaryPage_notSentOne;
    public static String SummaryPage_notSentMany;
    public static String SummaryPage_readBack;
    public static String SummaryPage_dicomConfirmed;
    public static String SummaryPage_folderVerified;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
