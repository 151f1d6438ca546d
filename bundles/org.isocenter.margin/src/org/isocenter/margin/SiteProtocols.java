/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.margin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Loads site protocols from JSON files and validates them, with errors that name the file and the field.
 * Format: {@code {"site": "prostate", "description": "...", "recipe": "vanherk", "protocol": "enal:3:5",
 * "fractions": 39, "otherSystematic": [{"name": "delineation", "lr": 1, "ap": 2, "si": 2}],
 * "otherRandom": [...], "maxMarginMm": {"lr": 10, "ap": 10, "si": 12}}} (SDs and margins in mm).
 * The built-in files ({@code sites/} in this bundle: prostate, lung, head and neck) hold example values from the
 * literature; a clinic must measure and set its own.
 */
public final class SiteProtocols {

    public static final List<String> BUILT_IN = List.of("prostate", "lung", "headneck");

    private SiteProtocols() {
    }

    public static List<SiteProtocol> builtIn() {
        List<SiteProtocol> all = new ArrayList<>();
        for (String name : BUILT_IN) {
            all.add(builtIn(name).orElseThrow());
        }
        return all;
    }

    public static Optional<SiteProtocol> builtIn(String site) {
        Optional<String> json = builtInJson(site);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(json.get(), "/sites/" + site + ".json", MarginRecipes.of(), CorrectionProtocols.of()));
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The text of a built-in protocol file, for sections other bundles read (the IGRT alert thresholds). */
    public static Optional<String> builtInJson(String site) {
        if (!BUILT_IN.contains(site)) {
            return Optional.empty();
        }
        String resource = "/sites/" + site + ".json";
        try (InputStream in = SiteProtocols.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in site protocol " + resource + " is missing from the bundle");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses and validates one protocol against the recipes and correction protocols on offer; {@code source} names it
     * in error messages.
     */
    public static SiteProtocol parse(String json, String source, MarginRecipes recipes, CorrectionProtocols protocols)
            throws IOException {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            String recipeId = string(o, "recipe", source);
            MarginRecipe recipe = recipes.byId(recipeId).orElseThrow(() -> new IOException(source
                    + ": unknown recipe '" + recipeId + "'; one of "
                    + String.join(", ", recipes.available().stream().map(MarginRecipe::id).toList())));
            String protocol = string(o, "protocol", source);
            try {
                protocols.parse(protocol);
            } catch (IllegalArgumentException e) {
                throw new IOException(source + ": protocol: " + e.getMessage());
            }
            int fractions = o.has("fractions") ? o.get("fractions").getAsInt() : 0;
            if (fractions < 1) {
                throw new IOException(source + ": fractions must be a positive number");
            }
            return new SiteProtocol(string(o, "site", source), o.has("description") ? o.get("description").getAsString() : "",
                    recipe, protocol, fractions, components(o, "otherSystematic", source), components(o, "otherRandom", source),
                    axes(o.getAsJsonObject("maxMarginMm"), source + ": maxMarginMm"));
        } catch (JsonParseException | IllegalStateException | ClassCastException | UnsupportedOperationException
                | NumberFormatException e) {
            throw new IOException(source + ": not a valid site protocol: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    private static String string(JsonObject o, String field, String source) throws IOException {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive() || e.getAsString().isBlank()) {
            throw new IOException(source + ": missing field '" + field + "'");
        }
        return e.getAsString();
    }

    private static List<ErrorBudget.Component> components(JsonObject o, String field, String source) throws IOException {
        List<ErrorBudget.Component> list = new ArrayList<>();
        if (!o.has(field)) {
            return list;
        }
        JsonArray a = o.getAsJsonArray(field);
        for (JsonElement e : a) {
            JsonObject c = e.getAsJsonObject();
            String name = string(c, "name", source + ": " + field);
            list.add(new ErrorBudget.Component(name, axes(c, source + ": " + field + " '" + name + "'")));
        }
        return list;
    }

    private static AxisValues axes(JsonObject o, String where) throws IOException {
        if (o == null) {
            throw new IOException(where + ": missing");
        }
        double[] v = new double[3];
        String[] names = { "lr", "ap", "si" };
        for (int i = 0; i < 3; i++) {
            if (!o.has(names[i])) {
                throw new IOException(where + ": missing '" + names[i] + "' (mm)");
            }
            v[i] = o.get(names[i]).getAsDouble();
            if (!(v[i] >= 0) || Double.isInfinite(v[i])) {
                throw new IOException(where + ": '" + names[i] + "' must be a non-negative number of mm");
            }
        }
        return new AxisValues(v[0], v[1], v[2]);
    }
}
