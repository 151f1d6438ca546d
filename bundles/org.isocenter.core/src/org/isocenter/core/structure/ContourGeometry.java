/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.structure;

/** DICOM Contour Geometric Type (3006,0042) of a {@link Contour}. */
public enum ContourGeometry {
    /** A closed polygon in one plane; the last point connects to the first. */
    CLOSED_PLANAR,
    /** An open polyline in one plane. */
    OPEN_PLANAR,
    /** An open polyline not confined to a plane. */
    OPEN_NONPLANAR,
    /** A single point (e.g. a marker or isocentre). */
    POINT
}
