/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.ControlPoint;
import org.isocenter.core.plan.Jaws;
import org.isocenter.core.plan.PatientSetup;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.igrt.TreatmentIsocenter;
import org.junit.jupiter.api.Test;

/**
 * The treatment-isocenter rule both front ends use: a SETUP beam listed first is passed over for the first
 * TREATMENT beam, the position comes from that beam's Patient Setup (not the image's), other isocenters and a
 * differing position are noted, a single isocenter in the image's position is not; a plan without beams has none.
 */
class TreatmentIsocenterTest {

    private static Beam beam(int number, String type, Vector3 iso, int setup) {
        return new Beam(number, "B" + number, "", type, "PHOTON", 6, "LINAC", 1000, setup, null,
                List.of(new ControlPoint(0, 0, 0, 0, 0, iso, new Jaws(-50, 50, -50, 50), null)));
    }

    private static RtPlan plan(List<Beam> beams, List<PatientSetup> setups) {
        return new RtPlan("P", "P", new PatientIdentity("ID", "N", "", ""), "1.2.3", "", List.of(), List.of(), beams,
                setups);
    }

    @Test
    void theFirstTreatmentBeamAndItsSetupPositionDecide() {
        Vector3 setupIso = new Vector3(0, 0, 0), treatmentIso = new Vector3(10, -20, 30);
        RtPlan p = plan(List.of(beam(1, "SETUP", setupIso, 1), beam(2, "TREATMENT", treatmentIso, 2),
                beam(3, "TREATMENT", new Vector3(15, -20, 30), 2)),
                List.of(new PatientSetup(1, PatientPosition.HFS, "", 0, 0, 0),
                        new PatientSetup(2, PatientPosition.FFS, "", 0, 0, 0)));
        TreatmentIsocenter t = TreatmentIsocenter.of(p, PatientPosition.HFS).orElseThrow();
        assertEquals(0, t.mm().distanceTo(treatmentIso), 1e-12, "the treatment beam's, not the setup beam's");
        assertEquals(2, t.beam().number());
        assertEquals(PatientPosition.FFS, t.position(), "the beam's patient setup, not the image's HFS");
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("other isocenters")), t.notes().toString());
        assertTrue(t.notes().stream().anyMatch(n -> n.contains("differs")), t.notes().toString());
    }

    @Test
    void oneIsocenterInTheImagesPositionHasNoNotesAndNoBeamsNoIsocenter() {
        RtPlan p = plan(List.of(beam(1, "TREATMENT", new Vector3(1, 2, 3), 1)),
                List.of(new PatientSetup(1, PatientPosition.HFP, "", 0, 0, 0)));
        TreatmentIsocenter t = TreatmentIsocenter.of(p, PatientPosition.HFP).orElseThrow();
        assertEquals(PatientPosition.HFP, t.position());
        assertEquals("RTPLAN patient setup 1", t.positionSource());
        assertTrue(t.notes().isEmpty(), t.notes().toString());
        assertTrue(TreatmentIsocenter.of(plan(List.of(), List.of()), PatientPosition.HFS).isEmpty());
    }
}
