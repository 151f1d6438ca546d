/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Safe saving: {@link org.isocenter.core.io.AtomicFiles} writes every file through a temporary file in the target's
 * folder, forces it to disk, verifies it and renames it into place; nothing half-written is ever left behind.
 */
package org.isocenter.core.io;
