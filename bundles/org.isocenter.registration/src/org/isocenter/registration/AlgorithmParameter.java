/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One tunable number of a {@link RegistrationAlgorithm}, as the algorithm describes it so that front ends can offer
 * it without knowing the algorithm: its key (in {@link RegistrationRequest#parameters()}, the clinic settings and
 * {@code register --param KEY=VALUE}), a label, its unit as written after the value ("mm", "deg", "HU", or "" for a
 * count or factor), the default and the inclusive range, whether it is a whole number, and a sentence saying what it
 * changes.
 */
public record AlgorithmParameter(String key, String label, String unit, double defaultValue, double min, double max,
        boolean integer, String description) {

    public AlgorithmParameter {
        Objects.requireNonNull(key, "key");
        if (!key.matches("[A-Za-z][A-Za-z0-9]{0,39}")) {
            throw new IllegalArgumentException("a parameter key is letters and digits, not '" + key + "'");
        }
        Objects.requireNonNull(label, "label");
        unit = Objects.requireNonNullElse(unit, "");
        description = Objects.requireNonNullElse(description, "");
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException("parameter " + key + ": the default " + defaultValue + " is outside "
                    + min + ".." + max);
        }
    }

    /** The range as a user reads it, e.g. "1..30 deg". */
    public String range() {
        return format(min) + ".." + format(max) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** A value as this parameter is written (whole numbers without decimals). */
    public String format(double v) {
        return integer || v == Math.rint(v) ? Long.toString(Math.round(v)) : Double.toString(v);
    }

    /**
     * Checks one value of this parameter.
     *
     * @throws IllegalArgumentException naming the parameter, its unit and range
     */
    public double check(double v) {
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new IllegalArgumentException("parameter " + key + " (" + label + ") must be within " + range() + ", not "
                    + v);
        }
        if (integer && v != Math.rint(v)) {
            throw new IllegalArgumentException("parameter " + key + " (" + label + ") is a whole number, not " + v);
        }
        return v;
    }

    /**
     * The values an algorithm runs with: every declared parameter, the given value or its default. A given key the
     * algorithm does not declare, or a value out of range, is refused naming what the algorithm takes (never ignored).
     *
     * @param algorithmId named in messages
     */
    public static Map<String, Double> resolve(String algorithmId, List<AlgorithmParameter> declared,
            Map<String, Double> given) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (AlgorithmParameter p : declared) {
            Double v = given.get(p.key());
            values.put(p.key(), v == null ? p.defaultValue() : p.check(v));
        }
        for (String k : given.keySet()) {
            if (!values.containsKey(k)) {
                throw new IllegalArgumentException("registration algorithm '" + algorithmId + "' has no parameter '" + k
                        + "'; " + (declared.isEmpty() ? "it takes none" : "it takes " + describe(declared)));
            }
        }
        return values;
    }

    /** The parameters as a list for messages: "key (label, range, default d)". */
    public static String describe(List<AlgorithmParameter> declared) {
        return String.join("; ", declared.stream().map(p -> String.format(Locale.ROOT, "%s (%s, %s, default %s)", p.key(),
                p.label(), p.range(), p.format(p.defaultValue()))).toList());
    }
}
