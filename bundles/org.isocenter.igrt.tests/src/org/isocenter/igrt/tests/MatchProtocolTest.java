/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicInteger;

import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.patient.TableTopAxes;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.demo.DemoPatient;
import org.isocenter.demo.DailyImageSpec;
import org.isocenter.igrt.ClinicSettings;
import org.isocenter.igrt.MatchGeometry;
import org.isocenter.igrt.MatchInputs;
import org.isocenter.igrt.MatchOn;
import org.isocenter.igrt.MatchOutcome;
import org.isocenter.igrt.MatchProtocol;
import org.isocenter.igrt.MatchStep;
import org.isocenter.registration.CorrectionLimits;
import org.isocenter.registration.CouchCorrection;
import org.isocenter.registration.RegistrationAlgorithm;
import org.isocenter.registration.RegistrationAlgorithms;
import org.isocenter.registration.RegistrationRequest;
import org.isocenter.registration.RegistrationResult;
import org.isocenter.registration.RigidIntensityRegistration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The IGRT match protocol on the demo patient, against the demo's known set-up errors: bone on a 6-DOF and on a
 * 3-DOF couch, the soft-tissue step, the couch correction rule for moved transforms, and its refusals.
 */
class MatchProtocolTest {

    private static ImageVolume planning;
    private static StructureSet structures;
    private static final MatchProtocol SIX = MatchProtocol.of(ClinicSettings.DEFAULT);
    private static final MatchProtocol THREE = MatchProtocol.of(new ClinicSettings(CorrectionLimits.DEFAULT, false,
            MatchOn.BONE, 20, ClinicSettings.DEFAULT_ALGORITHM));

    @BeforeAll
    static void demo() {
        planning = DemoPatient.planningCt();
        structures = DemoPatient.structureSet();
    }

    private static MatchInputs inputs(int fraction, String softStructure) {
        DailyImageSpec spec = DemoPatient.DAILY_IMAGES.get(fraction - 1);
        return new MatchInputs(planning, DemoPatient.dailyImage(spec), structures, null, "", softStructure);
    }

    @Test
    void boneOnASixDofCouchFindsTheKnownSetUpErrorAndItsCorrection() {
        MatchInputs in = inputs(2, null);
        MatchOutcome o = SIX.run(in, service(RegistrationAlgorithms.class), ProgressMonitor.NONE);
        RigidTransform truth = DemoPatient.planningToDaily(DemoPatient.DAILY_IMAGES.get(1));
        MatchGeometry g = o.geometry();
        assertFalse(g.planIsocenter(), "no plan given: the correction is about the region centre");
        assertEquals(0, o.planningToDaily().apply(g.targetCentreMm()).distanceTo(truth.apply(g.targetCentreMm())), 1.0);
        CouchCorrection expected = CouchCorrection.sixDof(truth, g.isocenterMm(), g.isocenterMm(), g.position(),
                CorrectionLimits.DEFAULT);
        assertEquals(expected.lateralMm(), o.correction().lateralMm(), 1.0);
        assertEquals(expected.longitudinalMm(), o.correction().longitudinalMm(), 1.0);
        assertEquals(expected.verticalMm(), o.correction().verticalMm(), 1.0);
        assertEquals(expected.pitchDeg(), o.correction().pitchDeg(), 0.3);
        assertEquals(expected.rollDeg(), o.correction().rollDeg(), 0.3);
        assertEquals(expected.yawDeg(), o.correction().yawDeg(), 0.3);
        assertEquals(1, o.steps().size(), "a 6-DOF couch needs no rotation check");
        assertTrue(o.residual().isEmpty());
        assertEquals("bone-6dof", o.matchName());
        // the same protocol on the same images is the same outcome, bit for bit (what both front ends rely on)
        MatchOutcome again = SIX.run(in, service(RegistrationAlgorithms.class), ProgressMonitor.NONE);
        assertEquals(o.correction(), again.correction());
        assertEquals(java.util.Arrays.toString(o.planningToDaily().toRowMajorArray()),
                java.util.Arrays.toString(again.planningToDaily().toRowMajorArray()));
    }

    @Test
    void aThreeDofCouchMatchesTranslationsAndReportsTheRotationItLeaves() {
        MatchOutcome o = THREE.run(inputs(2, null), service(RegistrationAlgorithms.class), ProgressMonitor.NONE);
        RigidTransform truth = DemoPatient.planningToDaily(DemoPatient.DAILY_IMAGES.get(1));
        assertEquals(0, o.planningToDaily().rotationAngleDegrees(), 0, "the bony match has the couch's 3 DOF");
        assertEquals(0, o.correction().pitchDeg(), 0);
        assertEquals(0, o.correction().rollDeg(), 0);
        assertEquals(0, o.correction().yawDeg(), 0);
        assertTrue(o.step(MatchStep.BONY_6DOF_CHECK).isPresent());
        assertEquals(truth.rotationAngleDegrees(),
                o.step(MatchStep.BONY_6DOF_CHECK).get().result().planningToDaily().rotationAngleDegrees(), 0.2);
        assertTrue(o.residual().isPresent());
        assertTrue(o.correction().messages().stream().anyMatch(m -> m.startsWith("3-DOF couch")
                && m.endsWith("(rotation from a 6-DOF bony match)")), o.correction().messages().toString());
        assertEquals("bone-3dof", o.matchName());
    }

    @Test
    void onAThreeDofCouchAMovedRotatedTransformIsCorrectedAtTheTargetCentreNotTheIsocenter() {
        MatchGeometry found = THREE.withOn(MatchOn.SOFT_TISSUE).geometry(inputs(2, "CTV_Prostate"));
        // an isocenter 40 mm off the target centre tells the two apart
        Vector3 target = found.targetCentreMm(), iso = target.plus(new Vector3(40, 0, 0));
        MatchGeometry g = new MatchGeometry(iso, "test", true, found.position(), "test", target, "CTV_Prostate",
                found.bonyRegion(), found.softTissueRegion(), java.util.List.of());
        RigidTransform moved = DemoPatient.planningToDaily(DemoPatient.DAILY_IMAGES.get(1)); // rotated 1.9 deg
        CouchCorrection c = THREE.correction(moved, g);
        // the couch shift s (LPS) the IEC correction stands for brings the target centre back to where it was planned
        // (the daily image is reconstructed with the machine isocenter at the plan isocenter's coordinates)
        Vector3 shiftLps = TableTopAxes.of(g.position()).toLps(new Vector3(c.lateralMm(), c.longitudinalMm(),
                c.verticalMm()));
        assertEquals(0, moved.apply(target).plus(shiftLps).distanceTo(target), 1e-9, "the target centre is aligned");
        assertTrue(moved.apply(iso).plus(shiftLps).distanceTo(iso) > 0.5, "the isocenter is not what is aligned");
        assertEquals(0, c.pitchDeg(), 0);
        // a 6-DOF couch corrects the same transform with its rotations
        CouchCorrection six = SIX.correction(moved, SIX.geometry(inputs(2, null)));
        assertTrue(Math.abs(six.rollDeg()) + Math.abs(six.pitchDeg()) + Math.abs(six.yawDeg()) > 1, six.toString());
    }

    @Test
    void softTissueStartsFromBoneAndReportsTheDifferenceAtTheTarget() {
        MatchProtocol soft = SIX.withOn(MatchOn.SOFT_TISSUE);
        MatchOutcome o = soft.run(inputs(1, null), service(RegistrationAlgorithms.class), ProgressMonitor.NONE);
        assertEquals("CTV_Prostate", o.geometry().targetName(), "the first target by default");
        assertTrue(o.geometry().softTissueRegion().orElseThrow().description().contains("CTV_Prostate + 20 mm"));
        assertEquals(MatchStep.SOFT_TISSUE, o.decidingStep().name());
        assertTrue(o.bonyCorrection().isPresent() && o.softMinusBonyMm().isPresent());
        // fraction 1: the organs move with the bones, so soft tissue and bone agree within the measured 1.5 mm
        assertTrue(o.softMinusBonyMm().get().norm() <= 1.5, o.softMinusBonyMm().get().toString());
        assertEquals("soft-tissue", o.matchName());
        RigidTransform truth = DemoPatient.planningToDaily(DemoPatient.DAILY_IMAGES.get(0));
        Vector3 c = o.geometry().targetCentreMm();
        assertEquals(0, o.planningToDaily().apply(c).distanceTo(truth.apply(c)), 1.5);
    }

    @Test
    void whatCannotBeMatchedIsRefusedWithWhatToDo() {
        MatchProtocol soft = SIX.withOn(MatchOn.SOFT_TISSUE);
        ImageVolume daily = DemoPatient.dailyImage(DemoPatient.DAILY_IMAGES.get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> soft.geometry(new MatchInputs(planning, daily, null, null, "", null)));
        assertTrue(e.getMessage().contains("needs a structure") && e.getMessage().contains("match on bone"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> soft.geometry(new MatchInputs(planning, daily, structures, null, "", "Liver")));
        assertTrue(e.getMessage().contains("'Liver'") && e.getMessage().contains("CTV_Prostate"), e.getMessage());
    }

    /**
     * A registration algorithm a plug-in contributes as an OSGi service is the one the protocol runs when the clinic
     * (or {@code --algorithm}) names it: its transform decides the correction. A name no longer installed is refused
     * with the installed ones listed, never replaced by the shipped algorithm.
     */
    @Test
    void aContributedAlgorithmNamedByTheProtocolIsTheOneThatRunsAndAMissingOneIsRefused() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Vector3 shiftMm = new Vector3(4, -3, 2);
        RegistrationAlgorithm vendor = new RegistrationAlgorithm() {
            @Override
            public String id() {
                return "test.fixed-shift";
            }

            @Override
            public String label() {
                return "Fixed shift (test)";
            }

            @Override
            public RegistrationResult register(RegistrationRequest r, ProgressMonitor monitor) {
                calls.incrementAndGet();
                RigidTransform t = RigidTransform.fromEulerDegrees(r.planning().frameOfReferenceUid(),
                        r.daily().frameOfReferenceUid(), 0, 0, 0, new Vector3(0, 0, 0), shiftMm);
                return new RegistrationResult(t, r.metric(), 0.5, 1.0, 1, 0);
            }
        };
        var context = FrameworkUtil.getBundle(MatchProtocolTest.class).getBundleContext();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(RegistrationAlgorithm.ID_PROPERTY, vendor.id());
        ServiceRegistration<RegistrationAlgorithm> registration = context.registerService(RegistrationAlgorithm.class,
                vendor, properties);
        MatchProtocol byVendor = SIX.withAlgorithm(vendor.id());
        try {
            assertTrue(service(RegistrationAlgorithms.class).byId(vendor.id()).isPresent(), "bound by the registry as registered");
            MatchOutcome o = byVendor.run(inputs(2, null), service(RegistrationAlgorithms.class), ProgressMonitor.NONE);
            assertEquals(1, calls.get(), "the contributed algorithm ran the bony match");
            Vector3 c = o.geometry().targetCentreMm();
            assertEquals(0, o.planningToDaily().apply(c).minus(c).distanceTo(shiftMm), 1e-9);
            assertTrue(service(RegistrationAlgorithms.class).byId(RigidIntensityRegistration.ID).isPresent(), "the shipped one stays");
        } finally {
            registration.unregister();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> byVendor.run(inputs(2, null), service(RegistrationAlgorithms.class), ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("'test.fixed-shift' is not installed")
                && e.getMessage().contains(RigidIntensityRegistration.ID), e.getMessage());
        assertEquals(1, calls.get(), "withdrawn with its registration: never run again");
    }

    /** The OSGi service of this type, as SCR registers it (asynchronously: waits up to 10 s). */
    static <T> T service(Class<T> type) {
        return org.isocenter.core.services.TrackedServices.await(MatchProtocolTest.class, type, java.time.Duration.ofSeconds(10));
    }
}
