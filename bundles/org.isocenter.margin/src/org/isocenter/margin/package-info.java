/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Margin policy: population statistics of set-up errors (Σ, σ in mm per axis), CTV-to-PTV margin recipes, correction
 * protocols (online, NAL, eNAL, SAL) and their simulation; recipes and protocols can be contributed as Declarative
 * Services components.
 */
package org.isocenter.margin;
