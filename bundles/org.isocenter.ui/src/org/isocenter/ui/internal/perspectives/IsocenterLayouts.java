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
        layout.addView(IsocenterUi.VIEW_PATIENT_BROWSER, IPageLayout.LEFT, 0.40f, editor);
        IFolderLayout bottom = layout.createFolder("isocenter.bottom", IPageLayout.BOTTOM, 0.72f,
                IsocenterUi.VIEW_PATIENT_BROWSER);
        bottom.addView(IsocenterUi.VIEW_PROGRESS);
        bottom.addView(IsocenterUi.VIEW_MARGIN_POLICY);
        layout.addView(IsocenterUi.VIEW_IMAGE_VIEWER, IPageLayout.RIGHT, 0.34f, IsocenterUi.VIEW_PATIENT_BROWSER);
        layout.addShowViewShortcut(IsocenterUi.VIEW_PATIENT_BROWSER);
        layout.addShowViewShortcut(IsocenterUi.VIEW_IMAGE_VIEWER);
        layout.addShowViewShortcut(IsocenterUi.VIEW_PROGRESS);
        layout.addShowViewShortcut(IsocenterUi.VIEW_MARGIN_POLICY);
        layout.addPerspectiveShortcut(IsocenterUi.PERSPECTIVE_PLANNING);
        layout.addPerspectiveShortcut(IsocenterUi.PERSPECTIVE_CONTOURING);
        layout.addPerspectiveShortcut(IsocenterUi.PERSPECTIVE_REGISTRATION);
    }
}
