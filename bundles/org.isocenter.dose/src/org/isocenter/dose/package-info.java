/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Dose review: dose-volume histograms of structures on an RT Dose grid (Gy, cc or %) and dose metrics such as D95,
 * V20Gy and mean dose.
 */
package org.isocenter.dose;
