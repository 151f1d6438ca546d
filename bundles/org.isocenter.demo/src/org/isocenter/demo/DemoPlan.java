/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.demo;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.ControlPoint;
import org.isocenter.core.plan.FractionGroup;
import org.isocenter.core.plan.Jaws;
import org.isocenter.core.plan.PatientSetup;
import org.isocenter.core.plan.Prescription;
import org.isocenter.core.plan.RtPlan;

/**
 * The demo patient's treatment plan and dose: a 15 MV four-field box (gantry 0/90/180/270) isocentric on the
 * prostate CTV centre, MLC shaped to the CTV plus {@link #FIELD_MARGIN_MM}, 78 Gy in 39 fractions, two kV
 * setup fields (AP and left lateral). The dose is analytic, not computed by a dose engine: each opposed pair
 * gives half the prescription inside its field (logistic penumbra of {@link #PENUMBRA_MM}), zero outside the
 * body, on a 3 mm grid — enough for overlays, DVHs and export tests, not for clinical use.
 */
public final class DemoPlan {

    public static final String LABEL = "PROSTATE_4F";
    public static final double PRESCRIPTION_GY = 78;
    public static final int FRACTIONS = 39;
    public static final double FIELD_MARGIN_MM = 7;
    public static final double PENUMBRA_MM = 3;
    public static final double[] MLC_BOUNDARIES_MM = leafBoundaries();
    static final AnalyticShape.Ellipsoid CTV = (AnalyticShape.Ellipsoid) PelvisPhantom.CTV;

    /** Dose grid: 3 mm voxels over the body's width and the planning CT's length, in the planning frame. */
    public static final VolumeGeometry DOSE_GRID = VolumeGeometry.axial(118, 82, 82, 3, 3, 3,
            new Vector3(-175.5, -121.5, -20 - 121.5));

    private DemoPlan() {
    }

    /** 60 leaf pairs: 10 × 10 mm, 40 × 5 mm, 10 × 10 mm (a common 120-leaf MLC layout), centred on the axis. */
    private static double[] leafBoundaries() {
        double[] b = new double[61];
        b[0] = -200;
        for (int i = 1; i <= 60; i++) {
            b[i] = b[i - 1] + (i <= 10 || i > 50 ? 10 : 5);
        }
        return b;
    }

    /** The isocenter: the CTV centre, in planning-CT LPS mm. */
    public static Vector3 isocenterMm() {
        return CTV.centreMm();
    }

    /** Half-width of the CTV projection along the beam's X for a lateral (90/270) or AP/PA beam. */
    private static double halfWidthX(double gantryDeg) {
        return (gantryDeg % 180 == 0 ? CTV.a() : CTV.b()) + FIELD_MARGIN_MM;
    }

    /** MLC positions conforming to the CTV (ellipse in the beam's eye view) plus the margin; closed leaves at 0. */
    private static double[] leaves(double gantryDeg) {
        double wx = halfWidthX(gantryDeg), wy = CTV.c() + FIELD_MARGIN_MM;
        double[] pos = new double[120];
        for (int i = 0; i < 60; i++) {
            double lo = MLC_BOUNDARIES_MM[i], hi = MLC_BOUNDARIES_MM[i + 1];
            double y = lo > 0 ? lo : hi < 0 ? hi : 0; // the leaf's point nearest the axis: widest opening
            double w = Math.abs(y) < wy ? wx * Math.sqrt(1 - (y / wy) * (y / wy)) : 0;
            pos[i] = -w;
            pos[60 + i] = w;
        }
        return pos;
    }

    public static RtPlan plan(String structureSetUid) {
        List<Beam> beams = new ArrayList<>();
        List<FractionGroup.BeamMeterset> ms = new ArrayList<>();
        double[] gantry = { 0, 90, 180, 270 };
        String[] names = { "AP", "LLAT", "PA", "RLAT" };
        double wy = CTV.c() + FIELD_MARGIN_MM;
        for (int b = 0; b < 4; b++) {
            double wx = halfWidthX(gantry[b]);
            Jaws jaws = new Jaws(-Math.ceil(wx), Math.ceil(wx), -Math.ceil(wy), Math.ceil(wy));
            double[] leaves = leaves(gantry[b]);
            beams.add(new Beam(b + 1, names[b], "four-field box", "TREATMENT", "PHOTON", 15, "DEMO_LINAC", 1000, 1,
                    MLC_BOUNDARIES_MM, List.of(new ControlPoint(0, 0, gantry[b], 0, 0, isocenterMm(), jaws, leaves),
                            new ControlPoint(1, 1, gantry[b], 0, 0, isocenterMm(), jaws, leaves))));
            ms.add(new FractionGroup.BeamMeterset(b + 1, b % 2 == 0 ? 58 : 66, PRESCRIPTION_GY / FRACTIONS / 4));
        }
        Jaws setup = new Jaws(-100, 100, -100, 100);
        beams.add(new Beam(5, "SETUP_AP", "kV setup image", "SETUP", "PHOTON", 6, "DEMO_LINAC", 1000, 1, new double[0],
                List.of(new ControlPoint(0, 0, 0, 0, 0, isocenterMm(), setup, null),
                        new ControlPoint(1, 1, 0, 0, 0, isocenterMm(), setup, null))));
        beams.add(new Beam(6, "SETUP_LLAT", "kV setup image", "SETUP", "PHOTON", 6, "DEMO_LINAC", 1000, 1, new double[0],
                List.of(new ControlPoint(0, 0, 90, 0, 0, isocenterMm(), setup, null),
                        new ControlPoint(1, 1, 90, 0, 0, isocenterMm(), setup, null))));
        return new RtPlan(LABEL, "Prostate 78 Gy / 39 fx, 4-field box", DemoPatient.PATIENT, DemoPatient.PLANNING_FRAME_UID,
                structureSetUid, List.of(new Prescription(1, "CTV_Prostate", "TARGET", "VOLUME", 2, PRESCRIPTION_GY)),
                List.of(new FractionGroup(1, FRACTIONS, ms)), beams,
                List.of(new PatientSetup(1, PatientPosition.HFS, "ISOCENTRIC", 0, 0, 0)));
    }

    /** In-field factor of one axis: 1 inside the half-width, 0 outside, logistic penumbra between. */
    private static double field(double offsetMm, double halfWidthMm) {
        return 1 / (1 + Math.exp((Math.abs(offsetMm) - halfWidthMm) / (PENUMBRA_MM / 2)));
    }

    /** The analytic plan dose (Gy, whole course) in the planning frame. */
    public static DoseGrid dose(String planUid) {
        VolumeGeometry g = DOSE_GRID;
        float[] d = new float[g.voxelCount()];
        Vector3 iso = isocenterMm();
        double wy = CTV.c() + FIELD_MARGIN_MM;
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    Vector3 p = g.indexToPatient(i, j, k);
                    if (!PelvisPhantom.BODY.contains(p.x(), p.y(), p.z())) {
                        continue;
                    }
                    Vector3 r = p.minus(iso);
                    double sup = field(r.z(), wy);
                    double apPa = field(r.x(), halfWidthX(0)) * sup;
                    double lateral = field(r.y(), halfWidthX(90)) * sup;
                    d[g.linearIndex(i, j, k)] = (float) (PRESCRIPTION_GY * (apPa + lateral) / 2);
                }
            }
        }
        return new DoseGrid(g, d, "GY", "PLAN", "PHYSICAL", DemoPatient.PATIENT, DemoPatient.PLANNING_FRAME_UID, planUid);
    }
}
