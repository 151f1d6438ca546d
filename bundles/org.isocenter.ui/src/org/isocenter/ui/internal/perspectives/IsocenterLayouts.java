package org.isocenter.ui.internal.perspectives;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.isocenter.ui.IsocenterUi;

/** The layout every Isocenter perspective starts from. */
final class IsocenterLayouts {

    private IsocenterLayouts() {
    }

    static void base(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        // browser and progress on the left; the image viewer (and the Margin Policy tab) on the whole right side
        layout.addView(IsocenterUi.VIEW_PATIENT_BROWSER, IPageLayout.LEFT, 0.30f, editor);
        IFolderLayout main = layout.createFolder("isocenter.main", IPageLayout.TOP, 0.95f, editor);
        main.addView(IsocenterUi.VIEW_IMAGE_VIEWER);
        main.addView(IsocenterUi.VIEW_MARGIN_POLICY);
        IFolderLayout bottom = layout.createFolder("isocenter.bottom", IPageLayout.BOTTOM, 0.60f,
                IsocenterUi.VIEW_PATIENT_BROWSER);
        bottom.addView(IsocenterUi.VIEW_PROGRESS);
        shortcuts(layout);
    }

    /**
     * The Contouring layout: the Structures view on the left above the Patient Browser and Progress (tabs), the
     * image viewer (with its drawing tools) on the whole right side.
     */
    static void contouring(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        layout.addView(IsocenterUi.VIEW_STRUCTURES, IPageLayout.LEFT, 0.30f, editor);
        IFolderLayout main = layout.createFolder("isocenter.main", IPageLayout.TOP, 0.95f, editor);
        main.addView(IsocenterUi.VIEW_IMAGE_VIEWER);
        main.addView(IsocenterUi.VIEW_MARGIN_POLICY);
        IFolderLayout bottom = layout.createFolder("isocenter.bottom", IPageLayout.BOTTOM, 0.62f,
                IsocenterUi.VIEW_STRUCTURES);
        bottom.addView(IsocenterUi.VIEW_PATIENT_BROWSER);
        bottom.addView(IsocenterUi.VIEW_PROGRESS);
        shortcuts(layout);
    }

    private static void shortcuts(IPageLayout layout) {
        layout.addShowViewShortcut(IsocenterUi.VIEW_PATIENT_BROWSER);
        layout.addShowViewShortcut(IsocenterUi.VIEW_IMAGE_VIEWER);
        layout.addShowViewShortcut(IsocenterUi.VIEW_STRUCTURES);
        layout.addShowViewShortcut(IsocenterUi.VIEW_PROGRESS);
        layout.addShowViewShortcut(IsocenterUi.VIEW_MARGIN_POLICY);
        layout.addPerspectiveShortcut(IsocenterUi.PERSPECTIVE_PLANNING);
        layout.addPerspectiveShortcut(IsocenterUi.PERSPECTIVE_CONTOURING);
        layout.addPerspectiveShortcut(IsocenterUi.PERSPECTIVE_REGISTRATION);
    }
}
