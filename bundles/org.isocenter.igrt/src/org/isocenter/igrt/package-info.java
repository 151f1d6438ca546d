/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Image-guided radiotherapy: the clinic's match protocol and its couch corrections (IEC 61217, mm and degrees), the
 * treatment course and its decisions in the record store (embedded H2 or PostgreSQL), trends, offline correction
 * protocols and adaptive rules with their alerts. The command line and the workbench compute every decision here.
 */
package org.isocenter.igrt;
