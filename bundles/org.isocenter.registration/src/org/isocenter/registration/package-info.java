/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Registration of a daily image to the planning CT: {@link org.isocenter.registration.RegistrationAlgorithm} services
 * (the shipped rigid intensity match, and plug-ins'), regions, landmark registration, and couch corrections in IEC
 * 61217 table-top terms (mm, degrees). Transforms map the planning CT's frame into the daily image's (LPS mm).
 */
package org.isocenter.registration;
