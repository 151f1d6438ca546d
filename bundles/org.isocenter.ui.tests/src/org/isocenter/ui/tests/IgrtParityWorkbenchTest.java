/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.tests;

import static org.isocenter.ui.tests.UiTestSupport.page;
import static org.isocenter.ui.tests.UiTestSupport.spinUntil;
import static org.isocenter.ui.tests.UiTestSupport.viewer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.ui.PlatformUI;
import org.isocenter.demo.DemoPatient;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.igrt.ClinicSettings;
import org.isocenter.igrt.MatchOn;
import org.isocenter.registration.CouchCorrection;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.preferences.PreferenceDefaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * One IGRT decision, two front ends: the workbench's Auto match and the command line's {@code register} run on the
 * same demo fractions with the same clinic settings (the clinic file, written here) and must give the same match
 * transform to the last bit and the same couch correction, status and messages.
 */
class IgrtParityWorkbenchTest {

    private static final Path CLINIC = ClinicSettings.defaultFile();

    @AfterAll
    static void restoreClinic() throws Exception {
        Files.deleteIfExists(CLINIC);
        viewer().couchPanel().setMatchOn(MatchOn.BONE);
        page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(IsocenterUi.PERSPECTIVE_PLANNING));
    }

    @Test
    void workbenchAndCommandLineDecideEveryDemoFractionAlike() throws Exception {
        assertTrue(CLINIC.toString().contains("isocenter-home"), "tests use their own Isocenter home: " + CLINIC);
        UiTestSupport.awaitStartup();
        UiTestSupport.showDemoPlanningCtForIgrt();

        // 6-DOF couch, bone: fractions 1-3
        ClinicSettings.DEFAULT.save(CLINIC);
        for (int fraction = 1; fraction <= 3; fraction++) {
            compare(fraction, MatchOn.BONE, List.of());
        }
        // 3-DOF couch: the translation-only bony match, the 6-DOF check and its residual (fraction 2 is rotated)
        new ClinicSettings(ClinicSettings.DEFAULT.limits(), false, MatchOn.BONE, 20, ClinicSettings.DEFAULT_ALGORITHM)
                .save(CLINIC);
        CouchCorrection threeDof = compare(2, MatchOn.BONE, List.of());
        assertEquals(0, threeDof.pitchDeg(), 0);
        assertTrue(String.join("; ", threeDof.messages()).contains("3-DOF couch"), threeDof.messages().toString());
        // soft tissue on the CTV + 20 mm after the bony match, 6-DOF couch
        ClinicSettings.DEFAULT.save(CLINIC);
        compare(3, MatchOn.SOFT_TISSUE, List.of("--roi", "CTV_Prostate", "--roi-margin", "20"));
    }

    /** Auto match in the workbench and {@code register} in the command line on one fraction; returns the correction. */
    private static CouchCorrection compare(int fraction, MatchOn on, List<String> cliOptions) throws Exception {
        SeriesRecord cbct = viewer().secondaryCandidates().stream()
                .filter(s -> s.seriesInstanceUid().equals(DemoPatient.dailySeriesUid(fraction))).findFirst().orElseThrow();
        viewer().loadSecondary(cbct);
        spinUntil(() -> viewer().model().scene().secondary().filter(v -> v.info().seriesInstanceUid()
                .equals(cbct.seriesInstanceUid())).isPresent(), 60_000, "fraction " + fraction + " fused");
        var couch = viewer().couchPanel();
        couch.setMatchOn(on);
        if (on == MatchOn.SOFT_TISSUE) {
            couch.setRegion("CTV_Prostate", 20);
        }
        viewer().autoMatch().join();
        spinUntil(() -> viewer().model().matchOutcome() != null || viewer().model().message() != null, 60_000,
                "the auto match of fraction " + fraction);
        assertEquals(null, viewer().model().message());
        CouchCorrection shown = couch.correction();

        List<String> args = new ArrayList<>(List.of("register", "--planning",
                PreferenceDefaults.demoFolder().resolve(DemoPatient.CT_FOLDER).toString(), "--daily",
                PreferenceDefaults.demoFolder().resolve(DemoPatient.dailyFolder(fraction)).toString()));
        args.addAll(cliOptions);
        JsonObject cli = cli(args);
        String what = "fraction " + fraction + " on " + on.id();

        double[] cliMatrix = new double[16];
        JsonArray m = cli.getAsJsonArray("matrix");
        for (int i = 0; i < 16; i++) {
            cliMatrix[i] = m.get(i).getAsDouble();
        }
        assertArrayEquals(cliMatrix, viewer().model().scene().primaryToSecondary().orElseThrow().toRowMajorArray(), 0,
                what + ": the same transform to the last bit");
        JsonObject c = cli.getAsJsonObject("couchCorrection");
        assertEquals(c.get("lateralMm").getAsDouble(), round(shown.lateralMm()), 0, what);
        assertEquals(c.get("longitudinalMm").getAsDouble(), round(shown.longitudinalMm()), 0, what);
        assertEquals(c.get("verticalMm").getAsDouble(), round(shown.verticalMm()), 0, what);
        assertEquals(c.get("pitchDeg").getAsDouble(), round(shown.pitchDeg()), 0, what);
        assertEquals(c.get("rollDeg").getAsDouble(), round(shown.rollDeg()), 0, what);
        assertEquals(c.get("yawDeg").getAsDouble(), round(shown.yawDeg()), 0, what);
        assertEquals(c.get("status").getAsString(), shown.status().name(), what);
        List<String> cliMessages = new ArrayList<>();
        c.getAsJsonArray("messages").forEach(e -> cliMessages.add(e.getAsString()));
        assertEquals(cliMessages, shown.messages(), what + ": the same warnings");
        assertEquals(cli.get("patientPosition").getAsString(), shown.position().name(), what);
        System.out.printf("parity %s: lat %+.4f long %+.4f vert %+.4f mm, pitch %+.4f roll %+.4f yaw %+.4f deg, %s%n",
                what, shown.lateralMm(), shown.longitudinalMm(), shown.verticalMm(), shown.pitchDeg(), shown.rollDeg(),
                shown.yawDeg(), shown.status());
        return shown;
    }

    /** The command line's rounding of couch numbers in its JSON (four decimals, no negative zero). */
    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4 + 0.0;
    }

    private static JsonObject cli(List<String> args) {
        return UiTestSupport.cli(args);
    }

}
