/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.igrt;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.isocenter.registration.CorrectionLimits;
import org.isocenter.registration.RigidIntensityRegistration;

/**
 * The clinic's IGRT settings, read by the command line and the workbench alike (headless preferences): the couch
 * correction limits (action levels and maxima, mm and degrees), whether the couch corrects rotations (6 DOF) or
 * translations only (3 DOF), what Auto match aligns by default, and the margin (mm) around the structure of a
 * soft-tissue match, and the registration algorithm the matches use (the id of a {@code RegistrationAlgorithm} service,
 * the shipped rigid match unless a contributed one is chosen) with the values of its parameters (by key, in their
 * units; absent ones take the algorithm's defaults). Stored in {@value #FILE_NAME} in the Isocenter home ({@link RecordStores#home}); absent keys
 * take the defaults. Saving is atomic: a temporary file, read back, then renamed over the old one.
 */
public record ClinicSettings(CorrectionLimits limits, boolean sixDofCouch, MatchOn defaultMatch,
        double softTissueMarginMm, String registrationAlgorithm, Map<String, Double> algorithmParameters) {

    public static final String FILE_NAME = "clinic.properties";
    /** Measured on the demo pelvis: the CTV + 20 mm lands within 1 mm of the truth, + 10 mm 1.8-2.5 mm off. */
    public static final double DEFAULT_SOFT_TISSUE_MARGIN_MM = 20;
    /** The registration algorithm of the matches unless the clinic chooses another one: the shipped rigid match. */
    public static final String DEFAULT_ALGORITHM = RigidIntensityRegistration.ID;
    public static final ClinicSettings DEFAULT = new ClinicSettings(CorrectionLimits.DEFAULT, true, MatchOn.BONE,
            DEFAULT_SOFT_TISSUE_MARGIN_MM, DEFAULT_ALGORITHM);

    /** The keys of the settings file. */
    public static final String ACTION_MM = "igrt.actionLevelMm", ACTION_DEG = "igrt.actionLevelDeg",
            MAX_MM = "igrt.maxTranslationMm", MAX_DEG = "igrt.maxRotationDeg", SIX_DOF = "igrt.sixDofCouch",
            MATCH = "igrt.defaultMatch", SOFT_MARGIN = "igrt.softTissueMarginMm",
            ALGORITHM = "igrt.registrationAlgorithm";
    /** The prefix of the keys of the algorithm's parameters: {@code igrt.algorithmParameter.<key>}. */
    public static final String ALGORITHM_PARAMETER = "igrt.algorithmParameter.";

    public ClinicSettings {
        if (limits == null || defaultMatch == null) {
            throw new IllegalArgumentException("clinic settings need limits and a default match");
        }
        if (registrationAlgorithm == null || !registrationAlgorithm.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("the registration algorithm is an id such as "
                    + RigidIntensityRegistration.ID + ", not '" + registrationAlgorithm + "'");
        }
        if (!(softTissueMarginMm >= 0 && softTissueMarginMm <= 100)) {
            throw new IllegalArgumentException("the soft-tissue margin must be within 0..100 mm, not " + softTissueMarginMm);
        }
        algorithmParameters = Map.copyOf(java.util.Objects.requireNonNullElse(algorithmParameters, Map.of()));
        for (var e : algorithmParameters.entrySet()) {
            if (!e.getKey().matches("[A-Za-z][A-Za-z0-9]{0,39}") || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException(ALGORITHM_PARAMETER + e.getKey() + " = " + e.getValue()
                        + " is not a parameter key with a number");
            }
        }
    }

    /** Settings whose algorithm runs with its default parameters. */
    public ClinicSettings(CorrectionLimits limits, boolean sixDofCouch, MatchOn defaultMatch, double softTissueMarginMm,
            String registrationAlgorithm) {
        this(limits, sixDofCouch, defaultMatch, softTissueMarginMm, registrationAlgorithm, Map.of());
    }

    /** The settings file of the process's Isocenter home. */
    public static Path defaultFile() {
        return RecordStores.home().resolve(FILE_NAME);
    }

    /** The clinic's settings ({@link #defaultFile()}); the defaults when there is no file. */
    public static ClinicSettings load() throws IOException {
        return load(defaultFile());
    }

    /**
     * Reads a settings file; the defaults when it does not exist. A value that is not a number, or limits that
     * contradict each other, are refused with a message naming the file and the key (never silently replaced).
     */
    public static ClinicSettings load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return DEFAULT;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            CorrectionLimits d = DEFAULT.limits();
            CorrectionLimits limits = new CorrectionLimits(number(p, ACTION_MM, d.actionLevelMm()),
                    number(p, ACTION_DEG, d.actionLevelDeg()), number(p, MAX_MM, d.maxTranslationMm()),
                    number(p, MAX_DEG, d.maxRotationDeg()));
            String six = p.getProperty(SIX_DOF, Boolean.toString(DEFAULT.sixDofCouch())).strip().toLowerCase(Locale.ROOT);
            if (!six.equals("true") && !six.equals("false")) {
                throw new IllegalArgumentException(SIX_DOF + " is true or false, not '" + six + "'");
            }
            Map<String, Double> parameters = new java.util.TreeMap<>();
            for (String k : p.stringPropertyNames()) {
                if (k.startsWith(ALGORITHM_PARAMETER)) {
                    parameters.put(k.substring(ALGORITHM_PARAMETER.length()), number(p, k, Double.NaN));
                }
            }
            return new ClinicSettings(limits, Boolean.parseBoolean(six),
                    MatchOn.parse(p.getProperty(MATCH, DEFAULT.defaultMatch().id())),
                    number(p, SOFT_MARGIN, DEFAULT.softTissueMarginMm()),
                    p.getProperty(ALGORITHM, DEFAULT_ALGORITHM).strip(), parameters);
        } catch (IllegalArgumentException e) {
            throw new IOException("clinic settings " + file + ": " + e.getMessage(), e);
        }
    }

    /** These settings with other limits. */
    public ClinicSettings withLimits(CorrectionLimits l) {
        return new ClinicSettings(l, sixDofCouch, defaultMatch, softTissueMarginMm, registrationAlgorithm,
                algorithmParameters);
    }

    /** Writes the settings atomically (temporary file beside it, read back and compared, renamed). */
    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Properties p = new Properties();
        p.setProperty(ACTION_MM, Double.toString(limits.actionLevelMm()));
        p.setProperty(ACTION_DEG, Double.toString(limits.actionLevelDeg()));
        p.setProperty(MAX_MM, Double.toString(limits.maxTranslationMm()));
        p.setProperty(MAX_DEG, Double.toString(limits.maxRotationDeg()));
        p.setProperty(SIX_DOF, Boolean.toString(sixDofCouch));
        p.setProperty(MATCH, defaultMatch.id());
        p.setProperty(SOFT_MARGIN, Double.toString(softTissueMarginMm));
        p.setProperty(ALGORITHM, registrationAlgorithm);
        algorithmParameters.forEach((k, v) -> p.setProperty(ALGORITHM_PARAMETER + k, Double.toString(v)));
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Isocenter clinic IGRT settings (mm, degrees)");
            }
            if (!load(tmp).equals(this)) {
                throw new IOException("clinic settings did not read back as written: " + tmp);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static double number(Properties p, String key, double fallback) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + v.strip() + "' is not a number");
        }
    }
}
