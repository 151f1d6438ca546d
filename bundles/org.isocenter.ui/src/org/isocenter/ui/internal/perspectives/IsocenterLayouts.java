/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.perspectives;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.isocenter.ui.IsocenterUi;

/** The layout every Isocenter perspective starts from. */
final class IsocenterLayouts {

    private IsocenterLayouts() {
    }

    /** The Planning layout: {@link #base(IPageLayout, boolean)} with the DVH view. */
    static void base(IPageLayout layout) {
        base(layout, true);
    }

    /**
     * Browser and progress on the left; on the right the image viewer large on top and, below it, the Margin Policy
     * (so that its PTV preview shows on the images) and, with {@code dvh}, the DVH view as tabs.
     */
    static void base(IPageLayout layout, boolean dvh) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        layout.addView(IsocenterUi.VIEW_PATIENT_BROWSER, IPageLayout.LEFT, 0.30f, editor);
        IFolderLayout main = layout.createFolder("isocenter.main", IPageLayout.TOP, 0.95f, editor);
        main.addView(IsocenterUi.VIEW_IMAGE_VIEWER);
        results(layout, dvh);
        IFolderLayout bottom = layout.createFolder("isocenter.bottom", IPageLayout.BOTTOM, 0.60f,
                IsocenterUi.VIEW_PATIENT_BROWSER);
        bottom.addView(IsocenterUi.VIEW_PROGRESS);
        if (dvh) { // Planning: the export audit log beside Progress (File ▸ Export to Linac… appends to it)
            bottom.addView(IsocenterUi.VIEW_EXPORT_AUDIT);
        }
        shortcuts(layout);
    }

    /** The folder below the image viewer: DVH (optional) and Margin Policy; the image viewer keeps 70 % of the height. */
    private static void results(IPageLayout layout, boolean dvh) {
        IFolderLayout results = layout.createFolder("isocenter.results", IPageLayout.BOTTOM, 0.70f, "isocenter.main");
        if (dvh) {
            results.addView(IsocenterUi.VIEW_DVH);
        }
        results.addView(IsocenterUi.VIEW_MARGIN_POLICY);
    }

    /**
     * The Contouring layout: the Structures view on the left above the Patient Browser and Progress (tabs), the
     * image viewer (with its drawing tools) on the right, the DVH and Margin Policy views below it (tabs).
     */
    static void contouring(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        layout.addView(IsocenterUi.VIEW_STRUCTURES, IPageLayout.LEFT, 0.30f, editor);
        IFolderLayout main = layout.createFolder("isocenter.main", IPageLayout.TOP, 0.95f, editor);
        main.addView(IsocenterUi.VIEW_IMAGE_VIEWER);
        results(layout, true);
        IFolderLayout bottom = layout.createFolder("isocenter.bottom", IPageLayout.BOTTOM, 0.62f,
                IsocenterUi.VIEW_STRUCTURES);
        bottom.addView(IsocenterUi.VIEW_PATIENT_BROWSER);
        bottom.addView(IsocenterUi.VIEW_PROGRESS);
        shortcuts(layout);
    }

    /**
     * The Registration / IGRT layout: the image viewer (with its fusion controls and couch correction table) takes
     * the whole height and all but a narrow left column, where the Patient Browser, Course, Margin Policy and Progress
     * are tabs of one stack (rarely needed while matching; the stack can be minimised or widened). At 1280x800 the slice
     * and 3D views get at least 60 % of the window.
     */
    static void registration(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        IFolderLayout side = layout.createFolder("isocenter.side", IPageLayout.LEFT, SIDE_RATIO, editor);
        side.addView(IsocenterUi.VIEW_PATIENT_BROWSER);
        side.addView(IsocenterUi.VIEW_COURSE);
        side.addView(IsocenterUi.VIEW_MARGIN_POLICY);
        side.addView(IsocenterUi.VIEW_PROGRESS);
        // the image viewer without a title tab: in this perspective it is the workspace, and the tab's line is
        // better spent on the images
        layout.addStandaloneView(IsocenterUi.VIEW_IMAGE_VIEWER, false, IPageLayout.TOP, 0.95f, editor);
        layout.getViewLayout(IsocenterUi.VIEW_IMAGE_VIEWER).setCloseable(false);
        shortcuts(layout);
    }

    /** The width of the Registration layout's left column (Patient Browser, Margin Policy, Progress tabs). */
    static final float SIDE_RATIO = 0.17f;

    private static void shortcuts(IPageLayout layout) {
        layout.addShowViewShortcut(IsocenterUi.VIEW_PATIENT_BROWSER);
        layout.addShowViewShortcut(IsocenterUi.VIEW_IMAGE_VIEWER);
        layout.addShowViewShortcut(IsocenterUi.VIEW_STRUCTURES);
        layout.addShowViewShortcut(IsocenterUi.VIEW_PROGRESS);
        layout.addShowViewShortcut(IsocenterUi.VIEW_MARGIN_POLICY);
        layout.addShowViewShortcut(IsocenterUi.VIEW_DVH);
        layout.addShowViewShortcut(IsocenterUi.VIEW_EXPORT_AUDIT);
        layout.addShowViewShortcut(IsocenterUi.VIEW_COURSE);
        layout.addPerspectiveShortcut(IsocenterUi.PERSPECTIVE_PLANNING);
        layout.addPerspectiveShortcut(IsocenterUi.PERSPECTIVE_CONTOURING);
        layout.addPerspectiveShortcut(IsocenterUi.PERSPECTIVE_REGISTRATION);
    }
}
