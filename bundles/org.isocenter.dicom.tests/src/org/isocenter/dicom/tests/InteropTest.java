/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.RtDoseReader;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.dicom.io.StructureSetReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RT objects written by other tools — the samples shipped with Debian's pydicom, and data made by plastimatch
 * ({@code synth}, then {@code convert} of its images) — read by Isocenter with the values pydicom reads.
 */
class InteropTest {

    static final Path SAMPLES = TransferSyntaxTest.PYDICOM_SAMPLES;

    @TempDir
    static Path tmp;
    static Path synth;
    static Path converted;

    @BeforeAll
    static void runPlastimatch() throws Exception {
        synth = tmp.resolve("synth");
        ExternalTools.Output o = ExternalTools.run(List.of("plastimatch", "synth", "--pattern", "lung", "--dim", "64 64 40",
                "--output", tmp.resolve("ct.mha").toString(), "--output-dicom", synth.toString(),
                "--output-ss-img", tmp.resolve("ss.mha").toString(), "--output-dose-img", tmp.resolve("dose.mha").toString()));
        assertEquals(0, o.exitCode(), o.text());
        converted = tmp.resolve("converted");
        o = ExternalTools.run(List.of("plastimatch", "convert", "--input", tmp.resolve("ct.mha").toString(),
                "--input-ss-img", tmp.resolve("ss.mha").toString(), "--input-dose-img", tmp.resolve("dose.mha").toString(),
                "--output-dicom", converted.toString()));
        assertEquals(0, o.exitCode(), o.text());
    }

    private static Path one(Path folder, String prefix) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static List<Path> all(Path folder, String prefix) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    /** "name:contours:points" per ROI in ROI order, as pydicom reads them. */
    private static String pydicomRois(Path file) throws Exception {
        return ExternalTools.pydicom("import sys, pydicom\n"
                + "d = pydicom.dcmread(sys.argv[1], force=True)\n"
                + "cs = {c.ReferencedROINumber: c for c in d.ROIContourSequence}\n"
                + "out = []\n"
                + "for r in d.StructureSetROISequence:\n"
                + "    seq = getattr(cs.get(r.ROINumber), 'ContourSequence', [])\n"
                + "    out.append(f'{r.ROIName}:{len(seq)}:{sum(int(c.NumberOfContourPoints) for c in seq)}')\n"
                + "print(' '.join(out))\n", file);
    }

    private static String isocenterRois(StructureSet s) {
        return s.rois().stream().map(r -> r.name() + ":" + r.contours().size() + ":"
                + r.contours().stream().mapToInt(c -> c.pointsMm().size()).sum()).collect(Collectors.joining(" "));
    }

    private static String pydicomDoseMax(Path file) throws Exception {
        return ExternalTools.pydicom("import sys, pydicom\n"
                + "d = pydicom.dcmread(sys.argv[1], force=True)\n"
                + "print(f'{(d.pixel_array * float(d.DoseGridScaling)).max():.5f}')\n", file);
    }

    @Test
    void pydicomSampleStructureSet() throws Exception {
        Path f = SAMPLES.resolve("rtstruct.dcm");
        StructureSet s = new StructureSetReader().read(f);
        assertEquals(pydicomRois(f), isocenterRois(s));
        String types = ExternalTools.pydicom("import sys, pydicom\n"
                + "d = pydicom.dcmread(sys.argv[1], force=True)\n"
                + "print(' '.join(o.RTROIInterpretedType for o in d.RTROIObservationsSequence))\n", f);
        assertEquals(types, s.rois().stream().map(r -> r.interpretedType()).collect(Collectors.joining(" ")));
    }

    @Test
    void pydicomSamplePlan() throws Exception {
        Path f = SAMPLES.resolve("rtplan.dcm");
        RtPlan plan = new RtPlanReader().read(f);
        String expected = ExternalTools.pydicom("import sys, pydicom\n"
                + "d = pydicom.dcmread(sys.argv[1], force=True)\n"
                + "mu = {r.ReferencedBeamNumber: float(r.BeamMeterset) for r in d.FractionGroupSequence[0].ReferencedBeamSequence}\n"
                + "print(d.RTPlanLabel, d.FractionGroupSequence[0].NumberOfFractionsPlanned, ' '.join(\n"
                + "    f'{b.BeamNumber}:{float(b.ControlPointSequence[0].GantryAngle):.1f}:{float(b.ControlPointSequence[0].BeamLimitingDeviceAngle):.1f}:'\n"
                + "    f'{float(b.ControlPointSequence[0].NominalBeamEnergy):.1f}:{mu[b.BeamNumber]:.4f}:{b.NumberOfControlPoints}' for b in d.BeamSequence))\n",
                f);
        StringBuilder actual = new StringBuilder(plan.label() + " " + plan.fractionGroups().get(0).fractionsPlanned() + " ");
        actual.append(plan.beams().stream().map((Beam b) -> String.format(Locale.ROOT, "%d:%.1f:%.1f:%.1f:%.4f:%d", b.number(),
                b.gantryDeg(), b.collimatorDeg(), b.nominalEnergy(), plan.metersetMu(b.number()), b.controlPoints().size()))
                .collect(Collectors.joining(" ")));
        assertEquals(expected, actual.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "rtdose.dcm", "rtdose_expb.dcm", "rtdose_rle.dcm", "rtdose_1frame.dcm", "rtdose_rle_1frame.dcm" })
    void pydicomSampleDoses(String name) throws Exception {
        Path f = SAMPLES.resolve(name);
        DoseGrid d = new RtDoseReader().read(f);
        assertEquals(pydicomDoseMax(f), String.format(Locale.ROOT, "%.5f", d.max()));
    }

    @Test
    void plastimatchSynthCtStructuresAndDose() throws Exception {
        checkPlastimatchOutput(synth);
    }

    @Test
    void plastimatchConvertCtStructuresAndDose() throws Exception {
        checkPlastimatchOutput(converted);
    }

    private static void checkPlastimatchOutput(Path folder) throws Exception {
        List<Path> slices = all(folder, "image");
        ImageVolume ct = new ImageSeriesReader().read(slices, ProgressMonitor.NONE);
        String expected = ExternalTools.pydicom("import sys, glob, pydicom, numpy as np\n"
                + "ds = [pydicom.dcmread(f) for f in glob.glob(sys.argv[1] + '/image*')]\n"
                + "ds.sort(key=lambda d: float(d.ImagePositionPatient[2]))\n"
                + "v = np.stack([d.pixel_array * float(d.RescaleSlope) + float(d.RescaleIntercept) for d in ds])\n"
                + "o = ds[0].ImagePositionPatient\n"
                + "print(v.shape, f'{float(o[0]):.3f} {float(o[1]):.3f} {float(o[2]):.3f}', f'{v.min():.1f} {v.max():.1f} {v.mean():.4f}')\n",
                folder);
        double[] range = ct.valueRange();
        double sum = 0;
        var g = ct.geometry();
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    sum += ct.valueAt(i, j, k);
                }
            }
        }
        assertEquals(expected, String.format(Locale.ROOT, "(%d, %d, %d) %.3f %.3f %.3f %.1f %.1f %.4f", g.sizeZ(), g.sizeY(),
                g.sizeX(), g.originMm().x(), g.originMm().y(), g.originMm().z(), range[0], range[1], sum / g.voxelCount()));
        Path rtss = one(folder, "rtss");
        assertEquals(pydicomRois(rtss), isocenterRois(new StructureSetReader().read(rtss)));
        Path dose = one(folder, "dose");
        assertEquals(pydicomDoseMax(dose), String.format(Locale.ROOT, "%.5f", new RtDoseReader().read(dose).max()));
    }
}
