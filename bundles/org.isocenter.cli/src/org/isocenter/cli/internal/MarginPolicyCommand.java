/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.cli.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.isocenter.cli.CliCommand;
import org.isocenter.cli.CliUsageException;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.margin.Axis;
import org.isocenter.margin.AxisValues;
import org.isocenter.margin.CorrectionProtocol;
import org.isocenter.margin.FractionLog;
import org.isocenter.margin.ShiftRecord;
import org.isocenter.margin.CorrectionProtocols;
import org.isocenter.margin.ErrorBudget;
import org.isocenter.margin.MarginRecipe;
import org.isocenter.margin.MarginRecipes;
import org.isocenter.margin.MarginReport;
import org.isocenter.margin.PopulationStatistics;
import org.isocenter.igrt.RecordStore;
import org.isocenter.igrt.RecordStores;
import org.isocenter.margin.Residuals;
import org.isocenter.margin.ShiftCsv;
import org.isocenter.margin.SiteProtocol;
import org.isocenter.margin.SiteProtocols;
import org.osgi.service.component.annotations.Component;
import org.isocenter.igrt.AdaptiveRules;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code margin-policy --shifts shifts.csv | --records FOLDER | --db URL [--from D] [--to D] [--site S | --recipe R
 * --protocol P --fractions N] [--seed S]}: population statistics of measured set-up shifts (a CSV, the accepted
 * decisions of the workbench's fraction logs under a folder, or those of the IGRT record store, of one site's courses
 * and decided within [from, to] (UTC days) when given), what a correction protocol leaves of them (closed form and
 * simulation) and the recipe's CTV-to-PTV margin per axis, all in mm.
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=margin-policy")
public final class MarginPolicyCommand implements CliCommand {

    @Reference
    private AdaptiveRules rules;
    @Reference
    private MarginRecipes recipes;
    @Reference
    private CorrectionProtocols protocols;

    @Override
    public String name() {
        return "margin-policy";
    }

    @Override
    public String usage() {
        return "--shifts <csv> | --records <fraction log or folder> | --db <JDBC URL> [--from YYYY-MM-DD] [--to YYYY-MM-DD]"
                + " [--site prostate|lung|headneck] [--recipe ID]"
                + " [--protocol SPEC] [--fractions N] [--seed N]"
                + "  Σ, σ, residuals after the protocol and margins per axis (mm)";
    }

    @Override
    public JsonObject run(List<String> args, ProgressMonitor progress) throws Exception {
        String shifts = null, records = null, db = null, site = null, recipeId = null, protocolSpec = null;
        LocalDate from = null, to = null;
        int fractions = -1;
        long seed = 20261121L;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i + 1 == args.size()) {
                throw new CliUsageException(a + " needs a value");
            }
            String v = args.get(++i);
            switch (a) {
                case "--shifts" -> shifts = v;
                case "--records" -> records = v;
                case "--db" -> db = v;
                case "--from" -> from = date(a, v);
                case "--to" -> to = date(a, v);
                case "--site" -> site = v;
                case "--recipe" -> recipeId = v;
                case "--protocol" -> protocolSpec = v;
                case "--fractions" -> fractions = integer(a, v);
                case "--seed" -> seed = integer(a, v);
                default -> throw new CliUsageException("unknown option " + a);
            }
        }
        if ((shifts != null ? 1 : 0) + (records != null ? 1 : 0) + (db != null ? 1 : 0) != 1) {
            throw new CliUsageException("give --shifts <csv> (columns patient, fraction, lr, ap, si in mm; synonyms such as "
                    + "patient_id, fx, lr_mm accepted), --records "
                    + "<folder> (the workbench's " + FractionLog.FILE_NAME + " files) or --db <JDBC URL> (the IGRT record "
                    + "store), one of them");
        }
        if (db == null && (from != null || to != null)) {
            throw new CliUsageException("--from and --to select decisions of the record store: they go with --db");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new CliUsageException("--to " + to + " is before --from " + from);
        }
        SiteProtocol siteProtocol = null;
        if (site != null) {
            String s = site;
            siteProtocol = SiteProtocols.builtIn(site).orElseThrow(() -> new CliUsageException(
                    "unknown site '" + s + "'; one of " + String.join(", ", SiteProtocols.BUILT_IN)));
        }
        MarginRecipe recipe = recipeId != null ? recipe(recipeId) : siteProtocol != null ? siteProtocol.recipe()
                : MarginRecipes.VAN_HERK;
        CorrectionProtocol protocol;
        try {
            protocol = protocols.parse(protocolSpec != null ? protocolSpec
                    : siteProtocol != null ? siteProtocol.protocolSpec() : "none");
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(e.getMessage());
        }
        int n = fractions > 0 ? fractions : siteProtocol != null ? siteProtocol.fractions() : 30;
        progress.begin("Margin policy", 2);
        Path source = db != null ? null : Path.of(shifts != null ? shifts : records).toAbsolutePath().normalize();
        ShiftCsv.Table table = shifts != null ? ShiftCsv.readTable(source) : null;
        List<ShiftRecord> data;
        String database = null;
        if (db != null) {
            try (RecordStore store = RecordStores.open(db, rules)) {
                // --to names the last day included: decisions before the next day's start (UTC)
                data = store.populationShifts(site, from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                database = store.url();
            }
            if (data.isEmpty()) {
                throw new IllegalArgumentException("no accepted, matched decision in " + database
                        + (site != null ? " for site '" + site + "'" : "") + (from != null ? " from " + from : "")
                        + (to != null ? " to " + to : ""));
            }
        } else {
            data = table != null ? table.shifts() : FractionLog.shifts(FractionLog.readAll(source));
        }
        PopulationStatistics stats = PopulationStatistics.of(data);
        progress.worked(1);
        MarginReport report = MarginReport.evaluate(recipe, protocol, n, stats.systematic(), stats.random(),
                siteProtocol != null ? siteProtocol.otherSystematic() : List.of(),
                siteProtocol != null ? siteProtocol.otherRandom() : List.of(),
                siteProtocol != null ? siteProtocol.maxMarginMm() : null, seed);
        progress.worked(1);

        JsonObject o = new JsonObject();
        if (database != null) {
            o.addProperty("database", database);
            o.addProperty("from", from == null ? null : from.toString());
            o.addProperty("to", to == null ? null : to.toString());
        } else {
            o.addProperty(shifts != null ? "shifts" : "records", source.toString());
        }
        if (table != null) {
            JsonObject columns = new JsonObject();
            table.columns().forEach(columns::addProperty);
            o.add("columns", columns);
        }
        if (siteProtocol != null) {
            o.addProperty("site", siteProtocol.site());
        }
        JsonObject population = new JsonObject();
        population.addProperty("patients", stats.patients());
        population.addProperty("fractions", stats.fractions());
        population.add("groupMeanMm", axes(stats.groupMean()));
        population.add("systematicMm", axes(stats.systematic()));
        population.add("systematic95Mm", interval(stats.systematicLow95(), stats.systematicHigh95()));
        population.add("randomMm", axes(stats.random()));
        population.add("random95Mm", interval(stats.randomLow95(), stats.randomHigh95()));
        o.add("population", population);
        JsonObject p = new JsonObject();
        p.addProperty("id", protocol.id());
        p.addProperty("description", protocol.description());
        p.addProperty("fractions", n);
        report.analytic().ifPresent(r -> p.add("closedForm", residuals(r)));
        p.add("simulated", residuals(report.simulated()));
        p.addProperty("simulatedPatients", MarginReport.SIMULATED_PATIENTS);
        p.addProperty("seed", seed);
        o.add("protocol", p);
        JsonObject r = new JsonObject();
        r.addProperty("id", recipe.id());
        r.addProperty("formula", recipe.formula());
        r.addProperty("reference", recipe.reference());
        o.add("recipe", r);
        JsonArray budget = new JsonArray();
        for (ErrorBudget.Component c : report.budget().systematic()) {
            budget.add(component("systematic", c));
        }
        for (ErrorBudget.Component c : report.budget().random()) {
            budget.add(component("random", c));
        }
        o.add("budget", budget);
        o.add("totalSystematicMm", axes(report.budget().totalSystematic()));
        o.add("totalRandomMm", axes(report.budget().totalRandom()));
        o.add("marginMm", axes(report.margin()));
        JsonArray warnings = new JsonArray();
        report.warnings().forEach(warnings::add);
        o.add("warnings", warnings);
        return o;
    }

    private MarginRecipe recipe(String id) throws CliUsageException {
        List<String> ids = new ArrayList<>();
        recipes.available().forEach(x -> ids.add(x.id()));
        return recipes.byId(id).orElseThrow(() -> new CliUsageException("unknown recipe '" + id + "'; one of "
                + String.join(", ", ids)));
    }

    private static int integer(String option, String v) throws CliUsageException {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new CliUsageException(option + " '" + v + "' is not a whole number");
        }
    }

    private static JsonObject axes(AxisValues v) {
        JsonObject o = new JsonObject();
        for (Axis a : Axis.values()) {
            o.addProperty(a.name().toLowerCase(Locale.ROOT), Math.round(v.get(a) * 1000) / 1000.0);
        }
        return o;
    }

    private static JsonObject interval(AxisValues low, AxisValues high) {
        JsonObject o = new JsonObject();
        o.add("low", axes(low));
        o.add("high", axes(high));
        return o;
    }

    private static JsonObject residuals(Residuals r) {
        JsonObject o = new JsonObject();
        o.add("systematicMm", axes(r.systematic()));
        o.add("randomMm", axes(r.random()));
        o.addProperty("imagedFractionShare", Math.round(r.imagedFractionShare() * 1000) / 1000.0);
        return o;
    }

    private static JsonObject component(String kind, ErrorBudget.Component c) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", kind);
        o.addProperty("name", c.name());
        o.add("sdMm", axes(c.sdMm()));
        return o;
    }

    private static LocalDate date(String option, String v) throws CliUsageException {
        try {
            return LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CliUsageException(option + " '" + v + "' is not a date (YYYY-MM-DD)");
        }
    }
}
