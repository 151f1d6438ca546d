/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal;

import java.util.List;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.isocenter.igrt.SetupError;
import org.isocenter.margin.AxisValues;

/** Per-patient set-up error from accepted fractions (patient axes, mm): mean and sample SD (n - 1) per axis. */
final class SetupErrors {

    private SetupErrors() {
    }

    static SetupError of(String patientId, List<AxisValues> errors) {
        SummaryStatistics lr = new SummaryStatistics(), ap = new SummaryStatistics(), si = new SummaryStatistics();
        for (AxisValues e : errors) {
            lr.addValue(e.lr());
            ap.addValue(e.ap());
            si.addValue(e.si());
        }
        int n = errors.size();
        AxisValues mean = n == 0 ? null : new AxisValues(lr.getMean(), ap.getMean(), si.getMean());
        AxisValues sd = n < 2 ? null
                : new AxisValues(lr.getStandardDeviation(), ap.getStandardDeviation(), si.getStandardDeviation());
        return new SetupError(patientId, n, mean, sd);
    }
}
