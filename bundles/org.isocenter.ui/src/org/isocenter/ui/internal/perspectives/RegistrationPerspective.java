package org.isocenter.ui.internal.perspectives;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The Registration / IGRT perspective: Patient Browser left, image view centre, Progress view below. Later issues add views. */
public final class RegistrationPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        IsocenterLayouts.base(layout, false);
    }
}
