package org.isocenter.ui.internal.perspectives;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The Contouring perspective: Patient Browser left, image view centre, Progress view below. Later issues add views. */
public final class ContouringPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        IsocenterLayouts.base(layout);
    }
}
