/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.demo.DailyImageSpec;
import org.isocenter.demo.DemoPatient;
import org.isocenter.demo.PelvisPhantom;
import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.RtDoseReader;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.PatientRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo patient written as DICOM, read back by Isocenter, pydicom and dciodvfy. */
class DemoPatientDicomTest {

    @TempDir
    static Path tmp;
    static Path demo;

    @BeforeAll
    static void writeDemo() throws Exception {
        demo = tmp.resolve("demo");
        DemoPatient.generate(demo, ProgressMonitor.NONE);
    }

    private static List<Path> dicomFiles(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
    }

    @Test
    void scanFindsOnePatientWithPlanningCtStructuresAndTenDailyImages() throws Exception {
        DicomIndex index = new DicomFolderScanner().scan(demo, ProgressMonitor.NONE);
        assertEquals(List.of(), index.problems());
        assertEquals(List.of(demo.resolve(DemoPatient.TRUTH_FILE)), index.notDicom());
        assertEquals(1, index.patients().size());
        PatientRecord patient = index.patients().get(0);
        assertEquals("ISO-DEMO-001", patient.identity().patientId());
        assertEquals(1 + DemoPatient.allDailyImages().size(), patient.studies().size(), "planning and one per fraction");
        assertEquals(10, DemoPatient.allDailyImages().size());
        SeriesRecord ct = index.series(DemoPatient.PLANNING_SERIES_UID).orElseThrow();
        assertEquals(100, ct.instances().size());
        assertEquals(DemoPatient.PLANNING_FRAME_UID, ct.frameOfReferenceUid());
        SeriesRecord rs = index.allSeries().stream().filter(s -> s.modality().equals("RTSTRUCT")).findFirst().orElseThrow();
        assertEquals(List.of("BODY", "CTV_Prostate", "Bladder", "Rectum", "FemoralHead_R", "FemoralHead_L"), rs.roiNames());
        assertEquals(List.of(DemoPatient.PLANNING_SERIES_UID), rs.referencedSeriesUids());
        assertEquals(List.of(), rs.warnings());
        SeriesRecord plan = index.allSeries().stream().filter(s -> s.modality().equals("RTPLAN")).findFirst().orElseThrow();
        SeriesRecord dose = index.allSeries().stream().filter(s -> s.modality().equals("RTDOSE")).findFirst().orElseThrow();
        assertEquals(List.of(), plan.warnings());
        assertEquals(List.of(), dose.warnings());
        assertEquals(List.of(rs.instances().get(0).sopInstanceUid()), plan.referencedInstanceUids());
        assertEquals(List.of(plan.instances().get(0).sopInstanceUid()), dose.referencedInstanceUids());
        assertTrue(plan.summary().contains("6 beams") && plan.summary().contains("39 fractions")
                && plan.summary().contains("78 Gy"), plan.summary());
        for (DailyImageSpec spec : DemoPatient.allDailyImages()) {
            SeriesRecord daily = index.series(DemoPatient.dailySeriesUid(spec.fraction())).orElseThrow();
            assertEquals(64, daily.instances().size());
            assertNotEquals(DemoPatient.PLANNING_FRAME_UID, daily.frameOfReferenceUid());
        }
    }

    @Test
    void planningCtReadsBackVoxelForVoxelInAnyFileOrder() throws Exception {
        List<Path> files = new java.util.ArrayList<>(dicomFiles(demo.resolve(DemoPatient.CT_FOLDER)));
        java.util.Collections.shuffle(files, new java.util.Random(7));
        ImageVolume read = new ImageSeriesReader().read(files, ProgressMonitor.NONE);
        ImageVolume expected = DemoPatient.planningCt();
        VolumeGeometry g = read.geometry();
        assertEquals(256, g.sizeX());
        assertEquals(100, g.sizeZ());
        assertEquals(2.5, g.spacingZMm(), 1e-9);
        assertEquals(0, expected.geometry().originMm().distanceTo(g.originMm()), 1e-6);
        assertArrayEquals(expected.storedValues(), read.storedValues());
        assertEquals("PHANTOM^PELVIS", read.patient().patientName());
        // an analytic check that does not go through the generator's own arrays: bone at a femoral head centre
        Vector3 idx = g.patientToIndex(new Vector3(-95, 5, -15));
        assertEquals(700, read.valueAt((int) Math.round(idx.x()), (int) Math.round(idx.y()), (int) Math.round(idx.z())));
    }

    @Test
    void dailyImageShowsTheAnatomyMovedByItsKnownTransform() throws Exception {
        DailyImageSpec spec = DemoPatient.DAILY_IMAGES.get(2);
        ImageVolume daily = new ImageSeriesReader().read(dicomFiles(demo.resolve(DemoPatient.dailyFolder(3))),
                ProgressMonitor.NONE);
        assertEquals(DemoPatient.dailyFrameUid(3), daily.frameOfReferenceUid());
        Vector3 gasInPlanning = new Vector3(0, 45, -20); // centre of the rectal gas pocket
        Vector3 gasInDaily = DemoPatient.planningToDaily(spec).apply(gasInPlanning);
        assertTrue(meanAround(daily, gasInDaily) < -500, "gas must appear where the transform moves it");
        assertTrue(meanAround(daily, gasInPlanning) > -200, "gas must not stay at its planning position");
    }

    private static double meanAround(ImageVolume v, Vector3 p) {
        Vector3 c = v.geometry().patientToIndex(p);
        int ci = (int) Math.round(c.x()), cj = (int) Math.round(c.y()), ck = (int) Math.round(c.z());
        double sum = 0;
        int n = 0;
        for (int dj = -1; dj <= 1; dj++) {
            for (int di = -1; di <= 1; di++) {
                sum += v.valueAt(ci + di, cj + dj, ck);
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void structureSetReadsBackWithContoursOnTheCtSlices() throws Exception {
        StructureSet ss = new StructureSetReader().read(demo.resolve(DemoPatient.RTSTRUCT_FILE));
        assertEquals(DemoPatient.PLANNING_FRAME_UID, ss.frameOfReferenceUid());
        assertEquals(DemoPatient.PLANNING_SERIES_UID, ss.referencedSeriesInstanceUid());
        Roi ctv = ss.roi("CTV_Prostate").orElseThrow();
        assertEquals("CTV", ctv.interpretedType());
        assertArrayEquals(new int[] { 255, 0, 0 }, ctv.colorRgb());
        // CTV: ellipsoid centre z=-20, c=19 mm; slices every 2.5 mm from -123.75 => z in (-39, -1): 16 slices
        assertEquals(16, ctv.contours().size());
        // contour area of the ellipse cut (72-gon inscribed) vs analytic pi*a*b*(1 - t^2)
        double z = ctv.contours().get(8).pointsMm().get(0).z();
        double t = (z + 20) / 19, analytic = Math.PI * 21 * 17 * (1 - t * t);
        double polygon = Math.abs(ctv.contours().get(8).signedAxialAreaMm2());
        assertEquals(analytic, polygon, analytic * 0.005);
        assertEquals(PelvisPhantom.STRUCTURES.size(), ss.rois().size());
    }

    /**
     * Contour Data is read through a fast path for (Explicit and Implicit VR) Little Endian files and by PixelMed
     * otherwise: pydicom rewrites the demo RTSTRUCT as Implicit VR, as Explicit VR Big Endian (the ordinary path)
     * and with Contour Data spelt differently (exponents, padding): every point reads the same, and the same as
     * pydicom's own sum of all coordinates.
     */
    @Test
    void contourDataReadsTheSameInEveryEncodingAndAsPydicomReadsIt() throws Exception {
        Path rs = demo.resolve(DemoPatient.RTSTRUCT_FILE);
        StructureSet reference = new StructureSetReader().read(rs);
        String pySum = ExternalTools.pydicom("import pydicom,sys\n"
                + "d=pydicom.dcmread(sys.argv[1]); n=0; s=0.0\n"
                + "for rc in d.ROIContourSequence:\n"
                + "  for c in rc.ContourSequence:\n"
                + "    v=[float(x) for x in c.ContourData]; n+=len(v); s+=sum(v)\n"
                + "print(n, repr(s))", rs);
        long n = reference.rois().stream().mapToLong(r -> 3L * r.pointCount()).sum();
        double sum = reference.rois().stream().flatMap(r -> r.contours().stream()).flatMap(c -> c.pointsMm().stream())
                .mapToDouble(v -> v.x() + v.y() + v.z()).sum();
        assertEquals(Long.parseLong(pySum.split(" ")[0]), n);
        assertEquals(Double.parseDouble(pySum.split(" ")[1]), sum, 1e-6);
        String rewrite = "import pydicom,sys\n"
                + "from pydicom.uid import ImplicitVRLittleEndian, ExplicitVRBigEndian\n"
                + "d=pydicom.dcmread(sys.argv[1]); out=sys.argv[1][:-4]\n"
                + "def save(name, syntax, implicit, little):\n"
                + "  d.file_meta.TransferSyntaxUID=syntax; d.is_implicit_VR=implicit; d.is_little_endian=little\n"
                + "  d.save_as(out+name, write_like_original=False)\n"
                + "save('-implicit.dcm', ImplicitVRLittleEndian, True, True)\n"
                + "save('-bigendian.dcm', ExplicitVRBigEndian, False, False)\n"
                + "for rc in d.ROIContourSequence:\n"
                + "  for c in rc.ContourSequence:\n"
                + "    c.ContourData=[('%.6e' % float(x)).replace('e+00','') for x in c.ContourData]\n"
                + "save('-exponents.dcm', pydicom.uid.ExplicitVRLittleEndian, False, True)\n"
                + "print('ok')";
        assertEquals("ok", ExternalTools.pydicom(rewrite, rs));
        for (String variant : List.of("implicit", "bigendian", "exponents")) {
            Path file = demo.resolve(DemoPatient.RTSTRUCT_FILE.replace(".dcm", "-" + variant + ".dcm"));
            StructureSet again = new StructureSetReader().read(file);
            assertEquals(reference.rois().size(), again.rois().size(), variant);
            for (int r = 0; r < reference.rois().size(); r++) {
                List<org.isocenter.core.structure.Contour> a = reference.rois().get(r).contours(),
                        b = again.rois().get(r).contours();
                assertEquals(a.size(), b.size(), variant);
                for (int c = 0; c < a.size(); c++) {
                    assertEquals(a.get(c).pointsMm().size(), b.get(c).pointsMm().size(), variant);
                    for (int q = 0; q < a.get(c).pointsMm().size(); q++) {
                        assertEquals(0, a.get(c).pointsMm().get(q).distanceTo(b.get(c).pointsMm().get(q)), 1e-5,
                                variant + " roi " + r + " contour " + c + " point " + q);
                    }
                }
            }
            Files.delete(file);
        }
    }

    /**
     * A Contour Data value that is not a decimal string: the fast path steps aside and the file is refused with a
     * message naming it and the ROI (PixelMed drops the value, the point count is no longer a multiple of 3).
     */
    @Test
    void contourDataThatIsNoNumberIsRefusedNamingTheFileAndRoi() throws Exception {
        byte[] b = Files.readAllBytes(demo.resolve(DemoPatient.RTSTRUCT_FILE));
        int p = -1;
        for (int i = 0; i + 6 < b.length && p < 0; i++) { // (3006,0050) DS, Explicit VR Little Endian
            if (b[i] == 0x06 && b[i + 1] == 0x30 && b[i + 2] == 0x50 && b[i + 3] == 0 && b[i + 4] == 'D' && b[i + 5] == 'S') {
                p = i;
            }
        }
        assertTrue(p > 0, "a Contour Data element in the demo RTSTRUCT");
        b[p + 8 + 2] = 'x'; // inside the first value
        Path bad = tmp.resolve("RS_bad_contour_data.dcm");
        Files.write(bad, b);
        var e = assertThrows(org.isocenter.dicom.io.DicomReadException.class, () -> new StructureSetReader().read(bad));
        assertTrue(e.getMessage().contains("RS_bad_contour_data.dcm") && e.getMessage().contains("ROI '"), e.getMessage());
        Files.delete(bad);
    }

    @Test
    void planIsocenterIsTheCtvCentreAndTheDoseCoversTheCtvAtThePrescription() throws Exception {
        RtPlan plan = new RtPlanReader().read(demo.resolve(DemoPatient.RTPLAN_FILE));
        DoseGrid dose = new RtDoseReader().read(demo.resolve(DemoPatient.RTDOSE_FILE));
        Vector3 ctvCentre = ((org.isocenter.demo.AnalyticShape.Ellipsoid) PelvisPhantom.CTV).centreMm();
        for (Beam b : plan.beams()) {
            assertEquals(ctvCentre, b.isocenterMm());
        }
        assertEquals(DemoPatient.PLANNING_FRAME_UID, dose.frameOfReferenceUid());
        // at the isocenter both opposed pairs are fully open: the full prescription (within one 16-bit step)
        Vector3 idx = dose.geometry().patientToIndex(ctvCentre);
        double atIso = dose.doseAt((int) Math.round(idx.x()), (int) Math.round(idx.y()), (int) Math.round(idx.z()));
        assertEquals(78.0, atIso, 0.5);
        // 60 mm anterior of the isocenter only the AP-PA pair reaches: half the prescription
        Vector3 ant = dose.geometry().patientToIndex(ctvCentre.plus(new Vector3(0, -60, 0)));
        assertEquals(39.0, dose.doseAt((int) Math.round(ant.x()), (int) Math.round(ant.y()), (int) Math.round(ant.z())), 0.5);
        assertEquals(78.0, dose.max(), 0.5);
    }

    @Test
    void everyWrittenObjectTypePassesDciodvfy() throws Exception {
        Path ctSlice = dicomFiles(demo.resolve(DemoPatient.CT_FOLDER)).get(50);
        Path cbctSlice = dicomFiles(demo.resolve(DemoPatient.dailyFolder(1))).get(10);
        Path rs = demo.resolve(DemoPatient.RTSTRUCT_FILE);
        for (Path f : List.of(ctSlice, cbctSlice, rs, demo.resolve(DemoPatient.RTPLAN_FILE), demo.resolve(DemoPatient.RTDOSE_FILE))) {
            assertEquals(List.of(), ExternalTools.dciodvfyErrors(f), "dciodvfy errors in " + f);
        }
    }

    @Test
    void pydicomReadsTheSameValuesFromCtAndStructureSet() throws Exception {
        Path ctSlice = dicomFiles(demo.resolve(DemoPatient.CT_FOLDER)).get(40);
        String ct = ExternalTools.pydicom("""
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1])
                hu = d.pixel_array.astype(float) * float(d.RescaleSlope) + float(d.RescaleIntercept)
                print(d.PatientID, d.Rows, d.Columns, *[float(v) for v in d.ImagePositionPatient], int(hu[128, 128]), int(hu[5, 5]))
                """, ctSlice);
        ImageVolume expected = DemoPatient.planningCt();
        Vector3 ipp = expected.geometry().indexToPatient(0, 0, 40);
        assertEquals(String.format(java.util.Locale.ROOT, "ISO-DEMO-001 256 256 %s %s %s %d %d", ipp.x(), ipp.y(),
                ipp.z(), (int) expected.valueAt(128, 128, 40), (int) expected.valueAt(5, 5, 40)), ct);

        String rs = ExternalTools.pydicom("""
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1])
                names = [r.ROIName for r in d.StructureSetROISequence]
                ctv = [c for c in d.ROIContourSequence if c.ReferencedROINumber == 2][0]
                print(','.join(names), len(ctv.ContourSequence), ctv.ContourSequence[0].NumberOfContourPoints)
                """, demo.resolve(DemoPatient.RTSTRUCT_FILE));
        assertEquals("BODY,CTV_Prostate,Bladder,Rectum,FemoralHead_R,FemoralHead_L 16 72", rs);
    }

    @Test
    void generationIsDeterministic() throws Exception {
        Path again = tmp.resolve("again");
        DemoPatient.generate(again, ProgressMonitor.NONE);
        for (String f : List.of(DemoPatient.RTSTRUCT_FILE, DemoPatient.dailyFolder(2) + "/CT_0030.dcm",
                DemoPatient.CT_FOLDER + "/CT_0050.dcm", DemoPatient.TRUTH_FILE)) {
            assertArrayEquals(Files.readAllBytes(demo.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
    }
}
