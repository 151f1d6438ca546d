/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * An example vendor plug-in: a registration algorithm ({@link org.isocenter.examples.vendor.BoneCentroidRegistration},
 * translations in LPS mm), a headless command and a view, contributed as Declarative Services components and
 * {@code plugin.xml} extensions. See docs/writing-a-plug-in.md.
 */
package org.isocenter.examples.vendor;
