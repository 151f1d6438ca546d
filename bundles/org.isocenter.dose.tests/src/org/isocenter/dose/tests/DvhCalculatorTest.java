/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dose.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.progress.CancelledException;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dose.DoseVolumeHistogram;
import org.isocenter.dose.DvhCalculator;
import org.isocenter.dose.tests.AnalyticPhantoms.Field;
import org.isocenter.dose.tests.AnalyticPhantoms.Shape;
import org.isocenter.dose.tests.AnalyticPhantoms.Truth;
import org.junit.jupiter.api.Test;

/**
 * The calculator's contract beyond accuracy: refusals (Frame of Reference, patient, empty or unknown structure), a
 * structure partly outside the dose grid flagged with the exact outside volume, V(x Gy) and D(x cc), relative dose,
 * holes, single-slice structures, tilted dose grids, reproducibility across thread counts, progress and cancellation.
 */
class DvhCalculatorTest {

    static final Vector3 C = AnalyticDvhTest.C;
    static final Field Z_GRADIENT = (x, y, z) -> 40 + (z - C.z());
    static final Shape SPHERE = AnalyticPhantoms.sphere("PTV", C, 20, 2);

    static DoseGrid doseAroundSphere(Field f) {
        return AnalyticDvhTest.doseGrid(SPHERE, 2.5, f);
    }

    @Test
    void refusesAStructureSetInAnotherFrameOfReferenceOrOfAnotherPatient() {
        StructureSet set = AnalyticPhantoms.structureSet(SPHERE.roi(1));
        VolumeGeometry g = AnalyticPhantoms.gridAround(C, 30, 3);
        DoseGrid otherFrame = AnalyticPhantoms.dose(g, Z_GRADIENT, "GY", AnalyticPhantoms.PATIENT, "2.25.999");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DvhCalculator().calculate(set, "PTV", otherFrame, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("Frame of Reference " + AnalyticPhantoms.FRAME)
                && e.getMessage().contains("2.25.999"), e.getMessage());

        DoseGrid otherPatient = AnalyticPhantoms.dose(g, Z_GRADIENT, "GY",
                new PatientIdentity("DVH-002", "OTHER^PATIENT", "", "F"), AnalyticPhantoms.FRAME);
        e = assertThrows(IllegalArgumentException.class,
                () -> new DvhCalculator().calculate(set, "PTV", otherPatient, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("different patients") && e.getMessage().contains("Patient ID 'DVH-001' vs "
                + "'DVH-002'"), e.getMessage());
    }

    @Test
    void refusesEmptyAndUnknownStructuresWithAMessage() {
        Roi empty = new Roi(2, "Empty", new int[] { 0, 0, 255 }, "ORGAN", List.of());
        Roi marker = new Roi(3, "Marker", new int[] { 0, 0, 255 }, "MARKER",
                List.of(new Contour(ContourGeometry.POINT, List.of(C))));
        StructureSet set = AnalyticPhantoms.structureSet(SPHERE.roi(1), empty, marker);
        DoseGrid dose = doseAroundSphere(Z_GRADIENT);
        DvhCalculator calc = new DvhCalculator();
        String m = assertThrows(IllegalArgumentException.class,
                () -> calc.calculate(set, "Empty", dose, ProgressMonitor.NONE)).getMessage();
        assertTrue(m.contains("'Empty' has no closed planar axial contour") && m.contains("it is empty"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> calc.calculate(set, "Marker", dose, ProgressMonitor.NONE)).getMessage();
        assertTrue(m.contains("1 contour(s), none usable"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> calc.calculate(set, "Bladder", dose, ProgressMonitor.NONE)).getMessage();
        assertTrue(m.contains("no structure 'Bladder'") && m.contains("PTV, Empty, Marker"), m);
    }

    @Test
    void refusesSettingsThatWouldExhaustMemoryOrTime() {
        StructureSet set = AnalyticPhantoms.structureSet(SPHERE.roi(1));
        DoseGrid dose = doseAroundSphere(Z_GRADIENT);
        String m = assertThrows(IllegalArgumentException.class, () -> new DvhCalculator().withBinWidth(1e-6)
                .calculate(set, "PTV", dose, ProgressMonitor.NONE)).getMessage();
        assertTrue(m.contains("choose a wider bin"), m);
        m = assertThrows(IllegalArgumentException.class, () -> new DvhCalculator().withInPlaneStepMm(0.001)
                .calculate(set, "PTV", dose, ProgressMonitor.NONE)).getMessage();
        assertTrue(m.contains("choose a larger step"), m);
        assertThrows(IllegalArgumentException.class, () -> new DvhCalculator().withBinWidth(-1));
        assertThrows(IllegalArgumentException.class, () -> new DvhCalculator().withInPlaneStepMm(0));
        assertThrows(IllegalArgumentException.class, () -> new DvhCalculator().withThreads(0));
    }

    /**
     * The dose grid ends at the sphere's equator (its last voxel centre half a voxel below it): the upper half's
     * exact volume is reported outside and flagged; the DVH is that of the lower half, checked against the lower
     * half's own closed form.
     */
    @Test
    void aStructurePartlyOutsideTheDoseGridIsFlaggedWithTheExactVolumeOutside() {
        double s = 2.5;
        int n = 24;
        Vector3 origin = new Vector3(C.x() - (n - 1) / 2.0 * s, C.y() - (n - 1) / 2.0 * s, C.z() - s / 2 - (n - 1) * s);
        DoseGrid dose = AnalyticPhantoms.dose(VolumeGeometry.axial(n, n, n, s, s, s, origin), Z_GRADIENT);
        DoseVolumeHistogram dvh = new DvhCalculator().calculate(AnalyticPhantoms.structureSet(SPHERE.roi(1)), "PTV", dose,
                ProgressMonitor.NONE);
        Shape lower = new Shape("lower half", SPHERE.cx(), SPHERE.cy(), Arrays.copyOf(SPHERE.z(), 10),
                Arrays.copyOf(SPHERE.radius(), 10), SPHERE.thickness(), SPHERE.points());
        assertTrue(dvh.partlyOutsideDoseGrid());
        assertEquals(SPHERE.volumeCc() / 2, dvh.outsideDoseGridCc(), 1e-9);
        assertEquals(SPHERE.volumeCc() / 2, dvh.volumeCc(), 1e-9);
        assertEquals(SPHERE.volumeCc(), dvh.structureVolumeCc(), 1e-9);
        assertTrue(dvh.warnings().get(0).contains("16.769 cc (50.00 %) of 'PTV' lies outside the dose grid"),
                dvh.warnings().toString());
        Truth t = AnalyticPhantoms.linearZ(lower, 40, 1, C.z());
        assertEquals(t.meanDose(), dvh.meanDose(), 0.005 * t.meanDose());
        assertEquals(t.doseAtPercent(95), dvh.doseAtVolumePercent(95), 0.01 * t.doseAtPercent(95));
        assertEquals(100, dvh.volumePercentAtDose(0), 1e-9, "percentages are of the part inside");

        // cut in x at the sphere's centre plane: the exact clipped polygon areas lie outside
        Vector3 left = new Vector3(C.x() + s / 2 - n * s, C.y() - (n - 1) / 2.0 * s, C.z() - (n - 1) / 2.0 * s);
        DoseGrid leftHalf = AnalyticPhantoms.dose(VolumeGeometry.axial(n, n, n, s, s, s, left), Z_GRADIENT);
        DoseVolumeHistogram cut = new DvhCalculator().calculate(AnalyticPhantoms.structureSet(SPHERE.roi(1)), "PTV",
                leftHalf, ProgressMonitor.NONE);
        double outside = 0;
        for (int k = 0; k < SPHERE.z().length; k++) {
            outside += SPHERE.clippedAreaAndMoment(k, C.x())[0] * SPHERE.thickness() / 1000;
        }
        assertEquals(outside, cut.outsideDoseGridCc(), 1e-9 * outside);
        assertTrue(cut.partlyOutsideDoseGrid());

        // entirely outside
        DoseGrid far = AnalyticPhantoms.dose(VolumeGeometry.axial(4, 4, 4, s, s, s, C.plus(new Vector3(0, 0, 100))),
                Z_GRADIENT);
        String m = assertThrows(IllegalArgumentException.class, () -> new DvhCalculator()
                .calculate(AnalyticPhantoms.structureSet(SPHERE.roi(1)), "PTV", far, ProgressMonitor.NONE)).getMessage();
        assertTrue(m.contains("lies entirely outside the dose grid"), m);
    }

    @Test
    void volumeAtDoseInCcAndPercentAndDoseAtVolumeInCc() {
        DoseVolumeHistogram dvh = new DvhCalculator().calculate(AnalyticPhantoms.structureSet(SPHERE.roi(1)), "PTV",
                doseAroundSphere(Z_GRADIENT), ProgressMonitor.NONE);
        Truth t = AnalyticPhantoms.linearZ(SPHERE, 40, 1, C.z());
        assertEquals(50, dvh.volumePercentAtDose(40), 0.01, "the slabs are symmetric about the 40 Gy plane");
        for (double gy : new double[] { 22, 30, 45, 55, 59 }) {
            double cc = dvh.volumeCcAtDose(gy);
            assertEquals(t.volumeAtLeastCc(gy), cc, 0.005 * t.volumeAtLeastCc(gy) + 1e-4, "V" + gy + "Gy");
            assertEquals(100 * cc / dvh.volumeCc(), dvh.volumePercentAtDose(gy), 1e-9);
        }
        assertEquals(dvh.volumeCc(), dvh.volumeCcAtDose(0), 1e-12);
        assertEquals(0, dvh.volumeCcAtDose(61), 1e-12);
        for (double cc : new double[] { 0.5, 1, 2 }) {
            double truth = t.doseAtPercent(100 * cc / SPHERE.volumeCc());
            assertEquals(truth, dvh.doseAtVolumeCc(cc), 0.01 * truth, "D" + cc + "cc");
        }
        assertEquals(dvh.maxDose(), dvh.doseAtVolumePercent(0));
        assertEquals(dvh.minDose(), dvh.doseAtVolumePercent(100));
        assertEquals(0.01, dvh.binWidth());
        double[] cumulative = dvh.cumulativeCc(), differential = dvh.differentialCc();
        assertEquals(differential.length + 1, cumulative.length);
        assertEquals(dvh.volumeCc(), Arrays.stream(differential).sum(), 1e-9);
        assertEquals(0, cumulative[cumulative.length - 1]);
        assertEquals(100, dvh.cumulativePercent()[0], 1e-9);
        for (int b = 1; b < cumulative.length; b++) {
            assertTrue(cumulative[b] <= cumulative[b - 1]);
        }
        assertThrows(IllegalArgumentException.class, () -> dvh.doseAtVolumePercent(101));
    }

    @Test
    void relativeDoseIsSaidAndBinnedByTheMaximum() {
        DoseGrid dose = AnalyticPhantoms.dose(AnalyticPhantoms.gridAround(C, 26, 2.5), (x, y, z) -> 0.5 + (z - C.z()) / 100,
                "RELATIVE", AnalyticPhantoms.PATIENT, AnalyticPhantoms.FRAME);
        DoseVolumeHistogram dvh = new DvhCalculator().calculate(AnalyticPhantoms.structureSet(SPHERE.roi(1)), "PTV", dose,
                ProgressMonitor.NONE);
        assertTrue(dvh.isRelativeDose());
        assertEquals("RELATIVE", dvh.doseUnits());
        assertTrue(dvh.warnings().stream().anyMatch(w -> w.contains("RELATIVE units: doses are relative, not Gy")),
                dvh.warnings().toString());
        assertEquals(dose.max() / DvhCalculator.MAX_DEFAULT_BINS, dvh.binWidth(), 1e-15);
        assertEquals(0.5, dvh.meanDose(), 1e-6);
        assertEquals(0.5, dvh.doseAtVolumePercent(50), 1e-4);
    }

    /** Two contours per slice, the inner one a hole (even-odd): in a radial in-plane field. */
    @Test
    void anInnerContourIsAHole() {
        Shape outer = AnalyticPhantoms.cylinder("ring", C, 20, 30, 2.5), inner = AnalyticPhantoms.cylinder("hole", C, 8, 30,
                2.5);
        List<Contour> contours = new ArrayList<>(outer.roi(1).contours());
        contours.addAll(inner.roi(1).contours());
        Roi ring = new Roi(1, "ring", new int[] { 0, 255, 0 }, "ORGAN", contours);
        Field radial = (x, y, z) -> 70 - 1.5 * Math.hypot(x - C.x(), y - C.y());
        DoseGrid dose = AnalyticDvhTest.doseGrid(outer, 2.5, radial);
        DoseVolumeHistogram dvh = new DvhCalculator().calculate(AnalyticPhantoms.structureSet(ring), "ring", dose,
                ProgressMonitor.NONE);
        assertEquals(outer.volumeCc() - inner.volumeCc(), dvh.volumeCc(), 1e-9);
        Truth to = AnalyticPhantoms.radial(outer, C.z(), true, r -> 70 - 1.5 * r, d -> (70 - d) / 1.5);
        Truth ti = AnalyticPhantoms.radial(inner, C.z(), true, r -> 70 - 1.5 * r, d -> (70 - d) / 1.5);
        double mean = (to.meanDose() * outer.volumeCc() - ti.meanDose() * inner.volumeCc())
                / (outer.volumeCc() - inner.volumeCc());
        // the cone's kink at the axis lies in the hole; elsewhere trilinear interpolation of r is within 0.1 Gy
        assertEquals(mean, dvh.meanDose(), 0.005 * mean);
        assertTrue(dvh.maxDose() < 70 - 1.5 * 8 + 0.5, "nothing from the hole: max " + dvh.maxDose());
    }

    /**
     * Concave stars with thin spikes, an island and slivers thinner than a quarter step (which the middle rows of
     * their bands miss) on every slice: the volume is the shoelace area × thickness exactly, and a uniform dose stays
     * uniform.
     */
    @Test
    void concaveAndMultiPartContoursKeepTheirExactArea() {
        List<Contour> contours = new ArrayList<>();
        double expectedMm3 = 0, t = 2.5;
        for (int k = 0; k < 8; k++) {
            double z = C.z() + k * t;
            int spikes = 5 + k;
            List<Vector3> star = new ArrayList<>(), island = new ArrayList<>();
            for (int p = 0; p < 2 * spikes; p++) {
                double a = Math.PI * p / spikes + 0.1 * k, r = p % 2 == 0 ? 18 + k : 4;
                star.add(new Vector3(C.x() + r * Math.cos(a), C.y() + r * Math.sin(a), z));
            }
            for (int p = 0; p < 7; p++) { // a heptagon well away from the star
                double a = 2 * Math.PI * p / 7;
                island.add(new Vector3(C.x() + 40 + 3 * Math.cos(a), C.y() - 5 + 6 * Math.sin(a), z));
            }
            contours.add(new Contour(ContourGeometry.CLOSED_PLANAR, star));
            contours.add(new Contour(ContourGeometry.CLOSED_PLANAR, island));
            expectedMm3 += (Math.abs(shoelace(star)) + Math.abs(shoelace(island))) * t;
            for (int q = 0; q < 6; q++) { // slivers 0.2 mm high, 3 mm wide, at y steps that are not multiples of a step
                double y = C.y() - 20 + 7.37 * q;
                List<Vector3> sliver = List.of(new Vector3(C.x() - 40, y, z), new Vector3(C.x() - 37, y, z),
                        new Vector3(C.x() - 38, y + 0.2, z));
                contours.add(new Contour(ContourGeometry.CLOSED_PLANAR, sliver));
                expectedMm3 += Math.abs(shoelace(sliver)) * t;
            }
        }
        Roi roi = new Roi(1, "STARS", new int[] { 255, 255, 0 }, "ORGAN", contours);
        DoseGrid dose = AnalyticPhantoms.dose(AnalyticPhantoms.gridAround(C.plus(new Vector3(0, 0, 10)), 50, 3),
                (x, y, z) -> 12.5);
        DoseVolumeHistogram dvh = new DvhCalculator().calculate(AnalyticPhantoms.structureSet(roi), "STARS", dose,
                ProgressMonitor.NONE);
        assertEquals(expectedMm3 / 1000, dvh.volumeCc(), 1e-9 * expectedMm3);
        assertEquals(12.5, dvh.meanDose(), 1e-5);
        assertEquals(12.5, dvh.doseAtVolumePercent(95), 0.01);
        assertEquals(100, dvh.volumePercentAtDose(12.49), 1e-9);
    }

    /** Signed area (mm²) of an axial polygon by the shoelace formula. */
    static double shoelace(List<Vector3> p) {
        double a = 0;
        for (int i = 0, j = p.size() - 1; i < p.size(); j = i++) {
            a += p.get(j).x() * p.get(i).y() - p.get(i).x() * p.get(j).y();
        }
        return a / 2;
    }

    @Test
    void aSingleContourIsASlabAsThickAsTheDoseGridsSliceSpacingAndSaysSo() {
        Shape one = new Shape("ONE", C.x(), C.y(), new double[] { C.z() }, new double[] { 10 }, 3, 128);
        DoseGrid dose = AnalyticPhantoms.dose(AnalyticPhantoms.gridAround(C, 20, 3), Z_GRADIENT);
        DoseVolumeHistogram dvh = new DvhCalculator().calculate(AnalyticPhantoms.structureSet(one.roi(1)), "ONE", dose,
                ProgressMonitor.NONE);
        assertEquals(one.volumeCc(), dvh.volumeCc(), 1e-9, "area × 3 mm");
        assertTrue(dvh.warnings().get(0).contains("contoured on one slice only: taken as a slab 3.00 mm thick"),
                dvh.warnings().toString());
        DoseVolumeHistogram thin = new DvhCalculator().withSingleSliceThicknessMm(1).calculate(
                AnalyticPhantoms.structureSet(one.roi(1)), "ONE", dose, ProgressMonitor.NONE);
        assertEquals(one.volumeCc() / 3, thin.volumeCc(), 1e-9);
    }

    /**
     * Dose grids tilted against the patient axes (20° about an oblique axis) and rotated in the axial plane (30°
     * about z): a linear field is still interpolated exactly, so the sphere's z-gradient DVH must hold.
     */
    @Test
    void tiltedAndRotatedDoseGridsGiveTheSameDvh() {
        Truth t = AnalyticPhantoms.linearZ(SPHERE, 40, 1, C.z());
        for (double[] axisAndAngle : new double[][] { { 1, 1, 0, 20 }, { 0, 0, 1, 30 } }) {
            Vector3[] d = rotated(new Vector3(axisAndAngle[0], axisAndAngle[1], axisAndAngle[2]).normalized(),
                    Math.toRadians(axisAndAngle[3]));
            int n = 30;
            double s = 2.5;
            Vector3 origin = C.minus(d[0].times((n - 1) / 2.0 * s)).minus(d[1].times((n - 1) / 2.0 * s))
                    .minus(d[2].times((n - 1) / 2.0 * s)).plus(new Vector3(0.4, -0.3, 0.2));
            VolumeGeometry g = new VolumeGeometry(n, n, n, s, s, s, origin, d[0], d[1], d[2]);
            DoseVolumeHistogram dvh = new DvhCalculator().calculate(AnalyticPhantoms.structureSet(SPHERE.roi(1)), "PTV",
                    AnalyticPhantoms.dose(g, Z_GRADIENT), ProgressMonitor.NONE);
            assertFalse(dvh.partlyOutsideDoseGrid());
            assertEquals(SPHERE.volumeCc(), dvh.volumeCc(), 1e-9);
            assertEquals(t.meanDose(), dvh.meanDose(), 0.005 * t.meanDose());
            for (double p : new double[] { 98, 95, 50, 2 }) {
                assertEquals(t.doseAtPercent(p), dvh.doseAtVolumePercent(p), 0.01 * t.doseAtPercent(p), "D" + p);
            }
        }
    }

    /** Rows of the rotation by {@code angle} about {@code axis} applied to the patient axes (Rodrigues). */
    static Vector3[] rotated(Vector3 axis, double angle) {
        Vector3[] out = new Vector3[3];
        Vector3[] e = { new Vector3(1, 0, 0), new Vector3(0, 1, 0), new Vector3(0, 0, 1) };
        for (int i = 0; i < 3; i++) {
            Vector3 v = e[i];
            out[i] = v.times(Math.cos(angle)).plus(axis.cross(v).times(Math.sin(angle)))
                    .plus(axis.times(axis.dot(v) * (1 - Math.cos(angle))));
        }
        return out;
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        StructureSet set = AnalyticPhantoms.structureSet(SPHERE.roi(1));
        DoseGrid dose = doseAroundSphere((x, y, z) -> 40 + 0.7 * (x - C.x()) + 0.4 * (z - C.z()));
        DoseVolumeHistogram one = new DvhCalculator().withThreads(1).calculate(set, "PTV", dose, ProgressMonitor.NONE);
        for (int threads : new int[] { 2, 3 }) {
            DoseVolumeHistogram many = new DvhCalculator().withThreads(threads).calculate(set, "PTV", dose,
                    ProgressMonitor.NONE);
            assertArrayEquals(one.differentialCc(), many.differentialCc());
            assertEquals(one.meanDose(), many.meanDose(), 0.0);
            assertEquals(one.volumeCc(), many.volumeCc(), 0.0);
        }
    }

    @Test
    void reportsProgressPerSlabAndStopsWhenCancelled() {
        StructureSet set = AnalyticPhantoms.structureSet(SPHERE.roi(1));
        DoseGrid dose = doseAroundSphere(Z_GRADIENT);
        AtomicInteger total = new AtomicInteger(), worked = new AtomicInteger();
        ProgressMonitor counting = new ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
                assertTrue(task.contains("PTV"));
                total.set(totalWork);
            }

            @Override
            public void worked(int work) {
                worked.addAndGet(work);
            }

            @Override
            public void subTask(String name) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        new DvhCalculator().calculate(set, "PTV", dose, counting);
        assertEquals(SPHERE.z().length, total.get());
        assertEquals(SPHERE.z().length, worked.get());

        ProgressMonitor cancelled = new ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
            }

            @Override
            public void worked(int work) {
            }

            @Override
            public void subTask(String name) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        for (int threads : new int[] { 1, 2 }) {
            assertThrows(CancelledException.class,
                    () -> new DvhCalculator().withThreads(threads).calculate(set, "PTV", dose, cancelled));
        }
    }

    @Test
    void contoursThatAreNotClosedPlanarAxialAreLeftOutWithAWarning() {
        List<Contour> contours = new ArrayList<>(SPHERE.roi(1).contours());
        contours.add(new Contour(ContourGeometry.OPEN_PLANAR, List.of(C, C.plus(new Vector3(5, 0, 0)),
                C.plus(new Vector3(5, 5, 0)))));
        Roi roi = new Roi(1, "PTV", new int[] { 255, 0, 0 }, "PTV", contours);
        DoseVolumeHistogram dvh = new DvhCalculator().calculate(AnalyticPhantoms.structureSet(roi), "PTV",
                doseAroundSphere(Z_GRADIENT), ProgressMonitor.NONE);
        assertEquals(SPHERE.volumeCc(), dvh.volumeCc(), 1e-9);
        assertTrue(dvh.warnings().get(0).startsWith("1 contour(s) of 'PTV' are not closed planar axial"),
                dvh.warnings().toString());
    }
}
