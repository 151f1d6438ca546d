/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * The one-patient session: which patient is loaded, and the refusal of data of another patient or an unexpected Frame
 * of Reference.
 */
package org.isocenter.core.session;
