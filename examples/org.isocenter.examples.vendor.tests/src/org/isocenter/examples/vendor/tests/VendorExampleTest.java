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

    /** The OSGi service of this type, as SCR registers it (waits up to 10 s: SCR activates components asynchronously). */
    static <T> T service(Class<T> type) {
        org.osgi.framework.Bundle b = org.osgi.framework.FrameworkUtil.getBundle(VendorExampleTest.class);
        if (b.getBundleContext() == null) {
            try {
                b.start(org.osgi.framework.Bundle.START_TRANSIENT);
            } catch (org.osgi.framework.BundleException e) {
                throw new IllegalStateException(e);
            }
        }
        org.osgi.util.tracker.ServiceTracker<T, T> t = new org.osgi.util.tracker.ServiceTracker<>(b.getBundleContext(),
                type, null);
        t.open();
        T s;
        try {
            s = t.waitForService(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (s == null) {
            throw new IllegalStateException("no " + type.getName() + " service");
        }
        return s;
    }
}
