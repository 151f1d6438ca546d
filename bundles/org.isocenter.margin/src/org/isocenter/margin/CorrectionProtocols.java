/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.isocenter.core.services.Contributions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The built-in correction protocols. Positions and corrections are 3D set-up errors in mm (LR, AP, SI);
 * action levels apply to the length of the 3D vector.
 * <ul>
 * <li>{@code none}: no imaging, residual = Σ, σ.</li>
 * <li>{@code online(A)}: image every fraction, correct that fraction when the error exceeds A mm (A = 0:
 * always; residual 0 in this model, which has no matching or intra-fraction error).</li>
 * <li>{@code nal(N)}: No Action Level (de Boer and Heijmen 2001): image the first N fractions, then correct by
 * their mean; residual Σ = σ/√N, σ unchanged.</li>
 * <li>{@code enal(N, W)}: extended NAL (de Boer and Heijmen 2007): NAL, then a check image every W fractions;
 * the correction is re-estimated from all images so far (guards against drift).</li>
 * <li>{@code sal(α, Nmax)}: Shrinking Action Level (Bel et al. 1993): image the first Nmax fractions; after
 * fraction n, correct by the running mean if it differs from the correction in force by more than α/√n.</li>
 * </ul>
 * An instance is the catalogue on offer, itself a service: the built-ins and every {@link CorrectionProtocolProvider}
 * service bound (front ends and commands take it by {@code @Reference} or a service tracker; {@link #of} makes a fixed
 * one, e.g. for a test).
 */
@Component(service = CorrectionProtocols.class, immediate = true)
public final class CorrectionProtocols {

    private final Contributions<CorrectionProtocolProvider> bound = new Contributions<>();

    /** A catalogue of the built-in protocols, to which the component runtime binds the contributed providers. */
    public CorrectionProtocols() {
    }

    /** A fixed catalogue: the built-in protocols and these providers. */
    public static CorrectionProtocols of(CorrectionProtocolProvider... providers) {
        CorrectionProtocols c = new CorrectionProtocols();
        for (CorrectionProtocolProvider p : providers) {
            c.add(p, Map.of());
        }
        return c;
    }

    public static CorrectionProtocol none() {
        return new Offline("none", "no correction", 0, 0, Double.NaN, 0);
    }

    public static CorrectionProtocol nal(int n) {
        check(n >= 1, "NAL needs at least 1 imaged fraction");
        return new Offline("nal", "No Action Level: correct by the mean of the first " + n + " fractions", n, 0, Double.NaN,
                n);
    }

    public static CorrectionProtocol enal(int n, int weeklyInterval) {
        check(n >= 1 && weeklyInterval >= 1, "eNAL needs N >= 1 and a check interval >= 1 fraction");
        return new Offline("enal", "extended NAL: mean of the first " + n + " fractions, check image every "
                + weeklyInterval + " fractions, re-estimated from all images", n, weeklyInterval, Double.NaN, n);
    }

    public static CorrectionProtocol sal(double alphaMm, int nMax) {
        check(alphaMm > 0 && nMax >= 1, "SAL needs α > 0 mm and Nmax >= 1");
        return new Offline("sal", "Shrinking Action Level: α = " + alphaMm + " mm, Nmax = " + nMax, nMax, 0, alphaMm, nMax);
    }

    public static CorrectionProtocol online(double actionLevelMm) {
        check(actionLevelMm >= 0, "online action level must be >= 0 mm");
        return new Online(actionLevelMm);
    }

    /** The ids of the built-in protocols. */
    public static final java.util.List<String> BUILT_IN_IDS = java.util.List.of("none", "online", "nal", "enal", "sal");

    /**
     * The protocols offered as {@link CorrectionProtocolProvider} services (OSGi, Declarative Services), by service
     * ranking, whose id is not a built-in one (built-ins cannot be replaced silently).
     */
    public java.util.List<CorrectionProtocolProvider> providers() {
        return bound.list().stream()
                .filter(p -> !BUILT_IN_IDS.contains(p.id().toLowerCase(java.util.Locale.ROOT))).toList();
    }

    /**
     * Parses {@code none}, {@code online[:A]}, {@code nal[:N]}, {@code enal[:N[:W]]}, {@code sal[:α[:Nmax]]}, or
     * {@code id[:parameters]} of a {@link CorrectionProtocolProvider} service bound to this catalogue.
     */
    public CorrectionProtocol parse(String spec) {
        String[] p = spec.strip().toLowerCase(java.util.Locale.ROOT).split(":");
        if (!BUILT_IN_IDS.contains(p[0])) {
            for (CorrectionProtocolProvider provider : providers()) {
                if (provider.id().equalsIgnoreCase(p[0])) {
                    return provider.create(java.util.List.of(p).subList(1, p.length));
                }
            }
            throw new IllegalArgumentException("unknown correction protocol '" + p[0] + "'; one of " + ONE_OF
                    + providers().stream().map(x -> ", " + x.id()).collect(java.util.stream.Collectors.joining()));
        }
        return builtIn(spec);
    }

    private static final String ONE_OF = "none, online[:A], nal[:N], enal[:N[:W]], sal[:alpha[:Nmax]]";

    /** Parses the spec of a built-in protocol ({@code none}, {@code online[:A]}, {@code nal[:N]}, ...) alone. */
    public static CorrectionProtocol builtIn(String spec) {
        String[] p = spec.strip().toLowerCase(java.util.Locale.ROOT).split(":");
        try {
            return switch (p[0]) {
                case "none" -> none();
                case "online" -> online(p.length > 1 ? Double.parseDouble(p[1]) : 0);
                case "nal" -> nal(p.length > 1 ? Integer.parseInt(p[1]) : 3);
                case "enal" -> enal(p.length > 1 ? Integer.parseInt(p[1]) : 3, p.length > 2 ? Integer.parseInt(p[2]) : 5);
                case "sal" -> sal(p.length > 1 ? Double.parseDouble(p[1]) : 9, p.length > 2 ? Integer.parseInt(p[2]) : 10);
                default -> throw new IllegalArgumentException("unknown correction protocol '" + p[0] + "'; one of "
                        + ONE_OF);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("protocol '" + spec + "': parameter is not a number");
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** NAL, eNAL, SAL and "none": corrections last for all later fractions. */
    private static final class Offline implements CorrectionProtocol {
        private final String id, description;
        private final int initial, interval, evaluatedFrom;
        private final double alpha;
        private final List<AxisValues> images = new ArrayList<>();

        Offline(String id, String description, int initial, int interval, double alpha, int evaluatedFrom) {
            this.id = id;
            this.description = description;
            this.initial = initial;
            this.interval = interval;
            this.alpha = alpha;
            this.evaluatedFrom = evaluatedFrom;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public CorrectionProtocol newPatient() {
            return new Offline(id, description, initial, interval, alpha, evaluatedFrom);
        }

        @Override
        public boolean imaged(int f) {
            return f < initial || (interval > 0 && f >= initial && (f - initial) % interval == interval - 1);
        }

        @Override
        public AxisValues correctionFor(int f, AxisValues position, AxisValues current) {
            if (position == null) {
                return current;
            }
            images.add(position);
            AxisValues mean = AxisValues.ZERO;
            for (AxisValues v : images) {
                mean = mean.plus(v);
            }
            mean = mean.times(1.0 / images.size());
            if (!Double.isNaN(alpha)) { // SAL: act when the running mean leaves the shrinking action level
                return mean.minus(current).length() > alpha / Math.sqrt(images.size()) ? mean : current;
            }
            // NAL: correct once after the initial images; eNAL: re-estimate at every check image
            return images.size() >= initial ? mean : current;
        }

        @Override
        public boolean online() {
            return false;
        }

        @Override
        public int firstEvaluatedFraction() {
            return evaluatedFrom;
        }

        @Override
        public Optional<Residuals> analyticResiduals(AxisValues systematic, AxisValues random, int fractions) {
            return switch (id) {
                case "none" -> Optional.of(new Residuals(systematic, random, 0));
                case "nal" -> Optional.of(new Residuals(random.times(1 / Math.sqrt(initial)), random,
                        Math.min(1.0, initial / (double) fractions)));
                default -> Optional.empty(); // eNAL and SAL: by simulation
            };
        }
    }

    /** Online: image every fraction, correct that fraction only when the error exceeds the action level. */
    private record Online(double actionLevelMm) implements CorrectionProtocol {
        @Override
        public String id() {
            return "online";
        }

        @Override
        public String description() {
            return "online: image every fraction, correct when the 3D error exceeds " + actionLevelMm + " mm";
        }

        @Override
        public CorrectionProtocol newPatient() {
            return this;
        }

        @Override
        public boolean imaged(int f) {
            return true;
        }

        @Override
        public AxisValues correctionFor(int f, AxisValues position, AxisValues current) {
            return position.length() > actionLevelMm ? position : AxisValues.ZERO;
        }

        @Override
        public boolean online() {
            return true;
        }

        @Override
        public int firstEvaluatedFraction() {
            return 0;
        }

        @Override
        public Optional<Residuals> analyticResiduals(AxisValues systematic, AxisValues random, int fractions) {
            return actionLevelMm == 0 ? Optional.of(new Residuals(AxisValues.ZERO, AxisValues.ZERO, 1)) : Optional.empty();
        }
    }

    /** Binds a provider service (the component runtime calls this). */
    @Reference(name = "providers", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void add(CorrectionProtocolProvider service, Map<String, Object> properties) {
        bound.add(service, properties);
    }

    /** Unbinds a provider service. */
    public void remove(CorrectionProtocolProvider service) {
        bound.remove(service);
    }
}
