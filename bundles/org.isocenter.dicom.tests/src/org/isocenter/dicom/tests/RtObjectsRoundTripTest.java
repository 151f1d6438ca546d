/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.RtImage;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.ControlPoint;
import org.isocenter.core.plan.FractionGroup;
import org.isocenter.core.plan.Jaws;
import org.isocenter.core.plan.PatientSetup;
import org.isocenter.core.plan.Prescription;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.dicom.io.DicomUids;
import org.isocenter.dicom.io.DicomWriteException;
import org.isocenter.dicom.io.RtDoseReader;
import org.isocenter.dicom.io.RtDoseWriter;
import org.isocenter.dicom.io.RtImageReader;
import org.isocenter.dicom.io.RtImageWriter;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.dicom.io.RtPlanWriter;
import org.isocenter.dicom.io.SeriesAttributes;
import org.isocenter.dicom.io.SpatialRegistrationReader;
import org.isocenter.dicom.io.SpatialRegistrationWriter;
import org.isocenter.dicom.io.WrittenObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RT Plan, RT Dose (16 and 32 bit), Spatial Registration and RT Image: written by Isocenter, validated by
 * dciodvfy, read back by Isocenter and by pydicom with the same content.
 */
class RtObjectsRoundTripTest {

    static final PatientIdentity PATIENT = new PatientIdentity("RT-042", "Müller^Jürgen", "19571203", "M");
    static final SeriesAttributes ATTRS = new SeriesAttributes("20261121", "093000", "7", "Prostate IGRT", 3, "Isocenter");
    static final String STUDY = DicomUids.derived("test", "study");
    static final String FRAME = DicomUids.derived("test", "frame");
    static final Vector3 ISO = new Vector3(1.5, -20.25, 35);

    @TempDir
    Path tmp;

    static RtPlan plan() {
        double[] bounds = new double[61];
        for (int i = 0; i <= 60; i++) {
            bounds[i] = i < 10 ? -200 + i * 10 : i < 50 ? -100 + (i - 10) * 5 : 100 + (i - 50) * 10;
        }
        double[] leaves = new double[120];
        for (int i = 0; i < 60; i++) {
            leaves[i] = -20 - i % 7;
            leaves[60 + i] = 30 + i % 5;
        }
        List<Beam> beams = new ArrayList<>();
        for (int b = 1; b <= 4; b++) {
            List<ControlPoint> cps = List.of(
                    new ControlPoint(0, 0, (b - 1) * 90.0, 10, 0, ISO, new Jaws(-50, 60, -70, 80), leaves),
                    new ControlPoint(1, 1, (b - 1) * 90.0, 10, 0, ISO, new Jaws(-50, 60, -70, 80), leaves));
            beams.add(new Beam(b, "Box " + b, "", "TREATMENT", "PHOTON", 15, "LINAC_1", 1000, 1, bounds, cps));
        }
        List<ControlPoint> arc = new ArrayList<>();
        for (int i = 0; i <= 18; i++) {
            arc.add(new ControlPoint(i, i / 18.0, (181 + i * 20) % 360, 30, 0, ISO, new Jaws(-50, 50, -50, 50), leaves));
        }
        beams.add(new Beam(5, "Arc CW", "", "TREATMENT", "PHOTON", 6, "LINAC_1", 1000, 1, bounds, arc));
        beams.add(new Beam(6, "Setup AP", "", "SETUP", "PHOTON", 6, "LINAC_1", 1000, 2, new double[0],
                List.of(new ControlPoint(0, 0, 0, 0, 0, ISO, new Jaws(-100, 100, -100, 100), null),
                        new ControlPoint(1, 1, 0, 0, 0, ISO, new Jaws(-100, 100, -100, 100), null))));
        List<FractionGroup.BeamMeterset> ms = List.of(new FractionGroup.BeamMeterset(1, 51.2, 0.5),
                new FractionGroup.BeamMeterset(2, 60, 0.5), new FractionGroup.BeamMeterset(3, 61.5, 0.5),
                new FractionGroup.BeamMeterset(4, 55, 0.5), new FractionGroup.BeamMeterset(5, 220.7, Double.NaN));
        return new RtPlan("PROST_78", "Prostate 78 Gy / 39", PATIENT, FRAME, DicomUids.derived("test", "rtstruct"),
                List.of(new Prescription(1, "PTV 78", "TARGET", "VOLUME", 3, 78)),
                List.of(new FractionGroup(1, 39, ms)), beams,
                List.of(new PatientSetup(1, PatientPosition.HFS, "ISOCENTRIC", -1.5, 2.0, 0.5),
                        new PatientSetup(2, PatientPosition.FFS, "ISOCENTRIC", 0, 0, 0)));
    }

    @Test
    void rtPlanRoundTripsThroughDciodvfyPydicomAndIsocenter() throws Exception {
        RtPlan plan = plan();
        WrittenObject w = new RtPlanWriter().write(plan, STUDY, ATTRS, "Plan", tmp.resolve("plan.dcm"));
        assertEquals(List.of(), ExternalTools.dciodvfyErrors(w.file()));
        RtPlan back = new RtPlanReader().read(w.file());
        assertEquals(plan.label(), back.label());
        assertEquals(PATIENT, back.patient());
        assertEquals(78, back.prescriptions().get(0).targetPrescriptionDoseGy(), 1e-9);
        assertEquals(39, back.fractionGroups().get(0).fractionsPlanned());
        assertEquals(plan.beams().size(), back.beams().size());
        for (Beam b : plan.beams()) {
            Beam r = back.beam(b.number()).orElseThrow();
            assertEquals(b.name(), r.name());
            assertEquals(b.deliveryType(), r.deliveryType());
            assertEquals(b.nominalEnergy(), r.nominalEnergy(), 1e-9);
            assertEquals(b.referencedPatientSetupNumber(), r.referencedPatientSetupNumber());
            assertEquals(b.controlPoints().size(), r.controlPoints().size());
            assertArrayEquals(b.mlcLeafBoundariesMm(), r.mlcLeafBoundariesMm(), 1e-9);
            for (int i = 0; i < b.controlPoints().size(); i++) {
                ControlPoint e = b.controlPoints().get(i), a = r.controlPoints().get(i);
                assertEquals(e.gantryDeg(), a.gantryDeg(), 1e-9, "beam " + b.number() + " cp " + i + " gantry");
                assertEquals(e.collimatorDeg(), a.collimatorDeg(), 1e-9);
                assertEquals(e.jaws(), a.jaws());
                assertArrayEquals(e.mlcLeafPositionsMm(), a.mlcLeafPositionsMm(), 1e-9);
                assertEquals(e.isocenterMm(), a.isocenterMm());
                assertEquals(e.cumulativeMetersetWeight(), a.cumulativeMetersetWeight(), 1e-9);
            }
            assertEquals(plan.metersetMu(b.number()), back.metersetMu(b.number()), 1e-9);
        }
        assertEquals(plan.patientSetups(), back.patientSetups());

        String py = ExternalTools.pydicom("import sys, pydicom\n"
                + "d = pydicom.dcmread(sys.argv[1])\n"
                + "print(d.PatientName, d.RTPlanLabel, d.FractionGroupSequence[0].NumberOfFractionsPlanned)\n"
                + "print(' '.join(f'{b.BeamNumber}:{float(b.ControlPointSequence[0].GantryAngle):g}:{b.ControlPointSequence[0].GantryRotationDirection}:{b.NumberOfControlPoints}' for b in d.BeamSequence))\n"
                + "print(' '.join(f'{r.ReferencedBeamNumber}:{float(r.BeamMeterset):g}' for r in d.FractionGroupSequence[0].ReferencedBeamSequence))\n"
                + "print(' '.join(f'{float(v):g}' for v in d.BeamSequence[0].ControlPointSequence[0].IsocenterPosition))\n"
                + "print(d.PatientSetupSequence[0].PatientPosition, float(d.PatientSetupSequence[0].TableTopVerticalSetupDisplacement))\n",
                w.file());
        String[] lines = py.split("\n");
        assertEquals("Müller^Jürgen PROST_78 39", lines[0]);
        assertEquals("1:0:NONE:2 2:90:NONE:2 3:180:NONE:2 4:270:NONE:2 5:181:CW:19 6:0:NONE:2", lines[1]);
        assertEquals("1:51.2 2:60 3:61.5 4:55 5:220.7", lines[2]);
        assertEquals("1.5 -20.25 35", lines[3]);
        assertEquals("HFS -1.5", lines[4]);
    }

    @Test
    void rtPlanWithDanglingReferencesIsRefusedByTheModel() {
        RtPlan p = plan();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RtPlan(p.label(), p.name(),
                p.patient(), p.frameOfReferenceUid(), "", p.prescriptions(),
                List.of(new FractionGroup(1, 39, List.of(new FractionGroup.BeamMeterset(9, 10, 0.1)))), p.beams(),
                p.patientSetups()));
        assertTrue(e.getMessage().contains("beam 9"), e.getMessage());
    }

    static DoseGrid dose(String planUid) {
        VolumeGeometry g = VolumeGeometry.axial(41, 33, 21, 2.5, 2.5, 3, new Vector3(-50, -40, -30));
        float[] d = new float[g.voxelCount()];
        // a smooth analytic dose: 80 Gy peak, Gaussian falloff (sigma 20 mm) around the isocenter
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    double r2 = g.indexToPatient(i, j, k).minus(ISO).dot(g.indexToPatient(i, j, k).minus(ISO));
                    d[g.linearIndex(i, j, k)] = (float) (80 * Math.exp(-r2 / (2 * 400)));
                }
            }
        }
        return new DoseGrid(g, d, "GY", "PLAN", "PHYSICAL", PATIENT, FRAME, planUid);
    }

    @Test
    void rtDose16And32BitRoundTripWithinOneScalingStep() throws Exception {
        DoseGrid dose = dose(DicomUids.derived("test", "plan"));
        for (int bits : new int[] { 16, 32 }) {
            WrittenObject w = new RtDoseWriter().write(dose, STUDY, ATTRS, "Dose", bits, tmp.resolve("dose" + bits + ".dcm"));
            if (bits == 16) {
                // dciodvfy asserts (crashes) on any 32-bit RT Dose: a dicom3tools limitation, so 32-bit is checked by pydicom
                assertEquals(List.of(), ExternalTools.dciodvfyErrors(w.file()));
            }
            DoseGrid back = new RtDoseReader().read(w.file());
            double step = dose.max() / (bits == 16 ? 65535.0 : 4294967295.0) * 1.001;
            float[] a = dose.values(), b = back.values();
            double worst = 0;
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - b[i]));
            }
            assertTrue(worst <= step / 2 + 1e-5, bits + "-bit worst error " + worst + " Gy, step " + step);
            assertEquals(dose.geometry().originMm(), back.geometry().originMm());
            assertEquals(3.0, back.geometry().spacingZMm(), 1e-9);
            assertEquals("PLAN", back.summationType());
            assertEquals(dose.referencedPlanUid(), back.referencedPlanUid());
            String py = ExternalTools.pydicom("import sys, pydicom\n"
                    + "d = pydicom.dcmread(sys.argv[1])\n"
                    + "a = d.pixel_array * float(d.DoseGridScaling)\n"
                    + "print(d.BitsAllocated, a.shape, f'{a.max():.4f}', f'{a[10, 16, 20]:.4f}', [float(v) for v in d.GridFrameOffsetVector[:3]])\n",
                    w.file());
            assertEquals(bits + " (21, 33, 41) " + String.format(java.util.Locale.ROOT, "%.4f %.4f", back.max(),
                    back.doseAt(20, 16, 10)) + " [0.0, 3.0, 6.0]", py);
        }
    }

    @Test
    void negativeDoseIsRefused() {
        DoseGrid d = dose("1.2.3");
        d.values()[5] = -0.1f;
        assertThrows(DicomWriteException.class,
                () -> new RtDoseWriter().write(d, STUDY, ATTRS, "Dose", 16, tmp.resolve("neg.dcm")));
        assertTrue(Files.notExists(tmp.resolve("neg.dcm")));
    }

    @Test
    void spatialRegistrationRoundTripsTheMatrix() throws Exception {
        String cbctFrame = DicomUids.derived("test", "cbct-frame");
        RigidTransform t = RigidTransform.fromEulerDegrees(cbctFrame, FRAME, 1.0, -2.0, 3.0, ISO, new Vector3(3, -4, 5));
        SpatialRegistration reg = new SpatialRegistration(PATIENT, FRAME, "CBCT match", "bony match fraction 1", List.of(t));
        WrittenObject w = new SpatialRegistrationWriter().write(reg, STUDY, List.of(), ATTRS, "Registration",
                tmp.resolve("reg.dcm"));
        assertEquals(List.of(), ExternalTools.dciodvfyErrors(w.file()));
        SpatialRegistration back = new SpatialRegistrationReader().read(w.file());
        RigidTransform r = back.transformFrom(cbctFrame).orElseThrow();
        assertArrayEquals(t.toRowMajorArray(), r.toRowMajorArray(), 1e-9);
        Vector3 p = new Vector3(10, 20, 30);
        assertEquals(0, t.apply(p).minus(r.apply(p)).norm(), 1e-6);
        String py = ExternalTools.pydicom("import sys, pydicom, numpy as np\n"
                + "d = pydicom.dcmread(sys.argv[1])\n"
                + "it = d.RegistrationSequence[0]\n"
                + "m = np.array([float(v) for v in it.MatrixRegistrationSequence[0].MatrixSequence[0].FrameOfReferenceTransformationMatrix]).reshape(4, 4)\n"
                + "p = m @ np.array([10, 20, 30, 1.0])\n"
                + "print(it.FrameOfReferenceUID == '" + cbctFrame + "', d.FrameOfReferenceUID == '" + FRAME + "', ' '.join(f'{v:.4f}' for v in p[:3]))\n",
                w.file());
        Vector3 q = t.apply(p);
        assertEquals(String.format(java.util.Locale.ROOT, "True True %.4f %.4f %.4f", q.x(), q.y(), q.z()), py);
    }

    @Test
    void rtImageRoundTripsPixelsAndGeometry() throws Exception {
        int rows = 48, cols = 64;
        int[] px = new int[rows * cols];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 37) % 65536;
        }
        RtImage image = new RtImage(PATIENT, FRAME, "DRR Box 1", "reference image", "WSD", rows, cols, px,
                new double[] { 0.8, 0.8 }, new double[] { -25.2, 18.8 }, 1500, 1000, 90, 10, 0, ISO, PatientPosition.HFS,
                DicomUids.derived("test", "plan"), 1);
        WrittenObject w = new RtImageWriter().write(image, STUDY, ATTRS, "DRR", tmp.resolve("drr.dcm"));
        assertEquals(List.of(), ExternalTools.dciodvfyErrors(w.file()));
        RtImage back = new RtImageReader().read(w.file());
        assertArrayEquals(px, back.pixels());
        assertEquals(1500, back.sourceToImageDistanceMm(), 1e-9);
        assertEquals(90, back.gantryDeg(), 1e-9);
        assertEquals(1, back.referencedBeamNumber());
        assertArrayEquals(new double[] { -25.2, 18.8 }, back.imagePositionMm(), 1e-9);
        long sum = 0;
        for (int v : px) {
            sum += v;
        }
        String py = ExternalTools.pydicom("import sys, pydicom\n"
                + "d = pydicom.dcmread(sys.argv[1])\n"
                + "print(int(d.pixel_array.astype('i8').sum()), d.pixel_array.shape, float(d.RTImageSID), d.ImageType[2], d.RTImageLabel)\n",
                w.file());
        assertEquals(sum + " (48, 64) 1500.0 DRR DRR Box 1", py);
    }
}
