/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.internal.ElementStructure;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.RtDoseReader;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.scan.DicomFolderScanner;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.FileProblem;
import org.isocenter.dicom.scan.PatientRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What other planning systems write: RT Ion Plans, files without preamble and File Meta Information, truncated
 * objects, a Modality that contradicts the SOP Class, series that mix sizes or studies. Fixtures are written by
 * pydicom (an independent writer) in the set-up, or taken from the files Debian's pydicom ships.
 */
class RealWorldDicomTest {

    static final Path PYDICOM_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    static Path tmp;
    static Path demo;

    @BeforeAll
    static void writeDemo() throws Exception {
        demo = tmp.resolve("demo");
        DemoPatient.generate(demo, ProgressMonitor.NONE);
    }

    private static void python(String script, Object... args) throws Exception {
        ExternalTools.python(script, args);
    }

    /** An RT Ion Plan as proton planning systems write it: Ion Beam Sequence, Ion Control Points, VSAD. */
    static final String ION_PLAN = """
            import sys
            import pydicom
            from pydicom.dataset import Dataset, FileMetaDataset
            from pydicom.sequence import Sequence
            from pydicom.uid import ExplicitVRLittleEndian, generate_uid
            ds = Dataset()
            ds.SOPClassUID = '1.2.840.10008.5.1.4.1.1.481.8'
            ds.SOPInstanceUID = generate_uid()
            ds.Modality = 'RTPLAN'
            ds.PatientID = 'ION-1'; ds.PatientName = 'PROTON^TEST'; ds.PatientBirthDate = ''; ds.PatientSex = 'F'
            ds.StudyInstanceUID = generate_uid(); ds.SeriesInstanceUID = generate_uid(); ds.StudyDate = '20260101'
            ds.FrameOfReferenceUID = generate_uid()
            ds.RTPlanLabel = 'PBS_2F'; ds.RTPlanName = 'PBS'
            setup = Dataset(); setup.PatientSetupNumber = 1; setup.PatientPosition = 'HFS'
            ds.PatientSetupSequence = Sequence([setup])
            fg = Dataset(); fg.FractionGroupNumber = 1; fg.NumberOfFractionsPlanned = 30
            refs = []
            beams = []
            for number, gantry in ((1, 90.0), (2, 270.0)):
                r = Dataset(); r.ReferencedBeamNumber = number; r.BeamMeterset = 120.5; refs.append(r)
                b = Dataset(); b.BeamNumber = number; b.BeamName = 'F%d' % number; b.BeamType = 'STATIC'
                b.RadiationType = 'PROTON'; b.TreatmentDeliveryType = 'TREATMENT'; b.TreatmentMachineName = 'GTR1'
                b.ScanMode = 'MODULATED'; b.VirtualSourceAxisDistances = [2000.0, 1800.0]
                b.ReferencedPatientSetupNumber = 1; b.NumberOfControlPoints = 2
                cps = []
                for i, energy in enumerate((150.2, 140.0)):
                    cp = Dataset(); cp.ControlPointIndex = i; cp.NominalBeamEnergy = energy
                    cp.CumulativeMetersetWeight = float(i)
                    if i == 0:
                        cp.GantryAngle = gantry; cp.BeamLimitingDeviceAngle = 0; cp.PatientSupportAngle = 0
                        cp.IsocenterPosition = [1.5, -20.0, 35.0]
                    cps.append(cp)
                b.IonControlPointSequence = Sequence(cps)
                beams.append(b)
            fg.ReferencedBeamSequence = Sequence(refs); fg.NumberOfBeams = 2
            ds.FractionGroupSequence = Sequence([fg])
            ds.IonBeamSequence = Sequence(beams)
            meta = FileMetaDataset(); meta.MediaStorageSOPClassUID = ds.SOPClassUID
            meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID; meta.TransferSyntaxUID = ExplicitVRLittleEndian
            ds.file_meta = meta
            ds.is_little_endian = True; ds.is_implicit_VR = False
            ds.save_as(sys.argv[1], write_like_original=False)
            """;

    @Test
    void rtIonPlansAreReadWithTheirBeams() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("ion"));
        Path file = folder.resolve("ionplan.dcm");
        python(ION_PLAN, file);
        RtPlan plan = new RtPlanReader().read(file);
        assertEquals(2, plan.beams().size());
        Beam b1 = plan.beams().get(0);
        assertEquals("PROTON", b1.radiationType());
        assertEquals(150.2, b1.nominalEnergy(), 1e-9, "nominal energy (MeV) of the first ion control point");
        assertEquals(1900, b1.sourceAxisDistanceMm(), 1e-9, "mean of the two virtual source-axis distances");
        assertEquals(90, b1.gantryDeg(), 1e-9);
        assertEquals(270, plan.beams().get(1).gantryDeg(), 1e-9);
        assertArrayEquals(new double[] { 1.5, -20, 35 },
                new double[] { b1.isocenterMm().x(), b1.isocenterMm().y(), b1.isocenterMm().z() }, 1e-9);
        SeriesRecord s = new DicomFolderScanner().scan(folder, ProgressMonitor.NONE).allSeries().get(0);
        assertEquals("RTPLAN", s.modality());
        assertEquals("ion plan 'PBS_2F': 2 beams (PROTON, gantry 90/270 deg), 30 fractions, no prescription dose",
                s.summary());
    }

    @Test
    void anIonBeamWithoutVirtualSourceAxisDistancesIsRefusedByName() throws Exception {
        Path file = tmp.resolve("ion-novsad.dcm");
        python(ION_PLAN.replace("b.VirtualSourceAxisDistances = [2000.0, 1800.0]", "pass"), file);
        DicomReadException e = assertThrows(DicomReadException.class, () -> new RtPlanReader().read(file));
        assertTrue(e.getMessage().contains("Virtual Source-Axis Distances"), e.getMessage());
    }

    @Test
    void anRtDoseWithoutPreambleAndFileMetaIsIndexedAndReadLikeTheOriginal() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("nometa"));
        Path file = folder.resolve("dose");
        python("""
                import sys, pydicom
                from pydicom.filewriter import write_dataset
                from pydicom.filebase import DicomFileLike
                ds = pydicom.dcmread(sys.argv[1])
                with open(sys.argv[2], 'wb') as f:
                    fp = DicomFileLike(f); fp.is_little_endian = True; fp.is_implicit_VR = True
                    write_dataset(fp, ds)
                """, demo.resolve("RTDOSE_planning.dcm"), file);
        assertFalse(new String(Files.readAllBytes(file), 128, 4, java.nio.charset.StandardCharsets.ISO_8859_1)
                .equals("DICM"), "the fixture has no preamble");
        DicomIndex index = new DicomFolderScanner().scan(folder, ProgressMonitor.NONE);
        assertEquals(List.of(), index.problems());
        assertEquals("RTDOSE", index.allSeries().get(0).modality());
        DoseGrid original = new RtDoseReader().read(demo.resolve("RTDOSE_planning.dcm"));
        DoseGrid copy = new RtDoseReader().read(file);
        assertEquals(original.geometry().toString(), copy.geometry().toString());
        assertArrayEquals(original.values(), copy.values(), 0f);
    }

    @Test
    void truncatedRtObjectsAreProblemsNeverShorterObjects() throws Exception {
        // pydicom's truncated RT Plan: PixelMed alone reads it as a plan without beams
        Path folder = Files.createDirectories(tmp.resolve("truncated"));
        Files.copy(PYDICOM_FILES.resolve("rtplan_truncated.dcm"), folder.resolve("rtplan_truncated.dcm"));
        // the demo structure set cut at 15 places inside its contour data
        byte[] ss = Files.readAllBytes(demo.resolve("RTSTRUCT_planning.dcm"));
        for (int k = 1; k <= 15; k++) {
            int cut = (int) (ss.length * (0.2 + 0.79 * k / 15.0));
            Files.write(folder.resolve("ss-" + k + ".dcm"), Arrays.copyOf(ss, cut));
        }
        DicomIndex index = new DicomFolderScanner().scan(folder, ProgressMonitor.NONE);
        assertEquals(List.of(), index.allSeries(), "nothing truncated is indexed");
        assertEquals(16, index.problems().size());
        for (FileProblem p : index.problems()) {
            assertTrue(p.problem().startsWith("truncated or corrupt: "), p.toString());
        }
        assertThrows(DicomReadException.class, () -> new RtPlanReader().read(folder.resolve("rtplan_truncated.dcm")));
        for (int k = 1; k <= 15; k++) {
            Path f = folder.resolve("ss-" + k + ".dcm");
            DicomReadException e = assertThrows(DicomReadException.class, () -> new StructureSetReader().read(f));
            assertTrue(e.getMessage().startsWith(f.toString()), "names the file: " + e.getMessage());
        }
    }

    @Test
    void theElementWalkAcceptsEveryCompleteFileAndRefusesTruncatedOnes() throws Exception {
        List<String> complete = new ArrayList<>();
        try (Stream<Path> files = Files.list(PYDICOM_FILES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".dcm")).sorted().toList()) {
                String name = f.getFileName().toString();
                ElementStructure.Result r = ElementStructure.check(f);
                boolean truncated = name.contains("truncated");
                // dcmtk's dcmdump tells independently whether the whole file parses
                ExternalTools.Output o = ExternalTools.run(List.of("dcmdump", "-q", f.toString()));
                boolean dcmtkReads = o.exitCode() == 0 && !o.text().contains("E: ");
                if (truncated) {
                    assertFalse(r.complete(), name);
                }
                if (dcmtkReads) {
                    assertTrue(r.complete(), name + ": " + r.defect());
                    complete.add(name);
                }
            }
        }
        assertTrue(complete.size() > 40, "most of pydicom's files are complete: " + complete);
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".dcm")).toList()) {
                assertTrue(ElementStructure.check(f).complete(), f.toString());
            }
        }
    }

    @Test
    void theSopClassDecidesWhatAnObjectIsAndAContradictingModalityIsAWarning() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("modality"));
        Path file = folder.resolve("ss.dcm");
        python("""
                import sys, pydicom
                ds = pydicom.dcmread(sys.argv[1]); ds.Modality = 'RTDOSE'; ds.save_as(sys.argv[2])
                """, demo.resolve("RTSTRUCT_planning.dcm"), file);
        SeriesRecord s = new DicomFolderScanner().scan(folder, ProgressMonitor.NONE).allSeries().get(0);
        assertEquals("RTSTRUCT", s.modality());
        assertTrue(s.summary().startsWith("6 ROIs"), s.summary());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("Modality 'RTDOSE' contradicts the SOP Class "
                + "(RT Structure Set Storage)")), s.warnings().toString());
        StructureSet read = new StructureSetReader().read(file);
        assertEquals(6, read.rois().size());
        DicomReadException e = assertThrows(DicomReadException.class, () -> new RtDoseReader().read(file));
        assertTrue(e.getMessage().contains("not an RT Dose (RT Structure Set Storage"), e.getMessage());
    }

    @Test
    void seriesThatMixSizesStudiesOrLackIdentityAreWarnedAbout() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("mixed"));
        List<Path> slices;
        try (Stream<Path> s = Files.list(demo.resolve("CT_planning"))) {
            slices = s.sorted().limit(6).toList();
        }
        python("""
                import sys, pydicom
                from pydicom.uid import generate_uid
                src, out = sys.argv[1:7], sys.argv[7]
                other_study = generate_uid()
                for i, f in enumerate(src):
                    ds = pydicom.dcmread(f)
                    if i == 0:   # one slice at another size and resolution
                        ds.Rows = ds.Rows // 2; ds.Columns = ds.Columns // 2
                        ds.PixelSpacing = [3.0, 3.0]; ds.PixelData = ds.PixelData[: len(ds.PixelData) // 4]
                    if i == 1:   # one slice in another study of the same patient
                        ds.StudyInstanceUID = other_study
                    ds.save_as('%s/ct-%d.dcm' % (out, i))
                # a planning CT without a Frame of Reference, of a patient without Patient ID
                series = generate_uid()
                for i, f in enumerate(src[:3]):
                    ds = pydicom.dcmread(f); del ds.FrameOfReferenceUID; ds.PatientID = ''
                    ds.PatientName = 'ANON^A'; ds.SeriesInstanceUID = series; ds.SOPInstanceUID = generate_uid()
                    ds.save_as('%s/nofor-%d.dcm' % (out, i))
                # another patient without Patient ID
                ds = pydicom.dcmread(src[3]); ds.PatientID = ''; ds.PatientName = 'ANON^B'
                ds.SeriesInstanceUID = generate_uid(); ds.SOPInstanceUID = generate_uid(); ds.save_as(out + '/b.dcm')
                """, slices.get(0), slices.get(1), slices.get(2), slices.get(3), slices.get(4), slices.get(5), folder);
        DicomIndex index = new DicomFolderScanner().scan(folder, ProgressMonitor.NONE);
        assertEquals(3, index.patients().size(), "two patients without Patient ID are not merged");
        PatientRecord demoPatient = index.patients().stream()
                .filter(p -> p.identity().patientId().equals(DemoPatient.PATIENT.patientId())).findFirst().orElseThrow();
        List<SeriesRecord> demoSeries = demoPatient.studies().stream().flatMap(st -> st.series().stream()).toList();
        assertEquals(2, demoSeries.size(), "the series is listed in each of its two studies");
        for (SeriesRecord s : demoSeries) {
            assertTrue(s.warnings().stream().anyMatch(w -> w.contains("spread over 2 studies")), s.warnings().toString());
        }
        assertTrue(demoSeries.stream().flatMap(s -> s.warnings().stream())
                .anyMatch(w -> w.contains("different size or pixel spacing") && w.contains("128x128 px, 3 x 3 mm (1 file)")),
                demoSeries.toString());
        SeriesRecord noFrame = index.allSeries().stream().filter(s -> s.instances().size() == 3).findFirst().orElseThrow();
        assertTrue(noFrame.warnings().stream().anyMatch(w -> w.startsWith("no Frame of Reference UID")),
                noFrame.warnings().toString());
        assertTrue(noFrame.warnings().stream().anyMatch(w -> w.startsWith("no Patient ID")), noFrame.warnings().toString());
    }

    @Test
    void severalStructureSetsInOneSeriesAreEachSummarised() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("two-ss"));
        python("""
                import sys, pydicom
                from pydicom.uid import generate_uid
                ds = pydicom.dcmread(sys.argv[1]); ds.save_as(sys.argv[2] + '/a.dcm')
                ds.SOPInstanceUID = generate_uid(); ds.StructureSetLabel = 'REVISED'
                ds.StructureSetROISequence = ds.StructureSetROISequence[:2]
                ds.ROIContourSequence = ds.ROIContourSequence[:2]
                ds.RTROIObservationsSequence = ds.RTROIObservationsSequence[:2]
                ds.save_as(sys.argv[2] + '/b.dcm')
                """, demo.resolve("RTSTRUCT_planning.dcm"), folder);
        SeriesRecord s = new DicomFolderScanner().scan(folder, ProgressMonitor.NONE).allSeries().get(0);
        assertEquals("2 objects: 6 ROIs, label 'PLANNING'; 2 ROIs, label 'REVISED'", s.summary());
        assertEquals(6, s.roiNames().size());
    }

    @Test
    void everyWrittenStringIsCheckedAgainstItsValueRepresentation() throws Exception {
        StructureSet ss = new StructureSetReader().read(demo.resolve("RTSTRUCT_planning.dcm"));
        StructureSet longLabel = new StructureSet("Isocenter boolean", ss.patient(), ss.frameOfReferenceUid(),
                ss.referencedSeriesInstanceUid(), ss.rois());
        var reference = new org.isocenter.dicom.io.ImageSeriesReference(DemoPatient.PLANNING_STUDY_UID,
                ss.referencedSeriesInstanceUid(), ss.frameOfReferenceUid(), new org.isocenter.core.geometry.Vector3(0, 0, 1),
                List.of());
        Path out = tmp.resolve("long-label.dcm");
        var attributes = new org.isocenter.dicom.io.SeriesAttributes("20260101", "120000", "", "test", 1, "test");
        var e = assertThrows(org.isocenter.dicom.io.DicomWriteException.class,
                () -> new org.isocenter.dicom.io.StructureSetWriter().write(longLabel, reference, attributes, "x", out));
        assertTrue(e.getMessage().contains("StructureSetLabel (3006,0002) (SH): 'Isocenter boolean' has 17 characters, "
                + "SH allows 16"), e.getMessage());
        assertFalse(Files.exists(out), "nothing written");
        // a dangling symbolic link as the target is refused, never followed
        Path link = Files.createSymbolicLink(tmp.resolve("link.dcm"), tmp.resolve("elsewhere.dcm"));
        var linked = assertThrows(org.isocenter.dicom.io.DicomWriteException.class,
                () -> new org.isocenter.dicom.io.StructureSetWriter().write(ss, reference, attributes, "x", link));
        assertTrue(linked.getMessage().contains("symbolic link"), linked.getMessage());
        assertFalse(Files.exists(tmp.resolve("elsewhere.dcm")));
        // a successful save leaves exactly the file, no temporary one
        Path ok = Files.createDirectories(tmp.resolve("saved")).resolve("ss.dcm");
        new org.isocenter.dicom.io.StructureSetWriter().write(ss, reference, attributes, "x", ok);
        try (Stream<Path> files = Files.list(ok.getParent())) {
            assertEquals(List.of(ok), files.toList());
        }
        // the limits themselves
        assertEquals(null, org.isocenter.dicom.internal.VrLimits.problem("CS", "HFS"));
        assertTrue(org.isocenter.dicom.internal.VrLimits.problem("CS", "hfs") != null, "CS is upper case");
        assertTrue(org.isocenter.dicom.internal.VrLimits.problem("UI", "1.2.3a") != null);
        assertTrue(org.isocenter.dicom.internal.VrLimits.problem("DS", "12345678901234567") != null);
        assertTrue(org.isocenter.dicom.internal.VrLimits.problem("US", "70000") != null);
        assertEquals(null, org.isocenter.dicom.internal.VrLimits.problem("PN", "PHANTOM^PELVIS"));
        assertTrue(org.isocenter.dicom.internal.VrLimits.problem("LO", "PTV\nx").contains("control character 0xa"));
        assertTrue(org.isocenter.dicom.internal.VrLimits.problem("LO", "PTV\u001b[31m") != null, "no escape sequences");
        assertEquals(null, org.isocenter.dicom.internal.VrLimits.problem("LT", "line one\r\nline two"));
    }
}
