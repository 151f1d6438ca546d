/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.views;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of this package (NLS); the English text is in messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.isocenter.ui.internal.views.messages"; //$NON-NLS-1$

    public static String DvhView_checklistTooltip;
    public static String DvhView_doseAxis;
    public static String DvhView_doseAxisPercent;
    public static String DvhView_doseAxisRelative;
    public static String DvhView_volumeAxis;
    public static String DvhView_readoutHint;
    public static String DvhView_vxLabel;
    public static String DvhView_vxTooltip;
    public static String DvhView_percentToggle;
    public static String DvhView_percentToggleTooltip;
    public static String DvhView_exportCsv;
    public static String DvhView_exportCsvTooltip;
    public static String DvhView_columnStructure;
    public static String DvhView_columnVolume;
    public static String DvhView_columnOutside;
    public static String DvhView_computing;
    public static String DvhView_jobOne;
    public static String DvhView_jobMany;
    public static String DvhView_noContours;
    public static String DvhView_noStructures;
    public static String DvhView_noDose;
    public static String DvhView_relativeDose;
    public static String DvhView_outsideGrid;
    public static String DvhView_structureProblem;
    public static String DvhView_checkStructures;
    public static String DvhView_prescriptionLine;
    public static String DvhView_cursorPercent;
    public static String DvhView_cursor;
    public static String DvhView_cursorVolume;
    public static String DvhView_noPrescription;
    public static String DvhView_saved;
    public static String DvhView_notSaved;
    public static String DvhView_readBackDiffers;
    public static String ExportAuditView_columnTime;
    public static String ExportAuditView_columnUser;
    public static String ExportAuditView_columnAction;
    public static String ExportAuditView_columnPatient;
    public static String ExportAuditView_columnPlan;
    public static String ExportAuditView_columnDestination;
    public static String ExportAuditView_columnFiles;
    public static String ExportAuditView_columnResult;
    public static String ExportAuditView_columnVerification;
    public static String ExportAuditView_refresh;
    public static String ExportAuditView_refreshTooltip;
    public static String ExportAuditView_statusOne;
    public static String ExportAuditView_statusMany;
    public static String ExportAuditView_unreadable;
    public static String ExportAuditView_detailsAction;
    public static String ExportAuditView_detailsPlan;
    public static String ExportAuditView_detailsResult;
    public static String PatientBrowserView_columnName;
    public static String PatientBrowserView_columnModality;
    public static String PatientBrowserView_columnContent;
    public static String PatientBrowserView_columnFrame;
    public static String PatientBrowserView_patientClosed;
    public static String PatientBrowserView_seriesNumber;
    public static String PatientBrowserView_importProblems;
    public static String PatientBrowserView_unreadable;
    public static String PatientBrowserView_notDicom;
    public static String PatientBrowserView_patientContent;
    public static String PatientBrowserView_studyContent;
    public static String PatientBrowserView_rois;
    public static String PatientBrowserView_images;
    public static String PatientBrowserView_objects;
    public static String PatientBrowserView_missingSlices;
    public static String PatientBrowserView_warningOne;
    public static String PatientBrowserView_warningMany;
    public static String PatientBrowserView_filesNotImported;
    public static String PatientBrowserView_filesNotDicom;
    public static String PatientBrowserView_patientTooltip;
    public static String PatientBrowserView_patientBorn;
    public static String PatientBrowserView_patientSex;
    public static String PatientBrowserView_studyTooltip;
    public static String PatientBrowserView_problemsTooltip;
    public static String PatientBrowserView_seriesTitle;
    public static String PatientBrowserView_seriesTitleDescribed;
    public static String PatientBrowserView_seriesUid;
    public static String PatientBrowserView_seriesFrame;
    public static String PatientBrowserView_seriesFolder;
    public static String PatientBrowserView_seriesWarning;
    public static String PatientBrowserView_hintImage;
    public static String PatientBrowserView_hintRegistration;
    public static String PatientBrowserView_hintStructureSet;
    public static String PatientBrowserView_nothingToShow;
    public static String PatientBrowserView_notImportedTitle;
    public static String PatientBrowserView_imageNotImported;
    public static String PatientBrowserView_registrationIncomplete;
    public static String PatientBrowserView_openRegistrationTitle;
    public static String PatientBrowserView_noImageViewer;
    public static String PatientBrowserView_actionShow;
    public static String PatientBrowserView_actionFuse;
    public static String PatientBrowserView_actionOpenRegistration;
    public static String PatientBrowserView_actionShowWarnings;
    public static String PatientBrowserView_warningsTitle;
    public static String PatientBrowserView_actionCopySeriesUid;
    public static String PatientBrowserView_actionCopyFrameUid;
    public static String PatientBrowserView_actionCopyPath;
    public static String PatientBrowserView_actionImportAgain;
    public static String PatientBrowserView_actionRemoveFolder;
    public static String PatientBrowserView_actionRefreshAll;
    public static String PatientBrowserView_actionClearList;
    public static String PatientBrowserView_notDicomReason;
    public static String StructuresView_add;
    public static String StructuresView_addTooltip;
    public static String StructuresView_rename;
    public static String StructuresView_renameTooltip;
    public static String StructuresView_colour;
    public static String StructuresView_colourTooltip;
    public static String StructuresView_type;
    public static String StructuresView_typeTooltip;
    public static String StructuresView_delete;
    public static String StructuresView_deleteTooltip;
    public static String StructuresView_interpolate;
    public static String StructuresView_interpolateTooltip;
    public static String StructuresView_margin;
    public static String StructuresView_marginTooltip;
    public static String StructuresView_boolean;
    public static String StructuresView_booleanTooltip;
    public static String StructuresView_threshold;
    public static String StructuresView_thresholdTooltip;
    public static String StructuresView_save;
    public static String StructuresView_saveTooltip;
    public static String StructuresView_columnShow;
    public static String StructuresView_columnName;
    public static String StructuresView_columnType;
    public static String StructuresView_columnVolume;
    public static String StructuresView_columnSlices;
    public static String StructuresView_empty;
    public static String StructuresView_noImage;
    public static String StructuresView_fromFile;
    public static String StructuresView_newSet;
    public static String StructuresView_savedAs;
    public static String StructuresView_editedNotSaved;
    public static String StructuresView_unchanged;
    public static String StructuresView_status;
    public static String StructuresView_addTitle;
    public static String StructuresView_addMessage;
    public static String StructuresView_renameTitle;
    public static String StructuresView_renameMessage;
    public static String StructuresView_deleteTitle;
    public static String StructuresView_deleteQuestion;
    public static String StructuresView_exists;
    public static String StructuresView_savedTitle;
    public static String StructuresView_couldNotSave;
    public static String StructuresView_report;
    public static String StructuresView_reportImportedUnchanged;
    public static String StructuresView_reportImportAgain;
    public static String StructuresView_editAdd;
    public static String StructuresView_editRename;
    public static String StructuresView_editColour;
    public static String StructuresView_editType;
    public static String StructuresView_editDelete;
    public static String StructuresView_interpolateRecipe;
    public static String StructuresView_interpolationDropped;
    public static String StructuresView_editCreate;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
