/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.util.List;

/**
 * A clinic's or vendor's correction protocol, offered as an OSGi service (Declarative Services or
 * {@code registerService}) so that {@link CorrectionProtocols#parse} finds it by id next to the built-in ones
 * ("id" or "id:p1:p2..."). Shifts and corrections are set-up errors in mm per axis (LR, AP, SI).
 */
public interface CorrectionProtocolProvider {

    /** The id used in protocol specifications and site files (must not be a built-in id). */
    String id();

    /** One line for the user: what the protocol images and corrects, with its default parameters. */
    String description();

    /**
     * A protocol for the parameters that followed the id ("nal:3" gives ["3"]); fails with
     * IllegalArgumentException and a message on bad parameters.
     */
    CorrectionProtocol create(List<String> parameters);
}
