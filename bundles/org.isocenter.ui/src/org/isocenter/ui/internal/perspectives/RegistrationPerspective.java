/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.perspectives;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The Registration / IGRT perspective: the image viewer (fusion, auto match, couch correction) large, the Patient
 * Browser, Margin Policy and Progress as tabs of a narrow left column.
 */
public final class RegistrationPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        IsocenterLayouts.registration(layout);
    }
}
