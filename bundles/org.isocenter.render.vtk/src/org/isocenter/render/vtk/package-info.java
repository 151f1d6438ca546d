/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * 3D rendering with VTK (needs a display): surfaces of structures and bone, in DICOM patient coordinates (LPS, mm).
 */
package org.isocenter.render.vtk;
