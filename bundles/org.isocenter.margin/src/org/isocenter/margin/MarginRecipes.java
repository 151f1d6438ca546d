/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.isocenter.core.services.Contributions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The built-in margin recipes. Σ is the total systematic and σ the total random standard deviation of an
 * {@link ErrorBudget}, per axis, in mm; σp the penumbra width. All assume Gaussian, independent errors and
 * a smooth convex target; none covers rotations or shape change.
 * <p>
 * An instance is the catalogue on offer, itself a service: front ends and commands take it by {@code @Reference} or a
 * service tracker; {@link #of} makes a fixed one (built-ins and the recipes given), e.g. for a test or a built-in site.
 */
@Component(service = MarginRecipes.class, immediate = true)
public final class MarginRecipes {

    private record Linear(String id, String title, String formula, String reference, double kSystematic,
            double kRandom) implements MarginRecipe {
        @Override
        public AxisValues margin(ErrorBudget b) {
            return b.totalSystematic().times(kSystematic).plus(b.totalRandom().times(kRandom));
        }
    }

    /** van Herk et al. 2000: 90% of patients get at least 95% of the prescribed dose on the CTV. */
    public static final MarginRecipe VAN_HERK = new Linear("vanherk", "van Herk (simplified)", "M = 2.5 Σ + 0.7 σ",
            "van Herk M, Remeijer P, Rasch C, Lebesque JV. Int J Radiat Oncol Biol Phys 2000;47:1121-1135. "
                    + "90% of patients receive >= 95% of the prescribed dose on the CTV; the 0.7 σ term assumes a "
                    + "photon penumbra of σp ≈ 3.2 mm and is not valid for σ much larger than σp.",
            2.5, 0.7);

    /** van Herk et al. 2000, full form with the penumbra. */
    public static final MarginRecipe VAN_HERK_FULL = new MarginRecipe() {
        @Override
        public String id() {
            return "vanherk-full";
        }

        @Override
        public String title() {
            return "van Herk (with penumbra)";
        }

        @Override
        public String formula() {
            return "M = 2.5 Σ + 1.64 (√(σ² + σp²) − σp)";
        }

        @Override
        public String reference() {
            return "van Herk M et al. Int J Radiat Oncol Biol Phys 2000;47:1121-1135, full form: the random term "
                    + "blurs the penumbra (σp, SD of the Gaussian penumbra, ≈ 3.2 mm for photons in water).";
        }

        @Override
        public AxisValues margin(ErrorBudget b) {
            double sp = b.penumbraSigmaMm();
            AxisValues randomTerm = b.totalRandom().map(s -> 1.64 * (Math.sqrt(s * s + sp * sp) - sp));
            return b.totalSystematic().times(2.5).plus(randomTerm);
        }
    };

    /** Stroom et al. 1999: 99% of the CTV receives at least 95% of the dose, on average over patients. */
    public static final MarginRecipe STROOM = new Linear("stroom", "Stroom", "M = 2 Σ + 0.7 σ",
            "Stroom JC, de Boer HCJ, Huizenga H, Visser AG. Int J Radiat Oncol Biol Phys 1999;43:905-919. "
                    + "On average 99% of the CTV receives >= 95% of the prescribed dose.",
            2.0, 0.7);

    /** ICRU 62: internal and set-up margins combined in quadrature rather than linearly. */
    public static final MarginRecipe ICRU62_QUADRATIC = new MarginRecipe() {
        @Override
        public String id() {
            return "icru62";
        }

        @Override
        public String title() {
            return "ICRU 62 quadratic sum";
        }

        @Override
        public String formula() {
            return "M = √(Σ² + σ²)";
        }

        @Override
        public String reference() {
            return "ICRU Report 62 (1999): internal and set-up margins may be added in quadrature when independent; "
                    + "one standard deviation of all components, no coverage probability implied.";
        }

        @Override
        public AxisValues margin(ErrorBudget b) {
            return AxisValues.quadrature(List.of(b.totalSystematic(), b.totalRandom()));
        }
    };

    /** McKenzie et al. 2002: planning organ-at-risk volume (PRV) margin for serial or small organs at risk. */
    public static final MarginRecipe MCKENZIE_PRV = new Linear("mckenzie-prv", "McKenzie PRV (serial OAR)",
            "M = 1.3 Σ + 0.5 σ",
            "McKenzie A, van Herk M, Mijnheer B. Radiother Oncol 2002;62:299-307. OAR-to-PRV margin for serial or "
                    + "small parallel organs at risk near a steep dose gradient (the paper's 1.3 Σ ± 0.5 σ with the "
                    + "+ sign); large parallel organs may need only 1.3 Σ or none.",
            1.3, 0.5);

    private final Contributions<MarginRecipe> bound = new Contributions<>();

    /** A catalogue of the built-in recipes, to which the component runtime binds the contributed ones. */
    public MarginRecipes() {
    }

    /** A fixed catalogue: the built-in recipes and these. */
    public static MarginRecipes of(MarginRecipe... contributed) {
        MarginRecipes c = new MarginRecipes();
        for (MarginRecipe r : contributed) {
            c.add(r, Map.of());
        }
        return c;
    }

    /** The recipes this bundle ships (data, always offered). */
    public static List<MarginRecipe> builtIn() {
        return List.of(VAN_HERK, VAN_HERK_FULL, STROOM, ICRU62_QUADRATIC, MCKENZIE_PRV);
    }

    /**
     * The built-in recipes, then every {@link MarginRecipe} service bound (a vendor's or clinic's bundle contributes
     * one as a Declarative Services {@code @Component}), by service ranking. A service whose id duplicates an earlier
     * one is left out (built-ins cannot be replaced silently).
     */
    public List<MarginRecipe> available() {
        List<MarginRecipe> all = new java.util.ArrayList<>(builtIn());
        for (MarginRecipe r : bound.list()) {
            if (all.stream().noneMatch(x -> x.id().equalsIgnoreCase(r.id()))) {
                all.add(r);
            }
        }
        return all;
    }

    /** A recipe by id among {@link #available()}. */
    public Optional<MarginRecipe> byId(String id) {
        return available().stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
    }

    /** Binds a recipe service (the component runtime calls this). */
    @Reference(name = "recipes", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void add(MarginRecipe service, Map<String, Object> properties) {
        bound.add(service, properties);
    }

    /** Unbinds a recipe service. */
    public void remove(MarginRecipe service) {
        bound.remove(service);
    }
}
