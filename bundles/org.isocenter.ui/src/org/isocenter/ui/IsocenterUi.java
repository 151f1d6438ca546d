/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui;

/** Identifiers of the Isocenter workbench (views, perspectives, commands) for plug-ins that extend it. */
public final class IsocenterUi {

    public static final String PLUGIN_ID = "org.isocenter.ui";
    public static final String PERSPECTIVE_PLANNING = "org.isocenter.ui.perspective.planning";
    public static final String PERSPECTIVE_CONTOURING = "org.isocenter.ui.perspective.contouring";
    public static final String PERSPECTIVE_REGISTRATION = "org.isocenter.ui.perspective.registration";
    public static final String VIEW_PATIENT_BROWSER = "org.isocenter.ui.views.patientBrowser";
    /** Linked MPR views, 3D view and fusion of the selected image series. */
    public static final String VIEW_IMAGE_VIEWER = "org.isocenter.ui.views.imageViewer";
    /** Structures of the viewed image: list, visibility, add/rename/colour/type/delete, margins, booleans, save. */
    public static final String VIEW_STRUCTURES = "org.isocenter.ui.views.structures";
    /** Margin recipes, correction protocols and CTV-to-PTV margins per axis. */
    public static final String VIEW_MARGIN_POLICY = "org.isocenter.ui.views.marginPolicy";
    /** Cumulative dose-volume histograms of chosen structures on the loaded RT Dose, with a metrics table. */
    public static final String VIEW_DVH = "org.isocenter.ui.views.dvh";
    /** The workbench Progress view (declared by Isocenter: the product has no org.eclipse.ui.ide), in every perspective. */
    public static final String VIEW_PROGRESS = "org.isocenter.ui.views.progress";
    public static final String COMMAND_IMPORT_FOLDER = "org.isocenter.ui.commands.importFolder";
    public static final String COMMAND_OPEN_DEMO = "org.isocenter.ui.commands.openDemo";
    /** File ▸ Close Patient: unloads the loaded patient (see the working session). */
    public static final String COMMAND_CLOSE_PATIENT = "org.isocenter.ui.commands.closePatient";
    /** File ▸ Export to Linac…: the Export wizard for the loaded patient's plan (enabled while a plan is loaded). */
    public static final String COMMAND_EXPORT_TO_LINAC = "org.isocenter.ui.commands.exportToLinac";
    /** The export audit log (who, when, what, where, result), newest first. */
    public static final String VIEW_EXPORT_AUDIT = "org.isocenter.ui.views.exportAudit";
    /** The treatment course of the plan shown: fractions, trends, alerts, imaging dose, offline protocol. */
    public static final String VIEW_COURSE = "org.isocenter.ui.views.course";

    private IsocenterUi() {
    }
}
