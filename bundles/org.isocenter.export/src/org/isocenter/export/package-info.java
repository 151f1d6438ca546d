/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Export to the linac: a plan's package (planning CT, structures, plan, DRRs, registrations), delivered by a {@link
 * org.isocenter.export.LinacExporter} (DICOM C-STORE, a folder, or a plug-in's; Declarative Services components),
 * verified by reading back and written to an append-only audit log. DRR geometry follows IEC 61217 (mm, degrees).
 */
package org.isocenter.export;
