/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Patient identity (compared wherever data meet), patient position (HFS, FFS, HFP, FFP) and the IEC 61217
 * table-top axes in patient terms.
 */
package org.isocenter.core.patient;
