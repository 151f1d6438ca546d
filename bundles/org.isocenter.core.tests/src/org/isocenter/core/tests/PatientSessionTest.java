/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.geometry.RigidTransform;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.registration.SpatialRegistration;
import org.isocenter.core.session.PatientSession;
import org.isocenter.core.session.SessionRefusedException;
import org.isocenter.core.structure.StructureSet;
import org.junit.jupiter.api.Test;

/** One session, one patient; objects in an unknown Frame of Reference are flagged. */
class PatientSessionTest {

    static final PatientIdentity ALICE = new PatientIdentity("P-1", "Doe^Alice", "19700101", "F");
    static final PatientIdentity BOB = new PatientIdentity("P-2", "Doe^Bob", "19700101", "M");
    static final VolumeGeometry GRID = VolumeGeometry.axial(4, 4, 4, 1, 1, 1, new Vector3(0, 0, 0));

    static ImageVolume image(PatientIdentity p, String series, String frame) {
        return new ImageVolume(GRID, new short[64], 1, -1024, "HU",
                new ImageVolumeInfo(p, "1.2.3", series, frame, "CT", PatientPosition.HFS, "20261121", "CT"));
    }

    static DoseGrid dose(PatientIdentity p, String frame) {
        return new DoseGrid(GRID, new float[64], "GY", "PLAN", "PHYSICAL", p, frame, "1.2.9");
    }

    @Test
    void aSecondPatientIsRefusedWithBothNamesInTheMessage() throws Exception {
        PatientSession s = new PatientSession();
        s.addImage(image(ALICE, "1.1", "9.1"));
        SessionRefusedException e = assertThrows(SessionRefusedException.class, () -> s.addImage(image(BOB, "1.2", "9.1")));
        assertTrue(e.getMessage().contains("Doe Alice (P-1)") && e.getMessage().contains("Doe Bob (P-2)"), e.getMessage());
        assertThrows(SessionRefusedException.class, () -> s.addDose(dose(BOB, "9.1")));
        assertEquals(1, s.images().size());
        assertEquals(0, s.doses().size());
        s.clear();
        s.addImage(image(BOB, "1.2", "9.1"));
        assertEquals(BOB, s.patient());
    }

    @Test
    void theSameSeriesTwiceIsRefused() throws Exception {
        PatientSession s = new PatientSession();
        s.addImage(image(ALICE, "1.1", "9.1"));
        assertThrows(SessionRefusedException.class, () -> s.addImage(image(ALICE, "1.1", "9.1")));
    }

    @Test
    void doseAndStructuresInAnotherFrameAreFlaggedUnlessARegistrationLinksIt() throws Exception {
        PatientSession s = new PatientSession();
        s.addImage(image(ALICE, "1.1", "9.1"));
        assertEquals(List.of(), s.addDose(dose(ALICE, "9.1")));
        List<String> w = s.addDose(dose(ALICE, "9.2"));
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("9.2"), w.get(0));
        List<String> st = s.addStructureSet(new StructureSet("RS", ALICE, "9.3", "1.1", List.of()));
        assertEquals(1, st.size());
        assertTrue(st.get(0).contains("9.3") && st.get(0).contains("9.1"), st.get(0));

        s.addRegistration(new SpatialRegistration(ALICE, "9.1", "REG", "", List.of(RigidTransform.identity("9.4", "9.1"))));
        assertEquals(List.of(), s.addDose(dose(ALICE, "9.4")));
        assertEquals(3, s.doses().size());
    }
}
