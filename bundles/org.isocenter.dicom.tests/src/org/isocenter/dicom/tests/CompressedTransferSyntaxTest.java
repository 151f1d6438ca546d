/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.dicom.io.RtDoseReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressed transfer syntaxes decoded through libraries (JDK ImageIO for 8-bit JPEG, dcmtk's dcmdjpeg for 12-bit JPEG,
 * CharLS for JPEG-LS, OpenJPEG for JPEG 2000). Fixtures are encoded in set-up from uncompressed files by independent encoders (dcmtk's dcmcjpeg
 * and dcmcjpls, GDCM's gdcmconv) or are pydicom's own sample files. Lossless syntaxes must give exactly the values of
 * the uncompressed source (as pydicom computes them); lossy ones exactly what the reference decoder of the same
 * syntax gives (dcmtk's dcmdjpeg/dcmdjpls, GDCM's gdcmconv --raw), read back by pydicom. No tolerance is needed: the
 * JDK's JPEG reader and dcmtk are both IJG libjpeg 6b with the integer IDCT, and the other syntaxes are decoded by
 * bit-exact codecs.
 */
class CompressedTransferSyntaxTest {

    static final Path SAMPLES = TransferSyntaxTest.PYDICOM_SAMPLES;
    static final Path CT = TransferSyntaxTest.CT;
    static final Path MR = TransferSyntaxTest.MR;

    @TempDir
    Path tmp;

    private double[] pydicomValues(Path file) throws Exception {
        return ExternalTools.pydicomValues(file, tmp);
    }

    private static void assertSameValues(double[] expected, ImageVolume volume, String what) {
        TransferSyntaxTest.assertSameValues(expected, volume, what);
    }

    private static ImageVolume read(Path file) throws DicomReadException {
        return new ImageSeriesReader().read(List.of(file), ProgressMonitor.NONE);
    }

    private Path tool(String tool, Path in, String name, String... options) throws Exception {
        return ExternalTools.convert(tool, in, tmp.resolve(name), options);
    }

    private String transferSyntax(Path file) throws Exception {
        return ExternalTools.pydicom("import sys, pydicom\nprint(pydicom.dcmread(sys.argv[1], stop_before_pixels=True)"
                + ".file_meta.TransferSyntaxUID)", file);
    }

    // ---- JPEG (8-bit DCT) through the JDK's ImageIO reader ----

    @Test
    void jpegBaselineDecodesLikeDcmdjpeg() throws Exception {
        for (Path source : List.of(CT, MR)) {
            String name = source.getFileName().toString();
            Path jpeg = tool("dcmcjpeg", source, name + "_eb.dcm", "+eb");
            assertEquals("1.2.840.10008.1.2.4.50", transferSyntax(jpeg));
            Path reference = tool("dcmdjpeg", jpeg, name + "_eb_dcmtk.dcm");
            assertSameValues(pydicomValues(reference), read(jpeg), "JPEG Baseline " + name);
        }
    }

    @Test
    void jpegExtended8BitDecodesLikeDcmdjpeg() throws Exception {
        // an 8-bit source (dcmtk's own baseline round trip), re-encoded with the extended process (SOF1, 8-bit)
        Path eightBit = tool("dcmdjpeg", tool("dcmcjpeg", CT, "ct_eb.dcm", "+eb"), "ct_8bit.dcm");
        Path jpeg = tool("dcmcjpeg", eightBit, "ct_ee8.dcm", "+ee");
        assertEquals("1.2.840.10008.1.2.4.51", transferSyntax(jpeg));
        Path reference = tool("dcmdjpeg", jpeg, "ct_ee8_dcmtk.dcm");
        assertSameValues(pydicomValues(reference), read(jpeg), "JPEG Extended 8-bit");
    }

    @Test
    void jpegExtended12BitDecodesLikeGdcmAndCloseToTheOriginal() throws Exception {
        // dcmtk encodes a real 16-bit CT with 12-bit samples (SOF1, precision 12), shifting the stored values and
        // compensating in Rescale Intercept: the modality values are what must come back
        Path jpeg = tool("dcmcjpeg", CT, "ct_ee12.dcm", "+ee");
        assertEquals("1.2.840.10008.1.2.4.51", transferSyntax(jpeg));
        assertEquals("193 12", ExternalTools.pydicom("import sys, pydicom\n"
                + "from pydicom.encaps import generate_pixel_data_frame\n"
                + "d = pydicom.dcmread(sys.argv[1]); f = next(generate_pixel_data_frame(d.PixelData)); i = 2\n"
                + "while f[i + 1] not in (0xC0, 0xC1, 0xC2, 0xC3): i += 2 + int.from_bytes(f[i + 2:i + 4], 'big')\n"
                + "print(f[i + 1], f[i + 4])", jpeg), "the fixture holds a 12-bit extended DCT stream (SOF1)");
        ImageVolume v = read(jpeg);
        // GDCM's own 12-bit IJG build (a different decoder from the dcmdjpeg Isocenter runs) gives the same values
        assertSameValues(pydicomValues(tool("gdcmconv", jpeg, "ct_ee12_gdcm.dcm", "--raw")), v, "JPEG 12-bit vs GDCM");
        // and they are lossy but close to the uncompressed original (CT_small spans 128..2191 stored values)
        double[] original = pydicomValues(CT);
        int nx = v.geometry().sizeX();
        double sum = 0, worst = 0;
        for (int p = 0; p < original.length; p++) {
            double d = v.valueAt(p % nx, p / nx, 0) - original[p];
            sum += d * d;
            worst = Math.max(worst, Math.abs(d));
        }
        double rms = Math.sqrt(sum / original.length);
        assertTrue(rms > 0 && rms < 6 && worst < 60, "lossy, close to the original: RMS " + rms + ", worst " + worst);
        System.out.println("12-bit JPEG CT against the original: RMS " + rms + ", worst " + worst);
        // pydicom's 12-bit sample (a real 1024 x 256 image, given the slice geometry a volume needs) likewise
        Path sample = tmp.resolve("jpeg_lossy_slice.dcm");
        ExternalTools.pydicom("import sys, pydicom\nd = pydicom.dcmread(sys.argv[1])\n"
                + "d.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]; d.ImagePositionPatient = [0, 0, 0]\n"
                + "d.PixelSpacing = [1, 1]; d.save_as('" + sample + "')\n", SAMPLES.resolve("JPEG-lossy.dcm"));
        assertSameValues(pydicomValues(tool("gdcmconv", sample, "jpeg_lossy_gdcm.dcm", "--raw")), read(sample),
                "JPEG 12-bit pydicom sample vs GDCM");
    }

    // ---- JPEG-LS through CharLS ----

    @Test
    void jpegLsLosslessIsExact() throws Exception {
        assertSameValues(pydicomValues(CT), read(tool("dcmcjpls", CT, "ct_jls.dcm")), "JPEG-LS lossless CT (dcmcjpls)");
        Path pydicomSample = SAMPLES.resolve("MR_small_jpeg_ls_lossless.dcm");
        assertSameValues(pydicomValues(MR), read(pydicomSample), "JPEG-LS lossless MR (pydicom sample)");
        assertSameValues(pydicomValues(tool("dcmdjpls", pydicomSample, "mr_jls_dcmtk.dcm")), read(pydicomSample),
                "JPEG-LS lossless MR vs dcmdjpls");
        assertSameValues(pydicomValues(CT), read(tool("gdcmconv", CT, "ct_jls_gdcm.dcm", "--jpegls")),
                "JPEG-LS lossless CT (gdcmconv)");
    }

    /** CT_small as unsigned 16-bit with the same HU (dcmcjpls encodes near-lossless only from unsigned data). */
    private Path unsignedCt() throws Exception {
        Path out = tmp.resolve("ct_unsigned.dcm");
        ExternalTools.pydicom("import sys, numpy as np, pydicom\n"
                + "d = pydicom.dcmread(sys.argv[1]); a = d.pixel_array.astype('i8'); m = int(a.min())\n"
                + "d.PixelData = (a - m).astype('<u2').tobytes(); d.PixelRepresentation = 0\n"
                + "d.RescaleIntercept = float(d.RescaleIntercept) + m * float(d.RescaleSlope)\n"
                + "d.save_as('" + out + "', write_like_original=False)\n", CT);
        return out;
    }

    @Test
    void jpegLsNearLosslessDecodesLikeDcmdjplsWithinNear() throws Exception {
        Path jls = tool("dcmcjpls", unsignedCt(), "ct_jls_near.dcm", "+en", "+md", "3");
        assertEquals("1.2.840.10008.1.2.4.81", transferSyntax(jls));
        ImageVolume v = read(jls);
        assertSameValues(pydicomValues(tool("dcmdjpls", jls, "ct_jls_near_dcmtk.dcm")), v, "JPEG-LS near-lossless");
        double[] original = pydicomValues(CT);
        int nx = v.geometry().sizeX();
        double worst = 0;
        for (int p = 0; p < original.length; p++) {
            worst = Math.max(worst, Math.abs(v.valueAt(p % nx, p / nx, 0) - original[p]));
        }
        assertTrue(worst <= 3 && worst > 0, "near-lossless error within NEAR=3 of the original, and lossy: " + worst);
    }

    // ---- JPEG 2000 through OpenJPEG ----

    @Test
    void jpeg2000LosslessIsExact() throws Exception {
        Path j2k = tool("gdcmconv", CT, "ct_j2k.dcm", "--j2k");
        assertEquals("1.2.840.10008.1.2.4.90", transferSyntax(j2k));
        assertSameValues(pydicomValues(CT), read(j2k), "JPEG 2000 lossless CT (gdcmconv, signed 16-bit)");
        assertSameValues(pydicomValues(MR), read(SAMPLES.resolve("MR_small_jp2klossless.dcm")),
                "JPEG 2000 lossless MR (pydicom sample)");
    }

    @Test
    void jpeg2000LossyDecodesLikeGdcm() throws Exception {
        Path j2k = tool("gdcmconv", CT, "ct_j2k_lossy.dcm", "--j2k", "--lossy", "--irreversible", "-q", "40");
        assertEquals("1.2.840.10008.1.2.4.91", transferSyntax(j2k));
        assertSameValues(pydicomValues(tool("gdcmconv", j2k, "ct_j2k_lossy_raw.dcm", "--raw")), read(j2k),
                "JPEG 2000 lossy CT (gdcmconv)");
        Path sample = SAMPLES.resolve("693_J2KI.dcm"); // pydicom's: irreversible, 14 bits stored, signed
        assertSameValues(pydicomValues(tool("gdcmconv", sample, "693_raw.dcm", "--raw")), read(sample),
                "JPEG 2000 lossy CT (pydicom sample 693_J2KI)");
    }

    @Test
    void colourJpeg2000IsRefused() {
        DicomReadException e = assertThrows(DicomReadException.class,
                () -> new RtDoseReader().read(SAMPLES.resolve("GDCMJ2K_TextGBR.dcm")));
        assertNotNull(e.getMessage());
    }

    // ---- multi-frame, multi-fragment, unsigned 16-bit: an RT Dose ----

    @Test
    void multiFrameDoseDecodesExactlyWithEveryFragmentation() throws Exception {
        // pydicom's 15-frame RT Dose as unsigned 16-bit (the 32-bit grid scaled down), the native reference
        Path dose16 = tmp.resolve("dose16.dcm");
        ExternalTools.pydicom("import sys, numpy as np, pydicom\n"
                + "d = pydicom.dcmread(sys.argv[1]); a = d.pixel_array.astype('f8')\n"
                + "k = max(1.0, np.ceil(a.max() / 65535.0))\n"
                + "u = np.round(a / k).astype('<u2')\n"
                + "d.BitsAllocated = 16; d.BitsStored = 16; d.HighBit = 15; d.PixelRepresentation = 0\n"
                + "d.DoseGridScaling = float(d.DoseGridScaling) * k\n"
                + "d.PixelData = u.tobytes()\n"
                + "d.save_as('" + dose16 + "', write_like_original=False)\n", SAMPLES.resolve("rtdose.dcm"));
        float[] expected = new RtDoseReader().read(dose16).values();
        assertEquals(15, new RtDoseReader().read(dose16).geometry().sizeZ());
        List<Path> encoded = List.of(
                tool("dcmcjpls", dose16, "dose_jls.dcm"),
                tool("dcmcjpls", dose16, "dose_jls_frag.dcm", "+fs", "1"), // many fragments per frame, offset table
                tool("dcmcjpls", dose16, "dose_jls_frag_nobot.dcm", "+fs", "1", "-ot"), // ... and an empty one
                tool("gdcmconv", dose16, "dose_j2k.dcm", "--j2k"));
        for (Path f : encoded) {
            float[] got = new RtDoseReader().read(f).values();
            assertEquals(expected.length, got.length, f.getFileName().toString());
            int mismatches = 0;
            for (int p = 0; p < got.length; p++) {
                if (got[p] != expected[p]) {
                    mismatches++;
                }
            }
            assertEquals(0, mismatches, f.getFileName() + ": dose values that differ from the uncompressed grid");
        }
    }

    // ---- lossy compression is flagged ----

    @Test
    void lossySyntaxesAreFlagged() throws Exception {
        Path baseline = tool("dcmcjpeg", CT, "flag_eb.dcm", "+eb");
        Path nearLossless = tool("dcmcjpls", unsignedCt(), "flag_jls_near.dcm", "+en");
        Path lossless = tool("dcmcjpls", CT, "flag_jls.dcm");
        assertTrue(lossyWarning(baseline).contains("lossy compressed pixel data (JPEG Baseline"), lossyWarning(baseline));
        assertTrue(lossyWarning(nearLossless).contains("JPEG-LS Near-Lossless"), lossyWarning(nearLossless));
        assertTrue(lossyWarning(SAMPLES.resolve("693_J2KI.dcm")).contains("JPEG 2000"));
        assertNull(lossyWarning(lossless));
        assertNull(lossyWarning(CT));
        // once lossy, always lossy: dcmdjpeg's output is native but keeps Lossy Image Compression 01
        String decompressed = lossyWarning(tool("dcmdjpeg", baseline, "flag_eb_dcmtk.dcm"));
        assertTrue(decompressed.contains("were lossy compressed before"), decompressed);
    }

    private static String lossyWarning(Path file) throws Exception {
        return org.isocenter.dicom.internal.PixelDecoder.lossyCompressionWarning(
                org.isocenter.dicom.internal.Part10.readHeader(file).list());
    }
}
