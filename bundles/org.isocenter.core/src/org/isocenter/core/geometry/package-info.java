/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Geometry in DICOM patient coordinates (LPS, mm): points and vectors ({@link org.isocenter.core.geometry.Vector3}),
 * image grids ({@link org.isocenter.core.geometry.VolumeGeometry}: index to patient and back) and rigid transforms
 * between two named Frames of Reference ({@link org.isocenter.core.geometry.RigidTransform}), which refuse to chain
 * across the wrong frame. Angles are in degrees where a name says {@code Deg}.
 */
package org.isocenter.core.geometry;
