/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

/**
 * Helpers for contributions made as OSGi Declarative Services components: {@link
 * org.isocenter.core.services.Contributions} keeps the services a component's dynamic reference has bound, ranked by
 * {@code service.ranking}.
 */
package org.isocenter.core.services;
