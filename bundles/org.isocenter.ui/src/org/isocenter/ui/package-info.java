/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * The Isocenter workbench's public identifiers: plug-in, perspective, view and command ids for contributions that
 * extend the workbench.
 */
package org.isocenter.ui;
