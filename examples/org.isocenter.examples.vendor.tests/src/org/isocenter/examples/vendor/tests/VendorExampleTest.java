/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.examples.vendor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.isocenter.cli.internal.CliApplication;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.demo.DemoPatient;
import org.isocenter.examples.vendor.BoneCentroidRegistration;
import org.isocenter.examples.vendor.CsvLogImporter;
import org.isocenter.registration.RegistrationAlgorithms;
import org.isocenter.registration.RegistrationRegion;
import org.isocenter.registration.RegistrationRequest;
import org.isocenter.registration.RegistrationResult;
import org.isocenter.registration.SimilarityMetric;
import org.junit.jupiter.api.Test;

/** The example plug-in's contributions are offered where Isocenter offers such things, and its algorithm works. */
class VendorExampleTest {

    @Test
    void theAlgorithmAndTheCommandAreOfferedAsServices() {
        RegistrationAlgorithms installed = service(RegistrationAlgorithms.class);
        assertTrue(installed.byId(BoneCentroidRegistration.ID).isPresent(),
                "offered with the shipped algorithms: " + installed.available());
        assertTrue(installed.byId("rigid-intensity").isPresent());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, CliApplication.run(new String[] { "help" }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream())));
        String last = out.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains("\"example-centroid\""), "help lists the contributed CliCommand service: " + last);
    }

    /** The command runs through the Equinox application's runner: a usage mistake is exit 2 with its JSON. */
    @Test
    void theContributedCommandRunsThroughTheRunnerWithTheCliContract() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = CliApplication.run(new String[] { "example-centroid", "--planning", "/nonexistent" },
                        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        String last = out.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(JsonParser.parseString(last).getAsJsonObject().get("error").getAsString().contains("--daily"), last);
    }

    /**
     * Analytic truth: the daily image is the planning CT's voxels on a grid moved by (3, -2, 5) mm in another Frame
     * of Reference, so its bone centroid is the planning one moved by exactly that.
     */
    @Test
    void theBoneCentroidShiftOfAMovedCopyIsTheKnownShift() {
        ImageVolume planning = DemoPatient.planningCt();
        Vector3 shift = new Vector3(3, -2, 5);
        VolumeGeometry g = planning.geometry();
        VolumeGeometry moved = new VolumeGeometry(g.sizeX(), g.sizeY(), g.sizeZ(), g.spacingXMm(), g.spacingYMm(),
                g.spacingZMm(), g.originMm().plus(shift), g.rowDirection(), g.columnDirection(), g.sliceDirection());
        ImageVolumeInfo i = planning.info();
        ImageVolume daily = new ImageVolume(moved, planning.storedValues(), planning.rescaleSlope(),
                planning.rescaleIntercept(), planning.unit(), new ImageVolumeInfo(i.patient(), i.studyInstanceUid(),
                        "1.2.3.4.5.1", "1.2.3.4.5.2", i.modality(), i.patientPosition(), i.acquisitionDate(), "moved"));
        // a region larger than the planning CT, so that the moved copy's bone lies inside it too
        RegistrationRegion region = RegistrationRegion.box(g.indexToPatient(-20, -20, -20),
                g.indexToPatient(g.sizeX() + 20, g.sizeY() + 20, g.sizeZ() + 20));
        RegistrationRequest r = new RegistrationRequest(planning, daily, region,
                RegistrationRequest.DegreesOfFreedom.TRANSLATION_ONLY, SimilarityMetric.MUTUAL_INFORMATION, null, 1);
        RegistrationResult result = new BoneCentroidRegistration().register(r, ProgressMonitor.NONE);
        RigidTransform t = result.planningToDaily();
        Vector3 c = region.centreMm();
        assertEquals(0, t.apply(c).minus(c).distanceTo(shift), 1e-6, "translation " + t.apply(c).minus(c));
        assertEquals("1.2.3.4.5.2", t.toFrameUid());
    }

    /**
     * The plug-in's log importer reads a console's CSV (cm) into the course: picked because it recognises the file,
     * the corrections converted to mm, the console's actions to decisions; importing again adds nothing.
     */
    @Test
    void theConsoleCsvIsImportedIntoTheCourseInMillimetres() throws Exception {
        java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("isocenter-csv-import-");
        java.nio.file.Path demo = tmp.resolve("demo");
        DemoPatient.generate(demo, ProgressMonitor.NONE);
        java.nio.file.Path csv = tmp.resolve("console-export.csv");
        java.nio.file.Files.writeString(csv, CsvLogImporter.HEADER + "\n"
                + "2026-11-09,08:16:00," + DemoPatient.PATIENT.patientId() + "," + DemoPatient.dailySeriesUid(1)
                + ",HFS,-0.32,0.25,0.41,0,0,0,APPLIED,therapist\n"
                + "2026-11-10,08:20:30," + DemoPatient.PATIENT.patientId() + "," + DemoPatient.dailySeriesUid(2)
                + ",HFS,0.1,-0.05,0.2,0.5,0,0,SKIPPED,therapist\n");
        String db = "jdbc:h2:file:" + tmp.resolve("records") + ";AUTO_SERVER=TRUE";
        JsonObject imported = cli(0, "course", "import", "--log", csv.toString(), "--planning", demo.toString(), "--db", db);
        assertEquals(CsvLogImporter.ID, imported.get("importer").getAsString(), "the importer that recognises the file");
        assertEquals(2, imported.get("added").getAsInt(), imported.toString());
        JsonObject show = cli(0, "course", "show", "--patient", DemoPatient.PATIENT.patientId(), "--db", db);
        com.google.gson.JsonArray fractions = show.getAsJsonArray("fractions");
        JsonObject first = fractions.get(0).getAsJsonObject();
        assertEquals("ACCEPTED", first.get("decision").getAsString());
        JsonObject couch = first.getAsJsonObject("couchCorrection");
        assertEquals(-3.2, couch.get("lateralMm").getAsDouble(), 1e-9, "cm converted to mm");
        assertEquals(2.5, couch.get("longitudinalMm").getAsDouble(), 1e-9);
        assertEquals(4.1, couch.get("verticalMm").getAsDouble(), 1e-9);
        assertEquals("REJECTED", fractions.get(fractions.size() - 1).getAsJsonObject().get("decision").getAsString());
        JsonObject again = cli(0, "course", "import", "--log", csv.toString(), "--db", db);
        assertEquals(0, again.get("added").getAsInt());
        assertEquals(2, again.get("skipped").getAsInt());
        JsonObject wrong = cli(2, "course", "import", "--log", csv.toString(), "--db", db, "--importer", "nope");
        assertTrue(wrong.get("error").getAsString().contains(CsvLogImporter.ID), wrong.toString());
    }

    /**
     * A plug-in cannot replace a shipped command: a {@code register} service ranked above everything is left out with
     * a warning naming both classes, and {@code register} stays the shipped one.
     */
    @Test
    void aContributedCommandCannotTakeAShippedCommandsName() {
        org.isocenter.cli.CliCommand impostor = new org.isocenter.cli.CliCommand() {
            @Override
            public String name() {
                return "register";
            }

            @Override
            public String usage() {
                return "impostor";
            }

            @Override
            public JsonObject run(java.util.List<String> args, ProgressMonitor progress) {
                throw new AssertionError("never run");
            }
        };
        var context = org.osgi.framework.FrameworkUtil.getBundle(VendorExampleTest.class).getBundleContext();
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put(org.osgi.framework.Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        var registration = context.registerService(org.isocenter.cli.CliCommand.class, impostor, props);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            assertEquals(0, CliApplication.run(new String[] { "help" }, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)));
            String warning = err.toString(StandardCharsets.UTF_8);
            assertTrue(warning.contains("the command 'register' of " + impostor.getClass().getName() + " is left out")
                    && warning.contains("RegisterCommand"), warning);
            String last = out.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElseThrow();
            String usage = JsonParser.parseString(last).getAsJsonObject().getAsJsonObject("usage").get("register")
                    .getAsString();
            assertTrue(usage.startsWith("--planning"), "the shipped register: " + usage);
        } finally {
            registration.unregister();
        }
    }

    /** Runs a command line through the Equinox application's runner; the exit code must be {@code expected}. */
    private static JsonObject cli(int expected, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = CliApplication.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String last = out.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse("{}");
        assertEquals(expected, code, last + "\n" + err.toString(StandardCharsets.UTF_8));
        return JsonParser.parseString(last).getAsJsonObject();
    }

    /** The OSGi service of this type, as SCR registers it (asynchronously: waits up to 10 s). */
    static <T> T service(Class<T> type) {
        return org.isocenter.core.services.TrackedServices.await(VendorExampleTest.class, type,
                java.time.Duration.ofSeconds(10));
    }
}
