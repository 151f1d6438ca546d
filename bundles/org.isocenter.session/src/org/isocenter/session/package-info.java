/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * The working session: the loaded patient and its plan context, and one resolver that finds the structure set, plan
 * and dose that belong to an image series, for every front end.
 */
package org.isocenter.session;
