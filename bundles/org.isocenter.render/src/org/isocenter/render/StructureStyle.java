package org.isocenter.render;

/** How structure cross-sections are drawn: hidden, outlined in the ROI colour, or filled translucent with outline. */
public enum StructureStyle {
    HIDDEN, OUTLINE, FILLED
}
