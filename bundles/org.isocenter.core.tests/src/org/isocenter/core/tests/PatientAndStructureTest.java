/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.junit.jupiter.api.Test;

class PatientAndStructureTest {

    @Test
    void identitiesThatDifferOnlyByTrailingNameComponentsAreTheSamePatient() {
        PatientIdentity a = new PatientIdentity("ISO-001", "Phantom^Pelvis^^^", "19600101", "O");
        PatientIdentity b = new PatientIdentity("ISO-001", "PHANTOM^PELVIS", "", "O");
        assertTrue(a.isSamePatient(b));
    }

    @Test
    void differentIdAndBirthDateAreReportedFieldByField() {
        PatientIdentity a = new PatientIdentity("ISO-001", "Phantom^Pelvis", "19600101", "O");
        PatientIdentity b = new PatientIdentity("ISO-002", "Phantom^Pelvis", "19600102", "O");
        List<String> diffs = a.differencesFrom(b);
        assertEquals(2, diffs.size());
        assertTrue(diffs.get(0).contains("ISO-001") && diffs.get(0).contains("ISO-002"));
        assertTrue(diffs.get(1).startsWith("Birth Date"));
        assertFalse(a.isSamePatient(b));
    }

    @Test
    void patientPositionParsesDicomCodesAndNamesBadOnes() {
        assertEquals(PatientPosition.FFS, PatientPosition.fromDicom(" ffs "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PatientPosition.fromDicom("XYZ"));
        assertTrue(e.getMessage().contains("XYZ"));
    }

    @Test
    void squareContourHasItsAreaAndRoiCountsPoints() {
        Contour square = new Contour(ContourGeometry.CLOSED_PLANAR, List.of(new Vector3(0, 0, 5),
                new Vector3(10, 0, 5), new Vector3(10, 10, 5), new Vector3(0, 10, 5)));
        assertEquals(100, square.signedAxialAreaMm2(), 1e-12);
        Roi roi = new Roi(1, "CTV", new int[] { 255, 0, 0 }, "CTV", List.of(square, square));
        assertEquals(8, roi.pointCount());
        assertThrows(IllegalArgumentException.class,
                () -> new Contour(ContourGeometry.CLOSED_PLANAR, List.of(Vector3.ZERO, Vector3.ZERO)));
        assertThrows(IllegalArgumentException.class, () -> new Roi(2, "X", new int[] { 256, 0, 0 }, "", List.of()));
    }

    @Test
    void structureSetFindsRoisByNameAndRejectsDuplicateNumbers() {
        PatientIdentity p = new PatientIdentity("1", "A^B", "", "");
        Roi body = new Roi(1, "BODY", new int[] { 0, 255, 0 }, "EXTERNAL", List.of());
        StructureSet ss = new StructureSet("RS", p, "1.2.3", "1.2.4", List.of(body));
        assertTrue(ss.roi("body").isPresent());
        assertTrue(ss.roi("PTV").isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> new StructureSet("RS", p, "1.2.3", "1.2.4", List.of(body, body)));
    }
}
