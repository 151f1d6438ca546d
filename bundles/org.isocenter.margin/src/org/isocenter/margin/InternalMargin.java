/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.util.List;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.BinaryMask;

/**
 * Respiratory motion of a target from a 4D-CT, as masks of the target on each phase (same grid, equal time
 * weight per phase, patient LPS mm): the internal target volume (ITV, union over phases), the mid-ventilation
 * phase (the phase whose target centroid lies nearest the time-weighted mean position) and the peak-to-peak
 * amplitude per axis, turned into the random error that the mid-ventilation approach adds to the budget:
 * σ_resp ≈ A / 3 (Wolthaus et al., Int J Radiat Oncol Biol Phys 2008;70:1229-1238).
 */
public record InternalMargin(BinaryMask itv, int midVentilationPhase, Vector3 meanPositionMm, AxisValues amplitudeMm) {

    public static InternalMargin of(List<BinaryMask> phases) {
        if (phases.size() < 2) {
            throw new IllegalArgumentException("a 4D-CT needs at least 2 phases, got " + phases.size());
        }
        BinaryMask itv = phases.get(0);
        Vector3[] centroids = new Vector3[phases.size()];
        for (int p = 0; p < phases.size(); p++) {
            if (phases.get(p).isEmpty()) {
                throw new IllegalArgumentException("the target is empty on phase " + p);
            }
            centroids[p] = phases.get(p).centroidMm();
            itv = p == 0 ? itv : itv.union(phases.get(p)); // refuses masks on different grids
        }
        Vector3 mean = new Vector3(0, 0, 0);
        for (Vector3 c : centroids) {
            mean = mean.plus(c);
        }
        mean = mean.times(1.0 / centroids.length);
        int mid = 0;
        double[] min = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
        double[] max = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        for (int p = 0; p < centroids.length; p++) {
            if (centroids[p].minus(mean).norm() < centroids[mid].minus(mean).norm()) {
                mid = p;
            }
            double[] c = { centroids[p].x(), centroids[p].y(), centroids[p].z() };
            for (int a = 0; a < 3; a++) {
                min[a] = Math.min(min[a], c[a]);
                max[a] = Math.max(max[a], c[a]);
            }
        }
        return new InternalMargin(itv, mid, mean, new AxisValues(max[0] - min[0], max[1] - min[1], max[2] - min[2]));
    }

    /** The random error component of breathing for a mid-ventilation plan: A/3 per axis (mm). */
    public ErrorBudget.Component respiratoryRandomComponent() {
        return new ErrorBudget.Component("respiration (mid-ventilation, A/3)", amplitudeMm.times(1.0 / 3));
    }
}
