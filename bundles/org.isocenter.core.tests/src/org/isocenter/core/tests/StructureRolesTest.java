/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureRoles;
import org.isocenter.core.structure.StructureRoles.Role;
import org.isocenter.core.structure.StructureSet;
import org.junit.jupiter.api.Test;

/** Structure roles from RT ROI Interpreted Type and TG-263 names, decided in one place. */
class StructureRolesTest {

    private static final List<Contour> SOME = List.of(new Contour(ContourGeometry.CLOSED_PLANAR, List.of(new Vector3(0, 0, 0), new Vector3(10, 0, 0),
            new Vector3(10, 10, 0))));

    private static Roi roi(int n, String name, String type) {
        return new Roi(n, name, new int[] { 255, 0, 0 }, type, SOME);
    }

    @Test
    void typesDecideAndNamesFillInWhereTheTypeSaysNothing() {
        assertEquals(Optional.of("CTV"), StructureRoles.targetKind(roi(1, "Prostate", "CTV")));
        assertEquals(Optional.of("PTV"), StructureRoles.targetKind(roi(1, "PTV_7000", "")), "untyped: the TG-263 name");
        assertEquals(Optional.of("GTV"), StructureRoles.targetKind(roi(1, "GTVp", "ORGAN")), "a TPS's blanket ORGAN type");
        assertEquals(Optional.of("ITV"), StructureRoles.targetKind(roi(1, "ITV-1", "")));
        assertEquals(Optional.empty(), StructureRoles.targetKind(roi(1, "PTVOID", "")), "PTVOID is not PTV + qualifier");
        assertEquals(Optional.empty(), StructureRoles.targetKind(roi(1, "PTV_Eval", "AVOIDANCE")), "a stated non-target type");
        for (String control : List.of("zPTV", "Ring_PTV", "PTV_Opt", "z_CTV", "PTV-optimization")) {
            assertEquals(Role.CONTROL, StructureRoles.role(roi(1, control, "PTV")), control);
            assertFalse(StructureRoles.isTarget(roi(1, control, "PTV")), control);
        }
        assertEquals(Role.ORGAN_AT_RISK, StructureRoles.role(roi(1, "Rectum", "ORGAN")));
        assertEquals(Role.ORGAN_AT_RISK, StructureRoles.role(roi(1, "SpinalCord_PRV05", "AVOIDANCE")));
        assertEquals(Role.EXTERNAL, StructureRoles.role(roi(1, "BODY", "EXTERNAL")));
        assertTrue(StructureRoles.isClinicalTarget(roi(1, "CTV_High", "")));
        assertFalse(StructureRoles.isClinicalTarget(roi(1, "PTV_High", "")));
    }

    @Test
    void theFirstTargetIsTheWidestContouredEnvelope() {
        Roi emptyPtv = new Roi(1, "PTV", new int[] { 0, 255, 255 }, "PTV", List.of());
        Roi ctv = roi(2, "CTV_Prostate", "CTV"), itv = roi(3, "ITV", ""), gtv = roi(4, "GTV", "GTV");
        StructureSet set = new StructureSet("test", new PatientIdentity("P", "N", "", ""), "1.2", "1.3",
                List.of(gtv, emptyPtv, ctv, itv));
        assertEquals("ITV", set.firstTarget().orElseThrow().name(), "an empty PTV is skipped; ITV before CTV and GTV");
        StructureSet none = new StructureSet("test", new PatientIdentity("P", "N", "", ""), "1.2", "1.3",
                List.of(roi(1, "Bladder", "ORGAN"), roi(2, "zPTV", "PTV")));
        assertTrue(none.firstTarget().isEmpty());
    }
}
