/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.isocenter.igrt.AdaptiveRule;
import org.isocenter.igrt.AlertSettings;
import org.isocenter.igrt.ClinicSettings;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.RecordStores;

/**
 * What the adaptive rules of a course need besides its records: the rules on offer, the alert settings of its site, the clinic's couch
 * (rotations corrected or not, largest rotation in degrees), and the problem that stopped a settings file from
 * being read (then the rules are not evaluated and the problem itself is the fraction's alert).
 */
record AlertEnvironment(List<AdaptiveRule> rules, AlertSettings settings, boolean sixDofCouch, double couchMaxRotationDeg,
        String problem) {

    static AlertEnvironment forCourse(Course course, List<AdaptiveRule> rules) {
        Path home = RecordStores.home();
        ClinicSettings clinic = ClinicSettings.DEFAULT;
        try {
            clinic = ClinicSettings.load(home.resolve(ClinicSettings.FILE_NAME));
            AlertSettings settings = AlertSettings.forSite(course.site(), home);
            return new AlertEnvironment(rules, settings, clinic.sixDofCouch(), clinic.limits().maxRotationDeg(), null);
        } catch (IOException | RuntimeException e) {
            return new AlertEnvironment(rules, AlertSettings.DEFAULTS, clinic.sixDofCouch(), clinic.limits().maxRotationDeg(),
                    e.getMessage());
        }
    }
}
