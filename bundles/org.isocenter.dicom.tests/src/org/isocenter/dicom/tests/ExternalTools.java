/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the independent peers installed from Debian: dicom3tools' dciodvfy and pydicom (Debian's python3). */
final class ExternalTools {

    /** Debian's interpreter, where python3-pydicom is installed (not a pyenv or venv python). */
    static final String DEBIAN_PYTHON = "/usr/bin/python3";

    record Output(int exitCode, String text) {
    }

    private ExternalTools() {
    }

    static Output run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** dciodvfy's error lines for a file (empty when the object is valid for its IOD). */
    static List<String> dciodvfyErrors(Path file) throws IOException, InterruptedException {
        Output o = run(List.of("dciodvfy", "-new", file.toString()));
        List<String> errors = new ArrayList<>();
        for (String line : o.text().split("\n")) {
            if (line.startsWith("Error")) {
                errors.add(line);
            }
        }
        return errors;
    }

    /** Runs a Python script (Debian's pydicom) with the arguments as argv[1..]; fails the test on a non-zero exit. */
    static void python(String script, Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DEBIAN_PYTHON, "-c", script));
        for (Object a : args) {
            command.add(a.toString());
        }
        Output o = run(command);
        if (o.exitCode() != 0) {
            throw new AssertionError("python failed:\n" + o.text());
        }
    }

    /** Runs a pydicom script with the file as argv[1] and returns its stdout (fails on a non-zero exit). */
    static String pydicom(String script, Path file) throws IOException, InterruptedException {
        Output o = run(List.of(DEBIAN_PYTHON, "-c", script, file.toString()));
        if (o.exitCode() != 0) {
            throw new AssertionError("pydicom failed on " + file + ":\n" + o.text());
        }
        return o.text().strip();
    }

    /** Runs a converter ({@code tool [options] in out}: dcmtk's dcmcjpeg, dcmdjpls, gdcmconv, ...); fails on a non-zero exit. */
    static Path convert(String tool, Path in, Path out, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(List.of(options));
        command.add(in.toString());
        command.add(out.toString());
        Output o = run(command);
        if (o.exitCode() != 0) {
            throw new AssertionError(tool + " failed: " + o.text());
        }
        return out;
    }

    /** Rescaled values of a file's first frame as pydicom computes them (float64, row by row), via a scratch file. */
    static double[] pydicomValues(Path file, Path scratch) throws IOException, InterruptedException {
        Path out = scratch.resolve(file.getFileName() + ".f64");
        pydicom("import sys, numpy as np, pydicom\n"
                + "d = pydicom.dcmread(sys.argv[1])\n"
                + "a = d.pixel_array.astype('f8') * float(getattr(d, 'RescaleSlope', 1)) + float(getattr(d, 'RescaleIntercept', 0))\n"
                + "a.astype('<f8').tofile('" + out + "')\n", file);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(v);
        return v;
    }
}
