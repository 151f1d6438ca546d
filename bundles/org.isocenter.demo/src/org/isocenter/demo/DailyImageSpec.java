/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.demo;

import org.isocenter.core.geometry.Vector3;

/**
 * One daily CBCT-like image of the demo patient and its known truth: the patient was displaced by
 * {@code translationMm} and rotated by {@code rotationDeg} (about patient x, y, z, applied x first, about the
 * CTV centre) relative to the planning position, expressed in the daily image's own frame — the ground truth a
 * registration must recover. Anatomy changes, in the planning frame (LPS mm): {@code posteriorLossMm} of tissue lost
 * at the posterior body surface (weight loss: the body ends {@code posteriorLossMm} before its planning outline), and
 * {@code softTissueShiftMm}, how far the prostate, bladder and rectum moved against the bones (filling).
 */
public record DailyImageSpec(int fraction, String acquisitionDate, Vector3 translationMm, Vector3 rotationDeg,
        double posteriorLossMm, Vector3 softTissueShiftMm) {

    /** A rigid set-up error only: no anatomy change. */
    public DailyImageSpec(int fraction, String acquisitionDate, Vector3 translationMm, Vector3 rotationDeg) {
        this(fraction, acquisitionDate, translationMm, rotationDeg, 0, new Vector3(0, 0, 0));
    }
}
