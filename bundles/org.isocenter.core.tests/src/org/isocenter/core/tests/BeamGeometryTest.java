/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.ControlPoint;
import org.isocenter.core.plan.Jaws;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Source positions from IEC 61217 gantry and couch angles land where the clinical convention puts them. */
class BeamGeometryTest {

    private static final Vector3 ISO = new Vector3(10, -20, 30);

    private static Beam beam(double gantry, double couch) {
        ControlPoint cp = new ControlPoint(0, 0, gantry, 0, couch, ISO, new Jaws(-50, 50, -50, 50), null);
        return new Beam(1, "B", "", "TREATMENT", "PHOTON", 6, "LINAC", 1000, 1, null, List.of(cp));
    }

    @ParameterizedTest(name = "{0} gantry {1} couch {2}: source towards patient {3}")
    @CsvSource({
            "HFS, 0, 0, 0, -1, 0, anterior",
            "HFS, 90, 0, 1, 0, 0, left",
            "HFS, 270, 0, -1, 0, 0, right",
            "HFS, 180, 0, 0, 1, 0, posterior",
            "FFS, 90, 0, -1, 0, 0, right",
            "HFP, 0, 0, 0, 1, 0, posterior",
            "FFP, 90, 0, 1, 0, 0, left",
            "HFS, 90, 90, 0, 0, -1, inferior",
            "HFS, 90, 270, 0, 0, 1, superior" })
    void sourceLiesOneSourceAxisDistanceFromTheIsocenterInTheExpectedDirection(PatientPosition position, double gantry,
            double couch, double dx, double dy, double dz, String side) {
        Vector3 source = beam(gantry, couch).sourcePositionMm(position);
        Vector3 expected = ISO.plus(new Vector3(dx, dy, dz).times(1000));
        assertEquals(0, source.distanceTo(expected), 1e-6, side + ": " + source);
    }
}
