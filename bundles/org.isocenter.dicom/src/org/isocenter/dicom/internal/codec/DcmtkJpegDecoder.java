/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal.codec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decodes 12-bit DCT JPEG (JPEG Extended, process 4, transfer syntax 1.2.840.10008.1.2.4.51) by running dcmtk's
 * {@code dcmdjpeg} (Debian package dcmtk, IJG libjpeg 6b built for 12-bit samples) on the whole file in a separate
 * process, which writes an uncompressed copy to a temporary file that the caller then reads as native pixel data.
 * <p>
 * No library in this process decodes 12-bit DCT JPEG: the JDK's JPEG reader stops at 8 bits, and the one native
 * library that does (GDCM's Java binding) aborts the whole process on some corrupt streams. In a separate process a
 * crash or a hang (killed after {@link #TIMEOUT_SECONDS}) is a refusal of that file and nothing more. libjpeg's
 * warnings about corrupt or missing data (it would fill in grey and go on) are refusals too; the only warnings let
 * through are those that do not concern the coded data.
 */
public final class DcmtkJpegDecoder {

    /** The dcmtk tool that decodes JPEG transfer syntaxes to native pixel data. */
    public static final String TOOL = "dcmdjpeg";

    /** A decode that takes longer is stopped and refused. */
    public static final int TIMEOUT_SECONDS = 60;

    /** libjpeg warnings that say nothing about corrupt data (a sequential-mode SOS check some encoders trip). */
    private static final List<String> HARMLESS_WARNINGS = List.of("Invalid SOS parameters for sequential JPEG",
            "unknown JFIF revision number", "Unknown Adobe color transform code");

    private DcmtkJpegDecoder() {
    }

    /**
     * Whether the stream is a 12-bit extended sequential DCT JPEG (SOF1, precision 12), checked like any other JPEG
     * stream before the file is handed on: one component, the frame size of the header, ending with its EOI marker.
     */
    public static boolean isTwelveBit(byte[] stream, int expectedRows, int expectedColumns) throws CodecException {
        if (stream == null) {
            throw new CodecException("JPEG: no data");
        }
        int[] sof = ImageIoJpegDecoder.frameHeader(stream);
        if (sof[0] != 0xC1 || sof[1] != 12) {
            return false;
        }
        ImageIoJpegDecoder.requireGreyFrame(stream, sof, expectedRows, expectedColumns);
        return true;
    }

    /** The tool's path: on the PATH, else in /usr/bin; null when dcmtk is not installed. */
    static Path tool() {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>();
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.add("/usr/bin");
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, TOOL);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Whether dcmtk's decoder is installed on this machine. */
    public static boolean available() {
        return tool() != null;
    }

    /**
     * Writes an uncompressed (Explicit VR Little Endian) copy of {@code file} to {@code output}, or throws with
     * dcmtk's own words when it refuses the file, reports corrupt data, crashes or takes too long. The caller
     * validates the copy's image attributes against the original's and deletes it.
     */
    public static void decompress(Path file, Path output) throws CodecException {
        Path tool = tool();
        if (tool == null) {
            throw new CodecException("12-bit JPEG decoding needs dcmtk's " + TOOL
                    + " (Debian package dcmtk), which is not installed");
        }
        ProcessBuilder pb = new ProcessBuilder(tool.toString(), "--write-xfer-little", file.toString(),
                output.toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectErrorStream(false);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new CodecException("12-bit JPEG: cannot run " + tool + ": " + e.getMessage(), e);
        }
        try (InputStream err = process.getErrorStream()) {
            byte[] messages = err.readNBytes(64 * 1024); // ends when the process closes stderr
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CodecException("12-bit JPEG: " + TOOL + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String problem = problem(new String(messages, StandardCharsets.UTF_8));
            int exit = process.exitValue();
            if (exit != 0 || problem != null) {
                throw new CodecException("12-bit JPEG: " + TOOL + " "
                        + (problem != null ? "reports: " + problem : "failed with exit code " + exit));
            }
        } catch (IOException e) {
            throw new CodecException("12-bit JPEG: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CodecException("12-bit JPEG: interrupted", e);
        }
        if (!Files.isRegularFile(output)) {
            throw new CodecException("12-bit JPEG: " + TOOL + " wrote no output");
        }
    }

    /** The first error or data warning among dcmtk's messages (lines "E: ..." / "W: ..."), or null. */
    static String problem(String stderr) {
        for (String line : stderr.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            boolean harmless = HARMLESS_WARNINGS.stream().anyMatch(l::contains);
            if (!harmless && (l.startsWith("E:") || l.startsWith("F:") || l.startsWith("W:"))) {
                return l.substring(2).strip();
            }
        }
        return null;
    }
}
