/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * The built-in demo patient: an analytic pelvis phantom (planning CT, structures, plan, dose) and daily CBCTs with
 * known set-up errors, written as DICOM; the truths (transforms in LPS mm, volumes in cc) are known exactly, for tests
 * and benchmarks.
 */
package org.isocenter.demo;
