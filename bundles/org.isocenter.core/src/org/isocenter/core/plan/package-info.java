/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * The treatment plan model read from RT Plan and RT Ion Plan: beams, control points (IEC 61217 angles in degrees,
 * isocenter in LPS mm), jaws (mm), fraction groups and the prescription (Gy).
 */
package org.isocenter.core.plan;
