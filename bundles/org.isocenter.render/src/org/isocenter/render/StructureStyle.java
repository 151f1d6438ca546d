/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

/** How structure cross-sections are drawn: hidden, outlined in the ROI colour, or filled translucent with outline. */
public enum StructureStyle {
    HIDDEN, OUTLINE, FILLED
}
