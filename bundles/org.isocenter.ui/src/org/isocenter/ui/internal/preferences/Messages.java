/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.preferences;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of this package (NLS); the English text is in messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.isocenter.ui.internal.preferences.messages"; //$NON-NLS-1$

    public static String DicomNodes_noName;
    public static String DicomNodes_nameTabs;
    public static String DicomNodesPreferencePage_description;
    public static String DicomNodesPreferencePage_columnName;
    public static String DicomNodesPreferencePage_columnAeTitle;
    public static String DicomNodesPreferencePage_columnHost;
    public static String DicomNodesPreferencePage_columnPort;
    public static String DicomNodesPreferencePage_columnLastTest;
    public static String DicomNodesPreferencePage_add;
    public static String DicomNodesPreferencePage_edit;
    public static String DicomNodesPreferencePage_remove;
    public static String DicomNodesPreferencePage_test;
    public static String DicomNodesPreferencePage_callingAe;
    public static String DicomNodesPreferencePage_echoRunning;
    public static String DicomNodesPreferencePage_testing;
    public static String DicomNodesPreferencePage_echoJob;
    public static String DicomNodesPreferencePage_echoOk;
    public static String DicomNodesPreferencePage_echoFailed;
    public static String DicomNodesPreferencePage_echoSucceeded;
    public static String DicomNodesPreferencePage_echoNotSucceeded;
    public static String DicomNodesPreferencePage_addTitle;
    public static String DicomNodesPreferencePage_editTitle;
    public static String DicomNodesPreferencePage_name;
    public static String DicomNodesPreferencePage_aeTitle;
    public static String DicomNodesPreferencePage_host;
    public static String DicomNodesPreferencePage_port;
    public static String DicomNodesPreferencePage_portNotNumber;
    public static String IsocenterPreferencePage_description;
    public static String IsocenterPreferencePage_openDemo;
    public static String IsocenterPreferencePage_demoFolder;
    public static String IsocenterPreferencePage_windowPreset;
    public static String IsocenterPreferencePage_defaultWindow;
    public static String RegistrationPreferencePage_description;
    public static String RegistrationPreferencePage_readProblem;
    public static String RegistrationPreferencePage_readDetail;
    public static String RegistrationPreferencePage_notSaved;
    public static String RegistrationPreferencePage_actionMm;
    public static String RegistrationPreferencePage_actionDeg;
    public static String RegistrationPreferencePage_maxMm;
    public static String RegistrationPreferencePage_maxDeg;
    public static String RegistrationPreferencePage_sixDof;
    public static String RegistrationPreferencePage_matchOn;
    public static String RegistrationPreferencePage_matchBone;
    public static String RegistrationPreferencePage_matchSoftTissue;
    public static String RegistrationPreferencePage_softMargin;
    public static String RegistrationPreferencePage_parameters;
    public static String RegistrationPreferencePage_noParameters;
    public static String RegistrationPreferencePage_parameterRange;
    public static String RegistrationPreferencePage_parameterNotNumber;
    public static String RegistrationPreferencePage_algorithm;
    public static String RegistrationPreferencePage_recordStore;
    public static String RegistrationPreferencePage_recordStoreTooltip;
    public static String RegistrationPreferencePage_noImagingProtocol;
    public static String RegistrationPreferencePage_imagingEntry;
    public static String RegistrationPreferencePage_imagingProtocol;
    public static String RegistrationPreferencePage_notInstalled;
    public static String RegistrationPreferencePage_limits;
    public static String RegistrationPreferencePage_numberRange;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
