/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.viewer;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of this package (NLS); the English text is in messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.isocenter.ui.internal.viewer.messages"; //$NON-NLS-1$

    public static String CouchCorrectionPanel_columnCouch;
    public static String CouchCorrectionPanel_columnLat;
    public static String CouchCorrectionPanel_columnLong;
    public static String CouchCorrectionPanel_columnVert;
    public static String CouchCorrectionPanel_columnPitch;
    public static String CouchCorrectionPanel_columnRoll;
    public static String CouchCorrectionPanel_columnYaw;
    public static String CouchCorrectionPanel_columnStatus;
    public static String CouchCorrectionPanel_statusColumnTooltip;
    public static String CouchCorrectionPanel_rowTooltip;
    public static String CouchCorrectionPanel_matchOnTooltip;
    public static String CouchCorrectionPanel_regionStructureTooltip;
    public static String CouchCorrectionPanel_regionMarginTooltip;
    public static String CouchCorrectionPanel_accept;
    public static String CouchCorrectionPanel_acceptTooltip;
    public static String CouchCorrectionPanel_reject;
    public static String CouchCorrectionPanel_rejectTooltip;
    public static String CouchCorrectionPanel_matchOnBone;
    public static String CouchCorrectionPanel_matchOnSoftTissue;
    public static String CouchCorrectionPanel_aboutPlanIsocenter;
    public static String CouchCorrectionPanel_aboutRegionCentre;
    public static String CouchCorrectionPanel_couchTooltip;
    public static String CouchCorrectionPanel_correctionRow;
    public static String CouchCorrectionPanel_softMinusBone;
    public static String CouchCorrectionPanel_targetMoved;
    public static String CouchCorrectionPanel_noCorrection;
    public static String CouchCorrectionPanel_transformNote;
    public static String CouchCorrectionPanel_statusApply;
    public static String CouchCorrectionPanel_statusWithinTolerance;
    public static String CouchCorrectionPanel_statusRefused;
    public static String CouchCorrectionPanel_statusWithMessages;
    public static String CouchCorrectionPanel_unmatchedTitle;
    public static String CouchCorrectionPanel_unmatchedQuestion;
    public static String CouchCorrectionPanel_noRegistration;
    public static String CouchCorrectionPanel_notAcceptedUnmatched;
    public static String CouchCorrectionPanel_acceptedUnmatched;
    public static String CouchCorrectionPanel_accepted;
    public static String CouchCorrectionPanel_notAccepted;
    public static String CouchCorrectionPanel_rejectionNotLogged;
    public static String CouchCorrectionPanel_rejected;
    public static String CouchCorrectionPanel_recorded;
    public static String CouchCorrectionPanel_notRecorded;
    public static String FusionOpener_planningNotImported;
    public static String FusionOpener_dailyNotImported;
    public static String FusionOpener_noPerspective;
    public static String FusionOpener_noImageViewer;
    public static String FusionOpener_fusing;
    public static String SliceCanvas_frameOfReferenceShort;
    public static String SliceCanvas_identityTooltip;
    public static String SliceCanvas_slicePosition;
    public static String SliceCanvas_window;
    public static String SliceCanvas_fused;
    public static String SurfaceCanvas_unavailable;
    public static String SurfaceCanvas_building;
    public static String SurfaceCanvas_header;
    public static String SurfaceCanvas_statistics;
    public static String SurfaceCanvas_statisticsBone;
    public static String ViewerLoader_structureSets;
    public static String ViewerLoader_plans;
    public static String ViewerLoader_doses;
    public static String ViewerLoader_severalStructureSets;
    public static String ViewerLoader_severalStructureSetsPlans;
    public static String ViewerLoader_structureSetNotShown;
    public static String ViewerLoader_planNotShown;
    public static String ViewerLoader_doseNotShown;
    public static String ViewerLoader_registrationNotUsed;
    public static String ViewerLoader_ambiguous;
    public static String ViewerModel_selectSeries;
    public static String ViewerModel_contoursNotDrawn;
    public static String WorkbenchRecords_noPlan;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
