/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.dicom.io.DicomReadException;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pixel encodings: the same image re-encoded by dcmtk (implicit/big endian/deflated, RLE, JPEG Lossless with
 * every predictor, point transform) or rewritten by pydicom (8-bit, unsigned 16-bit,
 * 12 bits stored with junk high bits) must decode to exactly the values pydicom computes; transfer syntaxes
 * without a decoder are refused with the syntax named. JPEG, JPEG-LS and JPEG 2000: {@link CompressedTransferSyntaxTest}.
 */
class TransferSyntaxTest {

    static final Path PYDICOM_SAMPLES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    static final Path CT = PYDICOM_SAMPLES.resolve("CT_small.dcm");
    static final Path MR = PYDICOM_SAMPLES.resolve("MR_small.dcm");

    @TempDir
    Path tmp;

    /** Rescaled values of a file's first frame as pydicom computes them (float64, row by row). */
    private double[] pydicomValues(Path file) throws Exception {
        return ExternalTools.pydicomValues(file, tmp);
    }

    /** Every pixel of the volume's first slice equals the reference values (within 1e-6). */
    static void assertSameValues(double[] expected, ImageVolume volume, String what) {
        int nx = volume.geometry().sizeX(), n = nx * volume.geometry().sizeY();
        assertEquals(expected.length, n, what + ": pixel count");
        int mismatches = 0;
        double worst = 0;
        for (int p = 0; p < n; p++) {
            double d = Math.abs(volume.valueAt(p % nx, p / nx, 0) - expected[p]);
            if (d > 1e-6) {
                mismatches++;
                worst = Math.max(worst, d);
            }
        }
        assertEquals(0, mismatches, what + ": pixels that differ from the reference (worst " + worst + ")");
    }

    private ImageVolume read(Path file) throws DicomReadException {
        return new ImageSeriesReader().read(List.of(file), ProgressMonitor.NONE);
    }

    private Path dcmtk(String tool, Path in, String name, String... options) throws Exception {
        return ExternalTools.convert(tool, in, tmp.resolve(name), options);
    }

    @ParameterizedTest
    @ValueSource(strings = { "+ti", "+tb", "+td" })
    void nativeEncodingsDecodeLikePydicom(String option) throws Exception {
        double[] expected = pydicomValues(CT);
        assertSameValues(expected, read(dcmtk("dcmconv", CT, "ct" + option.substring(1) + ".dcm", option)), option);
    }

    @Test
    void rleDecodesLikePydicom() throws Exception {
        double[] expected = pydicomValues(CT);
        assertSameValues(expected, read(dcmtk("dcmcrle", CT, "ct_rle.dcm")), "RLE CT");
        assertSameValues(pydicomValues(MR), read(PYDICOM_SAMPLES.resolve("MR_small_RLE.dcm")), "RLE MR (pydicom sample)");
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7 })
    void jpegLosslessEveryPredictorDecodesLikePydicom(int predictor) throws Exception {
        double[] expected = pydicomValues(CT);
        Path jpeg = dcmtk("dcmcjpeg", CT, "ct_jl" + predictor + ".dcm", "+el", "+sv", Integer.toString(predictor));
        assertSameValues(expected, read(jpeg), "JPEG Lossless predictor " + predictor);
    }

    @Test
    void jpegLosslessSv1DecodesLikePydicom() throws Exception {
        assertSameValues(pydicomValues(CT), read(dcmtk("dcmcjpeg", CT, "ct_sv1.dcm", "+e1")), "JPEG Lossless SV1 (CT)");
        assertSameValues(pydicomValues(MR), read(dcmtk("dcmcjpeg", MR, "mr_sv1.dcm", "+e1")), "JPEG Lossless SV1 (MR)");
    }

    @Test
    void jpegPointTransformDecodesLikeDcmtk() throws Exception {
        // point transform 2 drops the two low bits: the truth is dcmtk's own decoder, read by pydicom
        Path jpeg = dcmtk("dcmcjpeg", CT, "ct_pt2.dcm", "+el", "+sv", "1", "+pt", "2");
        Path decodedByDcmtk = dcmtk("dcmdjpeg", jpeg, "ct_pt2_dcmtk.dcm");
        assertSameValues(pydicomValues(decodedByDcmtk), read(jpeg), "JPEG Lossless with point transform 2");
    }

    @Test
    void pixelVariantsWrittenByPydicomDecodeToTheValuesEncoded() throws Exception {
        // 8-bit unsigned (explicit and implicit VR), 16-bit unsigned above 32767, 12 bits stored with junk above the
        // high bit (DICOM: bits outside Bits Stored are ignored; pydicom 2.3 does not mask them, so the truth is the
        // array encoded, rescaled by numpy)
        String script = "import sys, numpy as np, pydicom\n"
                + "src = pydicom.dcmread(sys.argv[1]); a = src.pixel_array.astype('i8')\n"
                + "def save(name, arr, values, bits, stored, signed, slope=1, intercept=0, implicit=False):\n"
                + "    d = pydicom.dcmread(sys.argv[1])\n"
                + "    d.BitsAllocated = bits; d.BitsStored = stored; d.HighBit = stored - 1; d.PixelRepresentation = 1 if signed else 0\n"
                + "    d.RescaleSlope = slope; d.RescaleIntercept = intercept\n"
                + "    d.PixelData = arr.tobytes()\n"
                + "    if implicit:\n"
                + "        d.file_meta.TransferSyntaxUID = pydicom.uid.ImplicitVRLittleEndian; d.is_implicit_VR = True\n"
                + "    d.save_as('" + tmp + "/' + name, write_like_original=False)\n"
                + "    (values.astype('f8') * slope + intercept).astype('<f8').tofile('" + tmp + "/' + name + '.truth')\n"
                + "u8 = ((a - a.min()) * 255 // (a.max() - a.min())).astype('u1')\n"
                + "save('u8.dcm', u8, u8, 8, 8, False, 2, -100)\n"
                + "save('u8i.dcm', u8, u8, 8, 8, False, implicit=True)\n"
                + "u16 = (a - a.min() + 30000).astype('<u2')\n"
                + "save('u16.dcm', u16, u16, 16, 16, False, 1, -31024)\n"
                + "s12 = ((a - a.min()) % 4096 - 2048).astype('<i2')\n"
                + "junk = ((s12.view('<u2') & 0x0FFF) | 0xA000).astype('<u2')\n"
                + "save('s12.dcm', junk, s12, 16, 12, True, 0.5, 10)\n";
        ExternalTools.pydicom(script, CT);
        for (String name : List.of("u8.dcm", "u8i.dcm", "u16.dcm", "s12.dcm")) {
            Path f = tmp.resolve(name);
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(tmp.resolve(name + ".truth"))).order(ByteOrder.LITTLE_ENDIAN);
            double[] truth = new double[b.remaining() / 8];
            b.asDoubleBuffer().get(truth);
            assertSameValues(truth, read(f), name);
        }
        // where pydicom does decode the same way (no junk bits), it agrees too
        assertSameValues(pydicomValues(tmp.resolve("u16.dcm")), read(tmp.resolve("u16.dcm")), "u16 vs pydicom");
    }

    @Test
    void slicesWithDifferentRescaleKeepTheirPhysicalValues() throws Exception {
        // three slices of one series, each with its own slope/intercept but the same physical values (HU)
        ExternalTools.pydicom("import sys, numpy as np, pydicom\n"
                + "src = pydicom.dcmread(sys.argv[1]); hu = src.pixel_array.astype('f8') * float(src.RescaleSlope) + float(src.RescaleIntercept)\n"
                + "for k, (slope, intercept) in enumerate([(1, -1024), (0.5, -1000), (2, -2048)]):\n"
                + "    d = pydicom.dcmread(sys.argv[1])\n"
                + "    d.RescaleSlope = slope; d.RescaleIntercept = intercept\n"
                + "    d.PixelData = np.round((hu - intercept) / slope).astype('<i2').tobytes()\n"
                + "    d.ImagePositionPatient = [float(v) for v in d.ImagePositionPatient[:2]] + [10.0 * k]\n"
                + "    d.SOPInstanceUID = d.SOPInstanceUID + '.' + str(k + 1)\n"
                + "    d.save_as('" + tmp + "/rescale%d.dcm' % k, write_like_original=False)\n", CT);
        double[] expected = pydicomValues(CT);
        ImageVolume v = new ImageSeriesReader().read(List.of(tmp.resolve("rescale2.dcm"), tmp.resolve("rescale0.dcm"),
                tmp.resolve("rescale1.dcm")), ProgressMonitor.NONE);
        assertEquals(3, v.geometry().sizeZ());
        int nx = v.geometry().sizeX();
        for (int k = 0; k < 3; k++) {
            double worst = 0;
            for (int p = 0; p < expected.length; p++) {
                worst = Math.max(worst, Math.abs(v.valueAt(p % nx, p / nx, k) - expected[p]));
            }
            // the volume keeps the first file's rescale (slope 2 here): at most half a stored step off, 1 HU
            assertTrue(worst <= 1.0 + 1e-9, "slice " + k + ": worst difference " + worst + " HU");
        }
    }

    @Test
    void unsupportedSyntaxesAreRefusedByName() throws Exception {
        // pydicom's JPEG 2000 file relabelled (same-length UIDs patched into the meta header) as JPEG 2000 Part 2 and
        // as an unknown syntax: neither is decoded
        byte[] original = Files.readAllBytes(PYDICOM_SAMPLES.resolve("MR_small_jp2klossless.dcm"));
        for (String[] c : new String[][] { { "part2.dcm", "1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Lossless" },
                { "unknown.dcm", "1.2.840.10008.9.9.9.99", "unknown" } }) {
            Path f = tmp.resolve(c[0]);
            Files.write(f, patchFirst(original, "1.2.840.10008.1.2.4.90", c[1]));
            DicomReadException e = assertThrows(DicomReadException.class, () -> read(f));
            assertTrue(e.getMessage().contains("unsupported transfer syntax " + c[1] + " (" + c[2] + ")"), e.getMessage());
            assertTrue(e.getMessage().contains(c[0]), "message names the file: " + e.getMessage());
        }
    }

    private static byte[] patchFirst(byte[] data, String from, String to) {
        byte[] a = from.getBytes(java.nio.charset.StandardCharsets.US_ASCII), b = to.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(a.length, b.length);
        for (int i = 0; i + a.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + a.length, a, 0, a.length)) {
                byte[] out = data.clone();
                System.arraycopy(b, 0, out, i, b.length);
                return out;
            }
        }
        throw new AssertionError(from + " not found");
    }
}
