/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.demo;

import java.util.List;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.demo.AnalyticShape.Ellipsoid;
import org.isocenter.demo.AnalyticShape.EllipticCylinder;

/**
 * The demo patient's anatomy: a synthetic male pelvis built from analytic shapes in the planning CT's
 * patient frame (LPS mm; +x patient left, +y posterior, +z superior; origin at the body's centre). Tissues
 * are painted in list order, later ones over earlier ones, with fixed Hounsfield units. Structures
 * (BODY, CTV, bladder, rectum, femoral heads) are the same shapes, so their exact volumes are known.
 */
public final class PelvisPhantom {

    /** A tissue region with its CT number (HU). */
    public record Tissue(String name, AnalyticShape shape, short hu) {
    }

    /** A delineated structure: DICOM ROI name, RT ROI Interpreted Type, colour and analytic shape. */
    public record Structure(String name, String interpretedType, int[] colorRgb, AnalyticShape shape) {
    }

    public static final double BODY_HALF_LENGTH_MM = 200;

    /** The body's posterior (and anterior) extent from its axis, mm. */
    public static final double BODY_AP_SEMI_AXIS_MM = 120;
    public static final AnalyticShape BODY = new EllipticCylinder(new Vector3(0, 0, 0), 175, BODY_AP_SEMI_AXIS_MM,
            -BODY_HALF_LENGTH_MM, BODY_HALF_LENGTH_MM);
    private static final AnalyticShape MUSCLE = new EllipticCylinder(new Vector3(0, 0, 0), 160, 106,
            -BODY_HALF_LENGTH_MM, BODY_HALF_LENGTH_MM);
    public static final AnalyticShape CTV = new Ellipsoid(new Vector3(0, 8, -20), 21, 17, 19);
    public static final AnalyticShape BLADDER = new Ellipsoid(new Vector3(0, -14, 22), 36, 28, 24);
    public static final AnalyticShape RECTUM = new EllipticCylinder(new Vector3(0, 44, 0), 17, 14, -85, 35);
    private static final AnalyticShape RECTAL_GAS = new EllipticCylinder(new Vector3(0, 45, 0), 7, 5, -60, 20);
    public static final AnalyticShape FEMORAL_HEAD_R = new Ellipsoid(new Vector3(-95, 5, -15), 25, 25, 25);
    public static final AnalyticShape FEMORAL_HEAD_L = new Ellipsoid(new Vector3(95, 5, -15), 25, 25, 25);
    private static final AnalyticShape FEMUR_SHAFT_R = new EllipticCylinder(new Vector3(-112, 8, 0), 15, 15, -200, -30);
    private static final AnalyticShape FEMUR_SHAFT_L = new EllipticCylinder(new Vector3(112, 8, 0), 15, 15, -200, -30);
    private static final AnalyticShape PUBIC_SYMPHYSIS = new Ellipsoid(new Vector3(0, -72, -32), 30, 11, 20);
    private static final AnalyticShape SACRUM = new EllipticCylinder(new Vector3(0, 88, 0), 38, 16, -5, 200);
    private static final AnalyticShape ILIUM_R = new Ellipsoid(new Vector3(-105, 25, 70), 18, 55, 65);
    private static final AnalyticShape ILIUM_L = new Ellipsoid(new Vector3(105, 25, 70), 18, 55, 65);

    public static final List<Tissue> TISSUES = List.of(
            new Tissue("fat", BODY, (short) -90),
            new Tissue("muscle", MUSCLE, (short) 40),
            new Tissue("bladder", BLADDER, (short) 12),
            new Tissue("rectal wall", RECTUM, (short) 35),
            new Tissue("rectal gas", RECTAL_GAS, (short) -800),
            new Tissue("prostate", CTV, (short) 48),
            new Tissue("femoral head R", FEMORAL_HEAD_R, (short) 700),
            new Tissue("femoral head L", FEMORAL_HEAD_L, (short) 700),
            new Tissue("femur R", FEMUR_SHAFT_R, (short) 900),
            new Tissue("femur L", FEMUR_SHAFT_L, (short) 900),
            new Tissue("pubic symphysis", PUBIC_SYMPHYSIS, (short) 650),
            new Tissue("sacrum", SACRUM, (short) 600),
            new Tissue("ilium R", ILIUM_R, (short) 550),
            new Tissue("ilium L", ILIUM_L, (short) 550));

    public static final List<Structure> STRUCTURES = List.of(
            new Structure("BODY", "EXTERNAL", new int[] { 0, 200, 0 }, BODY),
            new Structure("CTV_Prostate", "CTV", new int[] { 255, 0, 0 }, CTV),
            new Structure("Bladder", "ORGAN", new int[] { 255, 220, 0 }, BLADDER),
            new Structure("Rectum", "ORGAN", new int[] { 150, 75, 0 }, RECTUM),
            new Structure("FemoralHead_R", "ORGAN", new int[] { 0, 160, 255 }, FEMORAL_HEAD_R),
            new Structure("FemoralHead_L", "ORGAN", new int[] { 0, 100, 255 }, FEMORAL_HEAD_L));

    /** Air outside the body. */
    public static final short AIR_HU = -1000;

    private PelvisPhantom() {
    }

    /** The tissues that move with filling (prostate, bladder, rectum) against the bones. */
    private static final java.util.Set<AnalyticShape> SOFT_ORGANS = java.util.Set.of(CTV, BLADDER, RECTUM, RECTAL_GAS);

    /**
     * CT number (HU) at a point of the planning frame (LPS mm) of a changed anatomy: no tissue posterior of the
     * planning outline minus {@code posteriorLossMm} (y > semi-axis - loss), and the prostate, bladder and rectum
     * moved by {@code softShiftMm}.
     */
    public static short huAt(double x, double y, double z, double posteriorLossMm, Vector3 softShiftMm) {
        if (posteriorLossMm > 0 && y > BODY_AP_SEMI_AXIS_MM - posteriorLossMm) {
            return AIR_HU;
        }
        short hu = AIR_HU;
        for (Tissue t : TISSUES) {
            boolean inside = SOFT_ORGANS.contains(t.shape())
                    ? t.shape().contains(x - softShiftMm.x(), y - softShiftMm.y(), z - softShiftMm.z())
                    : t.shape().contains(x, y, z);
            if (inside) {
                hu = t.hu();
            }
        }
        return hu;
    }

    /** CT number (HU) at a point of the planning frame (LPS mm). */
    public static short huAt(double x, double y, double z) {
        short hu = AIR_HU;
        for (Tissue t : TISSUES) {
            if (t.shape().contains(x, y, z)) {
                hu = t.hu();
            }
        }
        return hu;
    }
}
