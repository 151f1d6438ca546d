/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Contouring: exact margins (isotropic and per direction, mm), Boolean operations and rings between structures,
 * slice and cross-plane edits, conversion between masks and contours. Geometry in LPS mm, volumes in cc.
 */
package org.isocenter.contour;
