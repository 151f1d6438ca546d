package org.isocenter.render;

/**
 * The three orthogonal planes of a multi-planar reconstruction of an axis-aligned volume. Rendered images
 * are in radiological display convention: axial seen from the feet (patient right on the image left,
 * anterior up), coronal seen from the front (patient right on the left, superior up), sagittal seen from
 * the patient's left (anterior on the left, superior up).
 */
public enum SlicePlane {
    AXIAL, CORONAL, SAGITTAL
}
