package org.isocenter.demo;

import org.isocenter.core.geometry.Vector3;

/**
 * One daily CBCT-like image of the demo patient and its known set-up error: the patient was displaced by
 * {@code translationMm} and rotated by {@code rotationDeg} (about patient x, y, z, applied x first, about the
 * CTV centre) relative to the planning position, expressed in the daily image's own frame. This is the
 * ground truth a registration must recover.
 */
public record DailyImageSpec(int fraction, String acquisitionDate, Vector3 translationMm, Vector3 rotationDeg) {
}
