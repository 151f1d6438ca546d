/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.perspectives;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The Contouring perspective: the Structures view (list, commands, save) left above the Patient Browser and Progress
 * view, the image viewer with its drawing tools right.
 */
public final class ContouringPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        IsocenterLayouts.contouring(layout);
    }
}
