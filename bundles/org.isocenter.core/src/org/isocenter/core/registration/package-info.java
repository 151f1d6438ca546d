/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Spatial registrations between two Frames of Reference (the model of a DICOM Spatial Registration object): a
 * rigid transform in LPS mm with the frames it maps.
 */
package org.isocenter.core.registration;
